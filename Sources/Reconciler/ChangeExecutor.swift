import ConnectAPI
import Foundation
import Model

/// Makes the Connect calls for one planned change.
struct ChangeExecutor: Sendable {
    let client: any ConnectReader & ConnectWriter
    let instanceId: String
    let registry: IdRegistry
    let detail: ChangeDetail
    let stack: String

    private var fields: [String: FieldValue] { detail.desiredFields }

    func run() async throws {
        guard let address = detail.address else {
            try await updateHierarchyStructure()
            return
        }
        switch detail.change.action {
        case .create:
            try await create(address)
        case .delete:
            try await delete(address, id: detail.live!.id)
            await registry.remove(address)
        case .replace:
            try await delete(address, id: detail.live!.id)
            await registry.remove(address)
            try await create(address)
        case .update, .rename, .adopt:
            try await update(address, live: detail.live!)
        }
    }

    // MARK: create

    private func create(_ address: ResourceAddress) async throws {
        let tags = tagMap(fields["tags"])
        let created: (id: String?, arn: String?)
        do {
            created = try await createCall(address, tags: tags)
        } catch let error as ConnectError where error.kind == .duplicateResource {
            // A create that timed out may have succeeded: find it instead of failing.
            // Only a resource this stack created (our tag) is ours to take; anything else
            // appeared between the read and the create and must not be taken over silently.
            guard let found = try await lookUp(address), found.tags[Ownership.stackTag] == stack else { throw error }
            await registry.register(address, id: found.id, arn: found.arn)
            try await afterCreate(address, id: found.id)
            return
        }
        guard let id = created.id else { throw ApplyError.missingIdentifier(detail.change.calls.first ?? "create") }
        await registry.register(address, id: id, arn: created.arn ?? "")
        try await afterCreate(address, id: id)
    }

    private func createCall(_ address: ResourceAddress, tags: [String: String]) async throws -> (id: String?, arn: String?) {
        switch detail.desired! {
        case let .hours(h):
            let r = try await client.createHoursOfOperation(instanceId: instanceId, CreateHoursOfOperationRequest(
                Name: h.name, Description: nonEmpty(h.description), TimeZone: h.timeZone, Config: config(h.schedule), Tags: tags))
            return (r.HoursOfOperationId, r.HoursOfOperationArn)
        case let .queue(q):
            let r = try await client.createQueue(instanceId: instanceId, CreateQueueRequest(
                Name: q.name, Description: nonEmpty(q.description), OutboundCallerConfig: try await outboundCaller(q.outboundCallerId),
                HoursOfOperationId: try await registry.id(ResourceAddress(.hoursOfOperation, q.hoursOfOperation)),
                MaxContacts: q.maxContacts, Tags: tags))
            return (r.QueueId, r.QueueArn)
        case let .routingProfile(p):
            let configs = try await queueConfigs(RoutingQueueDelta.entries(fields["queues"]))
            let r = try await client.createRoutingProfile(instanceId: instanceId, CreateRoutingProfileRequest(
                Name: p.name, Description: p.description,
                DefaultOutboundQueueId: try await registry.id(ResourceAddress(.queue, p.defaultOutboundQueue)),
                QueueConfigs: configs.isEmpty ? nil : Array(configs.prefix(RoutingQueueDelta.batchSize)),
                MediaConcurrencies: concurrencies(p.concurrency), Tags: tags))
            return (r.RoutingProfileId, r.RoutingProfileArn)
        case let .flow(f):
            let content = detail.placeholder ? Self.placeholderContent(for: f.type) : try await resolvedContent(f.content.text)
            let r = try await client.createContactFlow(instanceId: instanceId, CreateContactFlowRequest(
                Name: f.name, Type: ContactFlowType(rawValue: f.type.rawValue), Description: nonEmpty(f.description),
                Content: content, Status: ContactFlowStatus(rawValue: f.status.rawValue), Tags: tags))
            return (r.ContactFlowId, r.ContactFlowArn)
        case let .flowModule(m):
            let content = detail.placeholder ? Self.placeholderContent(for: nil) : try await resolvedContent(m.content.text)
            let r = try await client.createContactFlowModule(instanceId: instanceId, CreateContactFlowModuleRequest(
                Name: m.name, Description: nonEmpty(m.description), Content: content, Tags: tags,
                ClientToken: UUID().uuidString.lowercased()))
            return (r.Id, r.Arn)
        case let .securityProfile(s):
            let r = try await client.createSecurityProfile(instanceId: instanceId, CreateSecurityProfileRequest(
                SecurityProfileName: s.name, Description: nonEmpty(s.description), Permissions: s.permissions.sorted(), Tags: tags))
            return (r.SecurityProfileId, r.SecurityProfileArn)
        case let .hierarchyGroup(g):
            var parentId: String?
            if let parent = g.parentPath { parentId = try await registry.id(ResourceAddress(.hierarchyGroup, parent)) }
            let r = try await client.createUserHierarchyGroup(instanceId: instanceId, CreateUserHierarchyGroupRequest(
                Name: g.name, ParentGroupId: parentId, Tags: tags))
            return (r.HierarchyGroupId, r.HierarchyGroupArn)
        case let .user(u):
            var securityIds: [String] = []
            for name in u.securityProfiles.sorted() { securityIds.append(try await registry.id(ResourceAddress(.securityProfile, name))) }
            var groupId: String?
            if let group = u.hierarchyGroup { groupId = try await registry.id(ResourceAddress(.hierarchyGroup, group)) }
            let r = try await client.createUser(instanceId: instanceId, CreateUserRequest(
                Username: u.username, Password: u.password?.revealedValue(), IdentityInfo: identity(u),
                PhoneConfig: phoneConfig(u.phone), SecurityProfileIds: securityIds,
                RoutingProfileId: try await registry.id(ResourceAddress(.routingProfile, u.routingProfile)),
                HierarchyGroupId: groupId, Tags: tags))
            return (r.UserId, r.UserArn)
        }
    }

