import Foundation
import Model
import Yams

extension ManifestAssembler {
    typealias Entries = [String: (key: Node, value: Node)]

    func readHours(_ name: String, _ body: Node, _ owner: String, _ keyNode: Node) -> HoursOfOperation? {
        let spec = ManifestSchema.hours
        guard let e = context.object(body, spec: spec, owner: owner, ownerNode: keyNode) else { return nil }
        var timeZone: String?
        if let node = e["timeZone"]?.value, let zone = context.string(node, what: "'timeZone' in \(owner)") {
            if TimeZone(identifier: zone) == nil || !zone.contains("/") && zone != "UTC" {
                context.error("'timeZone' in \(owner) is not an IANA time zone: '\(zone)'"
                              + EditDistance.didYouMean(zone, among: TimeZone.knownTimeZoneIdentifiers), at: node)
            } else {
                timeZone = zone
            }
        }
        var schedule: [Weekday: [TimeRange]] = [:]
        if let node = e["schedule"]?.value, let days = context.object(node, spec: ManifestSchema.hours.field("schedule")!.objectSpec!,
                                                                      owner: "'schedule' of \(owner)") {
            for day in Weekday.allCases {
                guard let dayNode = days[day.rawValue]?.value else { continue }
                let what = "'\(day.rawValue)' in \(owner)"
                var items: [(String, Node)] = []
                if case .sequence = dayNode {
                    items = context.stringList(dayNode, what: what) ?? []
                } else if let text = context.string(dayNode, what: what) {
                    items = [(text, dayNode)]
                }
                var ranges: [(TimeRange, Node)] = []
                for (text, node) in items {
                    guard let range = TimeRange(parsing: text) else {
                        context.error("\(what) must be a time range HH:MM-HH:MM (00:00 to 23:59), found '\(text)'", at: node)
                        continue
                    }
                    guard range.start < range.end else {
                        context.error("\(what): range '\(text)' must start before it ends", at: node)
                        continue
                    }
                    ranges.append((range, node))
                }
                ranges.sort { $0.0 < $1.0 }
                for i in ranges.indices.dropFirst() where ranges[i].0.overlaps(ranges[i - 1].0) {
                    context.error("\(what): range '\(ranges[i].0)' overlaps '\(ranges[i - 1].0)'", at: ranges[i].1)
                }
                if !ranges.isEmpty { schedule[day] = ranges.map(\.0) }
            }
        }
        let description = optionalString(e, "description", owner: owner, spec: spec)
        guard let timeZone else { return nil }
        return HoursOfOperation(name: name, timeZone: timeZone, description: description, schedule: schedule,
                                tags: tags(e, owner: owner), renamedFrom: renamedFrom(e, owner: owner))
    }

    func readQueue(_ name: String, _ body: Node, _ owner: String, _ keyNode: Node) -> Queue? {
        let spec = ManifestSchema.queue
        guard let e = context.object(body, spec: spec, owner: owner, ownerNode: keyNode) else { return nil }
        let hours = e["hoursOfOperation"].flatMap {
            reference(.hoursOfOperation, $0.value, what: "'hoursOfOperation' in \(owner)", owner: owner)
        }
        let maxContacts = e["maxContacts"].flatMap { context.integer($0.value, what: "'maxContacts' in \(owner)", minimum: 0) }
        let status = e["status"].flatMap { context.enumeration($0.value, what: "'status' in \(owner)", as: Queue.Status.self) }
        var callerId: OutboundCallerId?
        if let node = e["outboundCallerId"]?.value {
            let innerOwner = "'outboundCallerId' of \(owner)"
            if let c = context.object(node, spec: ManifestSchema.outboundCallerId, owner: innerOwner) {
                callerId = OutboundCallerId(
                    name: optionalString(c, "name", owner: innerOwner, spec: ManifestSchema.outboundCallerId),
                    number: c["number"].flatMap { n -> String? in
                        guard let number = context.string(n.value, what: "'number' in \(innerOwner)") else { return nil }
                        if !Self.isE164(number) {
                            context.error("'number' in \(innerOwner) must be an E.164 phone number like +15550100, found '\(number)'",
                                          at: n.value)
                        }
                        return number
                    },
                    flow: c["flow"].flatMap { reference(.flow, $0.value, what: "'flow' in \(innerOwner)", owner: owner,
                                                        requiredFlowType: .outboundWhisper) })
            }
        }
        var quickConnects: [String]?
        if let node = e["quickConnects"]?.value, let list = context.stringList(node, what: "'quickConnects' in \(owner)") {
            for (qc, qcNode) in list {
                references.append(ReferenceSite(target: ResourceAddress(.quickConnect, qc), location: context.location(qcNode), owner: owner))
            }
            quickConnects = Array(Set(list.map(\.0))).sorted()
        }
        let description = optionalString(e, "description", owner: owner, spec: spec)
        guard let hours else { return nil }
        return Queue(name: name, hoursOfOperation: hours, description: description, maxContacts: maxContacts,
                     status: status ?? .enabled, outboundCallerId: callerId, quickConnects: quickConnects,
                     tags: tags(e, owner: owner), renamedFrom: renamedFrom(e, owner: owner))
    }

