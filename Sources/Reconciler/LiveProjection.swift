import ConnectAPI
import Model

/// Projects what Connect returned into `LiveResource`s in the manifest vocabulary: ids
/// become names, times become `HH:MM-HH:MM`, ARNs inside flow content become
/// `${kind:NAME}`. The twin of `Projection` (desired side): change one, change both.
enum LiveProjection {
    static func project(_ raw: RawState, _ details: RawDetails, readCalls: Int) -> LiveState {
        var hoursName: [String: String] = [:], queueName: [String: String] = [:], flowName: [String: String] = [:]
        var profileName: [String: String] = [:], securityName: [String: String] = [:], groupPath: [String: String] = [:]
        var arns: [String: ResourceAddress] = [:]
        for h in raw.hours { if let id = h.HoursOfOperationId, let n = h.Name { hoursName[id] = n; if let a = h.HoursOfOperationArn { arns[a] = ResourceAddress(.hoursOfOperation, n) } } }
        for q in raw.queues { if let id = q.QueueId, let n = q.Name { queueName[id] = n; if let a = q.QueueArn { arns[a] = ResourceAddress(.queue, n) } } }
        for f in raw.flows { if let id = f.Id, let n = f.Name { flowName[id] = n; if let a = f.Arn { arns[a] = ResourceAddress(.flow, n) } } }
        for m in raw.modules { if let n = m.Name, let a = m.Arn { arns[a] = ResourceAddress(.flowModule, n) } }
        for p in raw.profiles { if let id = p.RoutingProfileId, let n = p.Name { profileName[id] = n; if let a = p.RoutingProfileArn { arns[a] = ResourceAddress(.routingProfile, n) } } }
        for s in raw.securityProfiles { if let id = s.Id, let n = s.SecurityProfileName { securityName[id] = n; if let a = s.Arn { arns[a] = ResourceAddress(.securityProfile, n) } } }
        for g in raw.groups where g.LevelId != "0" { if let id = g.Id { groupPath[id] = path(of: g) } }
        for u in raw.users { if let n = u.Username, let a = u.Arn { arns[a] = ResourceAddress(.user, n) } }

        func name(_ id: String?, in map: [String: String]) -> FieldValue {
            guard let id else { return .null }
            return .string(map[id] ?? id)
        }
        func content(_ text: String?) -> FlowContentForm {
            FlowContentCanonicalizer.canonicalForm(FlowContentCanonicalizer.unresolve(text ?? "", arns: arns))
        }

        var resources: [LiveResource] = []
        for h in raw.hours {
            guard let id = h.HoursOfOperationId, let n = h.Name else { continue }
            var days: [String: [String]] = [:]
            for c in h.Config ?? [] {
                let range = "\(time(c.StartTime))-\(time(c.EndTime))"
                days[c.Day.rawValue.lowercased(), default: []].append(range)
            }
            resources.append(LiveResource(
                address: ResourceAddress(.hoursOfOperation, n), id: id, arn: h.HoursOfOperationArn ?? "", tags: h.Tags ?? [:],
                fields: [
                    "description": .string(h.Description ?? ""),
                    "timeZone": .string(h.TimeZone ?? ""),
                    "schedule": .object(days.mapValues { .list($0.sorted().map(FieldValue.string)) }),
                ],
                isDefault: ConnectDefaults.hoursOfOperation.contains(n)))
        }
        for q in raw.queues {
            guard let id = q.QueueId, let n = q.Name else { continue }
            let caller = q.OutboundCallerConfig
            resources.append(LiveResource(
                address: ResourceAddress(.queue, n), id: id, arn: q.QueueArn ?? "", tags: q.Tags ?? [:],
                fields: [
                    "description": .string(q.Description ?? ""),
                    "hoursOfOperation": name(q.HoursOfOperationId, in: hoursName),
                    "maxContacts": .optional(q.MaxContacts),
                    "status": .string(q.Status?.rawValue ?? "ENABLED"),
                    "outboundCallerId": Projection.outboundCallerId(
                        name: caller?.OutboundCallerIdName, number: caller?.OutboundCallerIdNumberId,
                        flow: caller?.OutboundFlowId.map { flowName[$0] ?? $0 }),
                ],
                isDefault: ConnectDefaults.queues.contains(n)))
        }
        for p in raw.profiles {
            guard let id = p.RoutingProfileId, let n = p.Name else { continue }
            var fields: [String: FieldValue] = [
                "description": .string(p.Description ?? ""),
                "defaultOutboundQueue": name(p.DefaultOutboundQueueId, in: queueName),
                "concurrency": .object(Dictionary((p.MediaConcurrencies ?? []).map {
                    ($0.Channel.rawValue.lowercased(), FieldValue.int($0.Concurrency))
                }, uniquingKeysWith: { a, _ in a })),
            ]
            if let configs = details.profileQueues[id] {
                fields["queues"] = Projection.routingQueues(configs.map {
                    (queue: queueName[$0.QueueId] ?? $0.QueueName, channel: $0.Channel.rawValue.lowercased(),
                     priority: $0.Priority, delay: $0.Delay)
                })
            }
            resources.append(LiveResource(
                address: ResourceAddress(.routingProfile, n), id: id, arn: p.RoutingProfileArn ?? "", tags: p.Tags ?? [:],
                fields: fields, isDefault: p.IsDefault == true || ConnectDefaults.routingProfiles.contains(n)))
        }
        for f in raw.flows {
            guard let id = f.Id, let n = f.Name else { continue }
            let form = content(f.Content ?? (details.flowContent[id] ?? nil))
            resources.append(LiveResource(
                address: ResourceAddress(.flow, n), id: id, arn: f.Arn ?? "", tags: f.Tags ?? [:],
                fields: [
                    "type": .string(f.Type?.rawValue ?? ""),
                    "description": .string(f.Description ?? ""),
                    "status": .string(f.Status?.rawValue ?? "PUBLISHED"),
                    "state": .string(f.State?.rawValue ?? "ACTIVE"),
                    "content": .string(form.behaviour),
                    "layout": .string(form.layout),
                ],
                isDefault: ConnectDefaults.flowType(named: n) != nil))
        }
        for m in raw.modules {
            guard let id = m.Id, let n = m.Name else { continue }
            let form = content(m.Content ?? (details.flowContent[id] ?? nil))
            resources.append(LiveResource(
                address: ResourceAddress(.flowModule, n), id: id, arn: m.Arn ?? "", tags: m.Tags ?? [:],
                fields: [
                    "description": .string(m.Description ?? ""),
                    "status": .string(m.Status?.rawValue ?? "PUBLISHED"),
                    "state": .string(m.State?.rawValue ?? "ACTIVE"),
                    "content": .string(form.behaviour),
                    "layout": .string(form.layout),
                ]))
        }
        for s in raw.securityProfiles {
            guard let id = s.Id, let n = s.SecurityProfileName else { continue }
            var fields: [String: FieldValue] = ["description": .string(s.Description ?? "")]
            if let permissions = details.permissions[id] { fields["permissions"] = .strings(permissions) }
            resources.append(LiveResource(
                address: ResourceAddress(.securityProfile, n), id: id, arn: s.Arn ?? "", tags: s.Tags ?? [:],
                fields: fields, isDefault: ConnectDefaults.securityProfiles.contains(n)))
        }
        for g in raw.groups where g.LevelId != "0" {
            guard let id = g.Id, let p = groupPath[id] else { continue }
            let parent = p.split(separator: "/").dropLast().joined(separator: "/")
            resources.append(LiveResource(
                address: ResourceAddress(.hierarchyGroup, p), id: id, arn: g.Arn ?? "", tags: g.Tags ?? [:],
                fields: ["parent": parent.isEmpty ? .null : .string(parent)]))
        }
        for u in raw.users {
            guard let id = u.Id, let n = u.Username else { continue }
            var fields: [String: FieldValue] = [
                "firstName": .string(u.IdentityInfo?.FirstName ?? ""),
                "lastName": .string(u.IdentityInfo?.LastName ?? ""),
                "routingProfile": name(u.RoutingProfileId, in: profileName),
                "securityProfiles": .strings((u.SecurityProfileIds ?? []).map { securityName[$0] ?? $0 }),
                "hierarchyGroup": name(u.HierarchyGroupId, in: groupPath),
                "phone": Projection.phone(type: u.PhoneConfig?.PhoneType?.rawValue ?? "SOFT_PHONE",
                                          autoAccept: u.PhoneConfig?.AutoAccept ?? false,
                                          afterContactWorkSeconds: u.PhoneConfig?.AfterContactWorkTimeLimit ?? 0,
                                          deskPhoneNumber: u.PhoneConfig?.DeskPhoneNumber.flatMap { $0.isEmpty ? nil : $0 }),
            ]
            if let identity = details.identity[id] {
                fields["email"] = .string(identity?.Email ?? "")
                fields["secondaryEmail"] = .string(identity?.SecondaryEmail ?? "")
                fields["mobile"] = .string(identity?.Mobile ?? "")
            }
            resources.append(LiveResource(address: ResourceAddress(.user, n), id: id, arn: u.Arn ?? "",
                                          tags: u.Tags ?? [:], fields: fields))
        }
        var levels: [String] = []
        if let s = raw.structure {
            for level in [s.LevelOne, s.LevelTwo, s.LevelThree, s.LevelFour, s.LevelFive] {
                guard let name = level?.Name else { break }
                levels.append(name)
            }
        }
        return LiveState(resources: resources, hierarchyLevels: levels, readCalls: readCalls)
    }

    static func time(_ t: HoursOfOperationTimeSlice) -> String {
        TimeOfDay(hours: t.Hours, minutes: t.Minutes).description
    }

    static func path(of group: ConnectAPI.HierarchyGroup) -> String {
        let p = group.HierarchyPath
        let names = [p?.LevelOne, p?.LevelTwo, p?.LevelThree, p?.LevelFour, p?.LevelFive].compactMap { $0?.Name }
        return names.isEmpty ? (group.Name ?? "") : names.joined(separator: "/")
    }
}