    /// Calls a create needs after the create itself.
    private func afterCreate(_ address: ResourceAddress, id: String) async throws {
        switch detail.desired! {
        case let .queue(q) where q.status == .disabled:
            try await client.updateQueueStatus(instanceId: instanceId, queueId: id, status: .DISABLED)
        case .routingProfile:
            let configs = try await queueConfigs(RoutingQueueDelta.entries(fields["queues"]))
            for batch in RoutingQueueDelta.batches(Array(configs.dropFirst(RoutingQueueDelta.batchSize))) {
                try await client.associateRoutingProfileQueues(instanceId: instanceId, routingProfileId: id,
                                                               queueConfigs: batch, manualAssignmentQueueConfigs: nil)
            }
        case let .flow(f) where f.state == .archived:
            try await client.updateContactFlowMetadata(instanceId: instanceId, contactFlowId: id, name: nil,
                                                       description: nil, contactFlowState: .ARCHIVED)
        case let .flowModule(m) where m.state == .archived:
            try await client.updateContactFlowModuleMetadata(instanceId: instanceId, contactFlowModuleId: id, name: nil,
                                                             description: nil, state: .ARCHIVED)
        default:
            break
        }
    }

    /// Second step of a placeholder create: the real content, now that what it references exists.
    func fillContent() async throws {
        let address = detail.address!
        let id = try await registry.id(address)
        switch detail.desired! {
        case let .flow(f):
            try await client.updateContactFlowContent(instanceId: instanceId, contactFlowId: flowContentId(id, status: f.status),
                                                      content: try await resolvedContent(f.content.text))
        case let .flowModule(m):
            try await client.updateContactFlowModuleContent(instanceId: instanceId, contactFlowModuleId: id,
                                                            content: try await resolvedContent(m.content.text), settings: nil)
        default:
            break
        }
    }