    static func isE164(_ text: String) -> Bool {
        text.hasPrefix("+") && (7...16).contains(text.count) && text.dropFirst().allSatisfy { $0.isASCII && $0.isNumber }
    }

    func readRoutingProfile(_ name: String, _ body: Node, _ owner: String, _ keyNode: Node) -> RoutingProfile? {
        let spec = ManifestSchema.routingProfile
        guard let e = context.object(body, spec: spec, owner: owner, ownerNode: keyNode) else { return nil }
        let description = optionalString(e, "description", owner: owner, spec: spec)
        let defaultQueue = e["defaultOutboundQueue"].flatMap {
            reference(.queue, $0.value, what: "'defaultOutboundQueue' in \(owner)", owner: owner)
        }
        var concurrency: [Channel: Int] = [:]
        var concurrencyOK = false
        if let node = e["concurrency"]?.value {
            let innerOwner = "'concurrency' of \(owner)"
            if let c = context.object(node, spec: ManifestSchema.concurrency, owner: innerOwner) {
                concurrencyOK = true
                for channel in Channel.allCases {
                    guard let valueNode = c[channel.rawValue]?.value else { continue }
                    let value = channel == .voice
                        ? context.integer(valueNode, what: "'voice' concurrency in \(owner)", minimum: 1, maximum: 1)
                        : context.integer(valueNode, what: "'\(channel.rawValue)' concurrency in \(owner)", minimum: 1, maximum: 10)
                    if let value { concurrency[channel] = value } else { concurrencyOK = false }
                }
                if c.isEmpty {
                    context.error("\(innerOwner) must enable at least one channel (voice, chat, task or email)", at: node)
                    concurrencyOK = false
                }
            }
        }
        var entries: [RoutingProfileQueue] = []
        var seen: [String: (channels: Set<Channel>, node: Node)] = [:]
        var combinations = 0
        if let node = e["queues"]?.value, let items = context.list(node, what: "'queues' in \(owner)") {
            for item in items {
                let itemOwner = "a queue entry of \(owner)"
                guard let q = context.object(item, spec: ManifestSchema.routingProfileQueue, owner: itemOwner) else { continue }
                let queueName = q["queue"].flatMap { reference(.queue, $0.value, what: "'queue' in \(itemOwner)", owner: owner) }
                var channels: [Channel] = []
                if let channelsNode = q["channels"]?.value, let list = context.list(channelsNode, what: "'channels' in \(itemOwner)") {
                    if list.isEmpty { context.error("'channels' in \(itemOwner) must list at least one channel", at: channelsNode) }
                    for channelNode in list {
                        guard let channel = context.enumeration(channelNode, what: "a channel in \(itemOwner)", as: Channel.self) else { continue }
                        if channels.contains(channel) {
                            context.error("channel '\(channel.rawValue)' is listed twice in \(itemOwner)", at: channelNode)
                        } else {
                            channels.append(channel)
                            if concurrencyOK && concurrency[channel] == nil {
                                context.warning("\(owner) routes \(channel.rawValue) contacts from queue '\(queueName ?? "?")' but does not enable \(channel.rawValue) in 'concurrency'", at: channelNode)
                            }
                        }
                    }
                }
                let priority = q["priority"].map { context.integer($0.value, what: "'priority' in \(itemOwner)", minimum: 1, maximum: 99) } ?? 1
                let delay = q["delay"].map { context.integer($0.value, what: "'delay' in \(itemOwner)", minimum: 0, maximum: 9999) } ?? 0
                guard let queueName, let priority, let delay, !channels.isEmpty else { continue }
                if let previous = seen[queueName] {
                    let overlap = previous.channels.intersection(channels)
                    if !overlap.isEmpty {
                        context.error("queue '\(queueName)' is listed more than once in \(owner) for channel \(overlap.sorted().map(\.rawValue).joined(separator: ", "))",
                                      at: q["queue"]!.value, notes: [.init("first listed here", at: context.location(previous.node))])
                        continue
                    }
                }
                seen[queueName, default: ([], q["queue"]!.value)].channels.formUnion(channels)
                combinations += channels.count
                entries.append(RoutingProfileQueue(queue: queueName, channels: channels.sorted(), priority: priority, delay: delay))
            }
            if combinations > 50 {
                context.warning("\(owner) has \(combinations) queue and channel combinations; Connect's default quota is 50 per routing profile", at: node)
            }
        }
        guard let description, let defaultQueue, concurrencyOK else { return nil }
        return RoutingProfile(name: name, description: description, defaultOutboundQueue: defaultQueue, concurrency: concurrency,
                              queues: entries.sorted { ($0.queue, $0.channels.first!) < ($1.queue, $1.channels.first!) },
                              tags: tags(e, owner: owner), renamedFrom: renamedFrom(e, owner: owner))
    }