    // MARK: update

    private func update(_ address: ResourceAddress, live: LiveResource) async throws {
        let id = live.id
        let changed = Set(detail.change.fields.map(\.topLevelField))
        func any(_ names: String...) -> Bool { names.contains { changed.contains($0) } }
        let name = address.name
        switch detail.desired! {
        case let .hours(h):
            if any("name", "description", "timeZone", "schedule") {
                try await client.updateHoursOfOperation(instanceId: instanceId, hoursOfOperationId: id, UpdateHoursOfOperationRequest(
                    Name: h.name, Description: h.description ?? "", TimeZone: h.timeZone, Config: config(h.schedule)))
            }
        case let .queue(q):
            if any("name", "description") {
                try await client.updateQueueName(instanceId: instanceId, queueId: id, name: name, description: q.description ?? "")
            }
            if any("hoursOfOperation") {
                try await client.updateQueueHoursOfOperation(instanceId: instanceId, queueId: id,
                    hoursOfOperationId: try await registry.id(ResourceAddress(.hoursOfOperation, q.hoursOfOperation)))
            }
            if any("maxContacts") {
                try await client.updateQueueMaxContacts(instanceId: instanceId, queueId: id, maxContacts: q.maxContacts)
            }
            if any("status") {
                try await client.updateQueueStatus(instanceId: instanceId, queueId: id, status: QueueStatus(rawValue: q.status.rawValue))
            }
            if any("outboundCallerId") {
                try await client.updateQueueOutboundCallerConfig(instanceId: instanceId, queueId: id,
                    outboundCallerConfig: try await outboundCaller(q.outboundCallerId) ?? OutboundCallerConfig())
            }
        case let .routingProfile(p):
            if any("name", "description") {
                try await client.updateRoutingProfileName(instanceId: instanceId, routingProfileId: id, name: name, description: p.description)
            }
            if any("concurrency") {
                try await client.updateRoutingProfileConcurrency(instanceId: instanceId, routingProfileId: id,
                                                                 mediaConcurrencies: concurrencies(p.concurrency))
            }
            let delta = RoutingQueueDelta(from: live.fields["queues"], to: fields["queues"])
            for batch in RoutingQueueDelta.batches(try await queueConfigs(delta.associate)) {
                try await client.associateRoutingProfileQueues(instanceId: instanceId, routingProfileId: id,
                                                               queueConfigs: batch, manualAssignmentQueueConfigs: nil)
            }
            for batch in RoutingQueueDelta.batches(try await queueConfigs(delta.update)) {
                try await client.updateRoutingProfileQueues(instanceId: instanceId, routingProfileId: id, queueConfigs: batch)
            }
            if any("defaultOutboundQueue") {
                try await client.updateRoutingProfileDefaultOutboundQueue(instanceId: instanceId, routingProfileId: id,
                    defaultOutboundQueueId: try await registry.id(ResourceAddress(.queue, p.defaultOutboundQueue)))
            }
            for batch in RoutingQueueDelta.batches(try await queueConfigs(delta.disassociate)) {
                try await client.disassociateRoutingProfileQueues(instanceId: instanceId, routingProfileId: id,
                    queueReferences: batch.map(\.QueueReference), manualAssignmentQueueReferences: nil)
            }
        case let .flow(f):
            if any("state") {
                try await client.updateContactFlowMetadata(instanceId: instanceId, contactFlowId: id,
                    name: any("name") ? name : nil, description: any("description") ? (f.description ?? "") : nil,
                    contactFlowState: ContactFlowState(rawValue: f.state.rawValue))
            } else if any("name", "description") {
                try await client.updateContactFlowName(instanceId: instanceId, contactFlowId: id, name: name,
                                                       description: f.description ?? "")
            }
            if any("content", "layout", "status") {
                try await client.updateContactFlowContent(instanceId: instanceId, contactFlowId: flowContentId(id, status: f.status),
                                                          content: try await resolvedContent(f.content.text))
            }
        case let .flowModule(m):
            if any("name", "description", "state") {
                try await client.updateContactFlowModuleMetadata(instanceId: instanceId, contactFlowModuleId: id,
                    name: any("name") ? name : nil, description: any("description") ? (m.description ?? "") : nil,
                    state: any("state") ? ContactFlowModuleState(rawValue: m.state.rawValue) : nil)
            }
            if any("content", "layout", "status") {
                try await client.updateContactFlowModuleContent(instanceId: instanceId, contactFlowModuleId: id,
                                                                content: try await resolvedContent(m.content.text), settings: nil)
            }
        case let .securityProfile(s):
            if any("description", "permissions") {
                try await client.updateSecurityProfile(instanceId: instanceId, securityProfileId: id, UpdateSecurityProfileRequest(
                    Description: s.description ?? "", Permissions: s.permissions.sorted()))
            }
        case .hierarchyGroup:
            break
        case let .user(u):
            if any("firstName", "lastName", "email", "secondaryEmail", "mobile") {
                try await client.updateUserIdentityInfo(instanceId: instanceId, userId: id, identityInfo: identity(u))
            }
            if any("phone") {
                try await client.updateUserPhoneConfig(instanceId: instanceId, userId: id, phoneConfig: phoneConfig(u.phone))
            }
            if any("routingProfile") {
                try await client.updateUserRoutingProfile(instanceId: instanceId, userId: id,
                    routingProfileId: try await registry.id(ResourceAddress(.routingProfile, u.routingProfile)))
            }
            if any("securityProfiles") {
                var ids: [String] = []
                for p in u.securityProfiles.sorted() { ids.append(try await registry.id(ResourceAddress(.securityProfile, p))) }
                try await client.updateUserSecurityProfiles(instanceId: instanceId, userId: id, securityProfileIds: ids)
            }
            if any("hierarchyGroup") {
                var groupId: String?
                if let group = u.hierarchyGroup { groupId = try await registry.id(ResourceAddress(.hierarchyGroup, group)) }
                try await client.updateUserHierarchy(instanceId: instanceId, userId: id, hierarchyGroupId: groupId)
            }
        }
        if any("tags") {
            let (set, remove) = CallPlanner.tagDelta(before: live.fields["tags"], after: fields["tags"])
            let keys = set.keys.sorted()
            for start in stride(from: 0, to: keys.count, by: 50) {
                let batch = Dictionary(uniqueKeysWithValues: keys[start..<min(start + 50, keys.count)].map { ($0, set[$0]!) })
                try await client.tagResource(resourceArn: live.arn, tags: batch)
            }
            for start in stride(from: 0, to: remove.count, by: 50) {
                try await client.untagResource(resourceArn: live.arn, tagKeys: Array(remove[start..<min(start + 50, remove.count)]))
            }
        }
    }