    func readFlowContent(_ e: Entries, owner: String, flowType: FlowType? = nil, published: Bool = true) -> FlowContent? {
        guard let node = e["content"]?.value, let path = context.string(node, what: "'content' in \(owner)") else { return nil }
        return FlowContentLoader.load(contentNode: node, relativePath: path, manifestPath: currentManifestPath, owner: owner,
                                      context: context, references: &references, flowType: flowType?.rawValue, published: published)
    }

    func readFlow(_ name: String, _ body: Node, _ owner: String, _ keyNode: Node) -> Flow? {
        let spec = ManifestSchema.flow
        guard let e = context.object(body, spec: spec, owner: owner, ownerNode: keyNode) else { return nil }
        let type = e["type"].flatMap { context.enumeration($0.value, what: "'type' in \(owner)", as: FlowType.self) }
        if let type { flowTypes[name] = type }
        let status = e["status"].flatMap { context.enumeration($0.value, what: "'status' in \(owner)", as: FlowStatus.self) }
        let state = e["state"].flatMap { context.enumeration($0.value, what: "'state' in \(owner)", as: FlowState.self) }
        let description = optionalString(e, "description", owner: owner, spec: spec)
        let content = readFlowContent(e, owner: owner, flowType: type, published: (status ?? .published) == .published)
        guard let type, let content else { return nil }
        return Flow(name: name, type: type, description: description, content: content, status: status ?? .published,
                    state: state ?? .active, tags: tags(e, owner: owner), renamedFrom: renamedFrom(e, owner: owner))
    }

    func readFlowModule(_ name: String, _ body: Node, _ owner: String, _ keyNode: Node) -> FlowModule? {
        let spec = ManifestSchema.flowModule
        guard let e = context.object(body, spec: spec, owner: owner, ownerNode: keyNode) else { return nil }
        let status = e["status"].flatMap { context.enumeration($0.value, what: "'status' in \(owner)", as: FlowStatus.self) }
        let state = e["state"].flatMap { context.enumeration($0.value, what: "'state' in \(owner)", as: FlowState.self) }
        let description = optionalString(e, "description", owner: owner, spec: spec)
        guard let content = readFlowContent(e, owner: owner, published: (status ?? .published) == .published) else { return nil }
        return FlowModule(name: name, description: description, content: content, status: status ?? .published,
                          state: state ?? .active, tags: tags(e, owner: owner), renamedFrom: renamedFrom(e, owner: owner))
    }

    func readSecurityProfile(_ name: String, _ body: Node, _ owner: String, _ keyNode: Node) -> SecurityProfile? {
        let spec = ManifestSchema.securityProfile
        guard let e = context.object(body, spec: spec, owner: owner, ownerNode: keyNode) else { return nil }
        var permissions: Set<String> = []
        if let node = e["permissions"]?.value, let list = context.stringList(node, what: "'permissions' in \(owner)") {
            for (permission, permissionNode) in list {
                if !permissions.insert(permission).inserted {
                    context.warning("permission '\(permission)' is listed twice in \(owner)", at: permissionNode)
                }
            }
        }
        return SecurityProfile(name: name, description: optionalString(e, "description", owner: owner, spec: spec),
                               permissions: permissions.sorted(), tags: tags(e, owner: owner))
    }