    private func updateHierarchyStructure() async throws {
        guard case let .list(levels)? = fields["levels"] else { return }
        let names = levels.compactMap { if case let .string(s) = $0 { HierarchyLevelUpdate(Name: s) } else { nil } }
        func level(_ i: Int) -> HierarchyLevelUpdate? { i < names.count ? names[i] : nil }
        try await client.updateUserHierarchyStructure(instanceId: instanceId, hierarchyStructure: HierarchyStructureUpdate(
            LevelOne: level(0), LevelTwo: level(1), LevelThree: level(2), LevelFour: level(3), LevelFive: level(4)))
    }

    // MARK: delete

    private func delete(_ address: ResourceAddress, id: String) async throws {
        switch address.kind {
        case .hoursOfOperation: try await client.deleteHoursOfOperation(instanceId: instanceId, hoursOfOperationId: id)
        case .queue: try await client.deleteQueue(instanceId: instanceId, queueId: id)
        case .routingProfile: try await client.deleteRoutingProfile(instanceId: instanceId, routingProfileId: id)
        case .flow: try await client.deleteContactFlow(instanceId: instanceId, contactFlowId: id)
        case .flowModule: try await client.deleteContactFlowModule(instanceId: instanceId, contactFlowModuleId: id)
        case .securityProfile: try await client.deleteSecurityProfile(instanceId: instanceId, securityProfileId: id)
        case .hierarchyGroup: try await client.deleteUserHierarchyGroup(instanceId: instanceId, hierarchyGroupId: id)
        case .user: try await client.deleteUser(instanceId: instanceId, userId: id)
        case .quickConnect: try await client.deleteQuickConnect(instanceId: instanceId, quickConnectId: id)
        case .prompt: break
        }
    }

    // MARK: look-up after DuplicateResourceException

    private func lookUp(_ address: ResourceAddress) async throws -> (id: String, arn: String, tags: [String: String])? {
        let exact = { (field: String) in StringCondition(FieldName: field, Value: address.name, ComparisonType: .EXACT) }
        switch address.kind {
        case .hoursOfOperation:
            for try await page in client.searchHoursOfOperations(instanceId: instanceId, criteria: HoursOfOperationSearchCriteria(StringCondition: exact("name"))) {
                if let h = page.items.first(where: { $0.Name == address.name }), let id = h.HoursOfOperationId { return (id, h.HoursOfOperationArn ?? "", h.Tags ?? [:]) }
            }
        case .queue:
            for try await page in client.searchQueues(instanceId: instanceId, criteria: QueueSearchCriteria(StringCondition: exact("name"))) {
                if let q = page.items.first(where: { $0.Name == address.name }), let id = q.QueueId { return (id, q.QueueArn ?? "", q.Tags ?? [:]) }
            }
        case .routingProfile:
            for try await page in client.searchRoutingProfiles(instanceId: instanceId, criteria: RoutingProfileSearchCriteria(StringCondition: exact("name"))) {
                if let p = page.items.first(where: { $0.Name == address.name }), let id = p.RoutingProfileId { return (id, p.RoutingProfileArn ?? "", p.Tags ?? [:]) }
            }
        case .flow:
            for try await page in client.searchContactFlows(instanceId: instanceId, criteria: ContactFlowSearchCriteria(StringCondition: exact("name"))) {
                if let f = page.items.first(where: { $0.Name == address.name }), let id = f.Id { return (id, f.Arn ?? "", f.Tags ?? [:]) }
            }
        case .flowModule:
            for try await page in client.searchContactFlowModules(instanceId: instanceId, criteria: ContactFlowModuleSearchCriteria(StringCondition: exact("name"))) {
                if let m = page.items.first(where: { $0.Name == address.name }), let id = m.Id { return (id, m.Arn ?? "", m.Tags ?? [:]) }
            }
        case .securityProfile:
            for try await page in client.searchSecurityProfiles(instanceId: instanceId, criteria: SecurityProfileSearchCriteria(StringCondition: exact("name"))) {
                if let s = page.items.first(where: { $0.SecurityProfileName == address.name }), let id = s.Id { return (id, s.Arn ?? "", s.Tags ?? [:]) }
            }
        case .hierarchyGroup:
            let leaf = String(address.name.split(separator: "/").last ?? "")
            for try await page in client.searchUserHierarchyGroups(instanceId: instanceId, criteria: UserHierarchyGroupSearchCriteria(
                StringCondition: StringCondition(FieldName: "name", Value: leaf, ComparisonType: .EXACT))) {
                if let g = page.items.first(where: { LiveProjection.path(of: $0) == address.name }), let id = g.Id { return (id, g.Arn ?? "", g.Tags ?? [:]) }
            }
        case .user:
            for try await page in client.searchUsers(instanceId: instanceId, criteria: UserSearchCriteria(StringCondition: exact("Username"))) {
                if let u = page.items.first(where: { $0.Username == address.name }), let id = u.Id { return (id, u.Arn ?? "", u.Tags ?? [:]) }
            }
        case .quickConnect, .prompt:
            break
        }
        return nil
    }