    func readUser(_ name: String, _ body: Node, _ owner: String, _ keyNode: Node) -> User? {
        let spec = ManifestSchema.user
        guard let e = context.object(body, spec: spec, owner: owner, ownerNode: keyNode) else { return nil }
        func text(_ key: String) -> String? { optionalString(e, key, owner: owner, spec: spec) }
        func email(_ key: String) -> String? {
            guard let node = e[key]?.value, let value = context.string(node, what: "'\(key)' in \(owner)") else { return nil }
            if !Self.isEmail(value) {
                context.error("'\(key)' in \(owner) is not an e-mail address: '\(value)'", at: node)
                return nil
            }
            return value
        }
        var mobile: String?
        if let node = e["mobile"]?.value, let value = context.string(node, what: "'mobile' in \(owner)") {
            if Self.isE164(value) { mobile = value } else {
                context.error("'mobile' in \(owner) must be an E.164 phone number like +15550100, found '\(value)'", at: node)
            }
        }
        var password: SensitiveValue?
        if let node = e["password"]?.value, case .scalar(let scalar) = node {
            let literal = !ReadContext.mayContainSubstitution(scalar.string)
            if let value = context.text(node, what: "'password' in \(owner)")?.text {
                if literal {
                    if let problem = Self.passwordProblem(value) {
                        context.error("'password' in \(owner) \(problem)", at: node)
                    }
                    context.warning("'password' in \(owner) is written in the manifest; use \"${env:NAME}\" to keep it out of Git", at: node)
                }
                password = SensitiveValue(value)
            }
        } else if let node = e["password"]?.value {
            context.error("'password' in \(owner) must be a string, found \(context.describe(node))", at: node)
        }
        let routingProfile = e["routingProfile"].flatMap {
            reference(.routingProfile, $0.value, what: "'routingProfile' in \(owner)", owner: owner)
        }
        var securityProfiles: [String]?
        if let node = e["securityProfiles"]?.value, let list = context.stringList(node, what: "'securityProfiles' in \(owner)") {
            let unique = Array(Set(list.map(\.0))).sorted()
            if unique.isEmpty || unique.count > 10 {
                context.error("\(owner) must have 1 to 10 security profiles, found \(unique.count)", at: node)
            } else {
                securityProfiles = unique
            }
            for (profile, profileNode) in list {
                references.append(ReferenceSite(target: ResourceAddress(.securityProfile, profile), location: context.location(profileNode),
                                                owner: owner))
            }
        }
        let hierarchyGroup = e["hierarchyGroup"].flatMap {
            reference(.hierarchyGroup, $0.value, what: "'hierarchyGroup' in \(owner)", owner: owner)
        }
        var phone = PhoneConfig()
        var phoneOK = true
        if let node = e["phone"]?.value {
            let innerOwner = "'phone' of \(owner)"
            if let p = context.object(node, spec: ManifestSchema.phone, owner: innerOwner) {
                if let type = p["type"].flatMap({ context.enumeration($0.value, what: "'type' in \(innerOwner)", as: PhoneType.self) }) {
                    phone.type = type
                } else { phoneOK = false }
                if let v = p["autoAccept"] {
                    if let b = context.boolean(v.value, what: "'autoAccept' in \(innerOwner)") { phone.autoAccept = b } else { phoneOK = false }
                }
                if let v = p["afterContactWorkSeconds"] {
                    if let n = context.integer(v.value, what: "'afterContactWorkSeconds' in \(innerOwner)", minimum: 0, maximum: 2_000_000) {
                        phone.afterContactWorkSeconds = n
                    } else { phoneOK = false }
                }
                if let v = p["deskPhoneNumber"], let number = context.string(v.value, what: "'deskPhoneNumber' in \(innerOwner)") {
                    if Self.isE164(number) { phone.deskPhoneNumber = number } else {
                        context.error("'deskPhoneNumber' in \(innerOwner) must be an E.164 phone number like +15550100, found '\(number)'",
                                      at: v.value)
                        phoneOK = false
                    }
                }
                if phone.type == .deskPhone && p["deskPhoneNumber"] == nil && phoneOK {
                    context.error("\(innerOwner) has type DESK_PHONE and needs a 'deskPhoneNumber'", at: node)
                    phoneOK = false
                }
            } else { phoneOK = false }
        }
        let user = User(username: name, firstName: text("firstName"), lastName: text("lastName"), email: email("email"),
                        secondaryEmail: email("secondaryEmail"), mobile: mobile, password: password,
                        routingProfile: routingProfile ?? "", securityProfiles: securityProfiles ?? [],
                        hierarchyGroup: hierarchyGroup, phone: phone, tags: tags(e, owner: owner),
                        renamedFrom: renamedFrom(e, owner: owner))
        guard routingProfile != nil, securityProfiles != nil, phoneOK else { return nil }
        return user
    }

    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].count >= 3, text.count <= 254 else { return false }
        let domain = parts[1]
        guard domain.contains("."), !domain.hasPrefix("."), !domain.hasSuffix("."), !domain.contains("..") else { return false }
        return !text.contains(where: { $0 == " " || $0 == "\t" || $0 == "," || $0 == "<" || $0 == ">" })
    }

    /// Connect's password policy: 8-64 characters with an upper-case letter, a lower-case letter and a digit.
    static func passwordProblem(_ password: String) -> String? {
        if password.count < 8 || password.count > 64 { return "must be 8 to 64 characters long" }
        if !password.contains(where: \.isUppercase) { return "must contain an upper-case letter" }
        if !password.contains(where: \.isLowercase) { return "must contain a lower-case letter" }
        if !password.contains(where: \.isNumber) { return "must contain a digit" }
        return nil
    }

    // MARK: Hierarchy

    func readUserHierarchy(_ node: Node) {
        let owner = "'userHierarchy'"
        guard let e = context.object(node, spec: ManifestSchema.userHierarchy, owner: owner) else { return }
        if let levelsNode = e["levels"]?.value {
            let location = context.location(levelsNode)
            if let first = levelsLocation {
                context.duplicate("'levels' of 'userHierarchy'", first: first, again: location)
            } else if let list = context.stringList(levelsNode, what: "'levels' in \(owner)") {
                levelsLocation = location
                if list.isEmpty || list.count > 5 {
                    context.error("'levels' in \(owner) must name 1 to 5 levels, found \(list.count)", at: levelsNode)
                }
                var seen: Set<String> = []
                for (level, levelNode) in list where !seen.insert(level).inserted {
                    context.error("hierarchy level '\(level)' is listed twice", at: levelNode)
                }
                levels = list.map(\.0)
            }
        }
        if let groupsNode = e["groups"]?.value { readGroups(groupsNode, parent: []) }
    }

    private func readGroups(_ node: Node, parent: [String]) {
        guard case .mapping(let mapping) = node else {
            if case .scalar(let s) = node, ReadContext.isNull(s) { return }
            let what = parent.isEmpty ? "'groups' in 'userHierarchy'" : "hierarchy group '\(parent.joined(separator: "/"))'"
            context.error("\(what) must be a mapping of child groups, found \(context.describe(node))", at: node)
            return
        }
        for (name, keyNode, children) in context.pairs(of: mapping, owner: "hierarchy groups") {
            let path = parent + [name]
            let pathString = path.joined(separator: "/")
            if name.isEmpty || name.contains("/") || name.count > 100 {
                context.error("hierarchy group name '\(name)' must be 1 to 100 characters without '/'", at: keyNode)
                continue
            }
            if path.count > 5 {
                context.error("hierarchy group '\(pathString)' is nested \(path.count) levels deep; Connect allows at most 5", at: keyNode)
                continue
            }
            if groups[pathString] == nil {
                groups[pathString] = HierarchyGroup(path: path)
                groupLocations[pathString] = context.location(keyNode)
                declared[.hierarchyGroup, default: [:]][pathString] = context.location(keyNode)
            }
            readGroups(children, parent: path)
        }
    }
}

extension FieldSpec {
    var objectSpec: ObjectSpec? {
        if case .object(let spec) = shape { return spec }
        return nil
    }
}