    // MARK: shapes

    private func nonEmpty(_ s: String?) -> String? { (s ?? "").isEmpty ? nil : s }

    private func tagMap(_ value: FieldValue?) -> [String: String] {
        guard case let .object(o)? = value else { return [:] }
        return o.compactMapValues { if case let .string(s) = $0 { s } else { nil } }
    }

    private func config(_ schedule: [Weekday: [TimeRange]]) -> [HoursOfOperationConfig] {
        schedule.keys.sorted().flatMap { day in
            schedule[day]!.sorted().map { range in
                HoursOfOperationConfig(Day: HoursOfOperationDays(rawValue: day.connectName),
                                       StartTime: HoursOfOperationTimeSlice(Hours: range.start.hours, Minutes: range.start.minutes),
                                       EndTime: HoursOfOperationTimeSlice(Hours: range.end.hours, Minutes: range.end.minutes))
            }
        }
    }

    private func concurrencies(_ concurrency: [Model.Channel: Int]) -> [MediaConcurrency] {
        concurrency.keys.sorted().map { MediaConcurrency(Channel: ConnectAPI.Channel(rawValue: $0.connectName), Concurrency: concurrency[$0]!) }
    }

    private func queueConfigs(_ entries: [RoutingQueueDelta.Entry]) async throws -> [RoutingProfileQueueConfig] {
        var out: [RoutingProfileQueueConfig] = []
        for e in entries {
            out.append(RoutingProfileQueueConfig(
                QueueReference: RoutingProfileQueueReference(QueueId: try await registry.id(ResourceAddress(.queue, e.queue)),
                                                             Channel: ConnectAPI.Channel(rawValue: e.channel.uppercased())),
                Priority: e.priority, Delay: e.delay))
        }
        return out
    }

    private func outboundCaller(_ caller: OutboundCallerId?) async throws -> OutboundCallerConfig? {
        guard let caller else { return nil }
        var flowId: String?
        if let flow = caller.flow { flowId = try await registry.id(ResourceAddress(.flow, flow)) }
        return OutboundCallerConfig(OutboundCallerIdName: caller.name, OutboundCallerIdNumberId: caller.number, OutboundFlowId: flowId)
    }

    private func identity(_ u: Model.User) -> UserIdentityInfo {
        UserIdentityInfo(FirstName: nonEmpty(u.firstName), LastName: nonEmpty(u.lastName), Email: nonEmpty(u.email),
                         SecondaryEmail: nonEmpty(u.secondaryEmail), Mobile: nonEmpty(u.mobile))
    }

    private func phoneConfig(_ p: PhoneConfig) -> UserPhoneConfig {
        UserPhoneConfig(PhoneType: ConnectAPI.PhoneType(rawValue: p.type.rawValue), AutoAccept: p.autoAccept,
                        AfterContactWorkTimeLimit: p.afterContactWorkSeconds, DeskPhoneNumber: p.deskPhoneNumber)
    }

    private func resolvedContent(_ text: String) async throws -> String {
        if let missing = await registry.unresolvedReferences(in: text).first { throw ApplyError.unresolved(missing) }
        return await registry.resolveContent(text)
    }

    /// Saved (unpublished) content is addressed as `id:$SAVED`.
    private func flowContentId(_ id: String, status: FlowStatus) -> String {
        status == .saved ? id + ":$SAVED" : id
    }

    static func placeholderContent(for type: FlowType?) -> String {
        let action: String
        switch type {
        case .contactFlow?, .campaign?: action = "DisconnectParticipant"
        default: action = "EndFlowExecution"
        }
        return #"{"Version":"2019-10-30","StartAction":"patchbay-placeholder","Metadata":{},"Actions":[{"Identifier":"patchbay-placeholder","Type":"\#(action)","Parameters":{},"Transitions":{}}]}"#
    }
}
