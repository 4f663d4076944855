import Foundation

/// The resource kinds the emulator stores, with how Connect names them on the wire.
enum ResourceKind: String, Codable, CodingKeyRepresentable, CaseIterable, Sendable {
    case hoursOfOperation, queue, routingProfile, contactFlow, flowModule, securityProfile,
         hierarchyGroup, user, quickConnect, agentStatus, prompt

    /// ARN path segment after `instance/{iid}/`.
    var arnSegment: String {
        switch self {
        case .hoursOfOperation: "operating-hours"
        case .queue: "queue"
        case .routingProfile: "routing-profile"
        case .contactFlow: "contact-flow"
        case .flowModule: "flow-module"
        case .securityProfile: "security-profile"
        case .hierarchyGroup: "agent-group"
        case .user: "agent"
        case .quickConnect: "transfer-destination"
        case .agentStatus: "agent-state"
        case .prompt: "prompt"
        }
    }

    /// Member names of the Describe shape: (id, arn, name).
    var describeKeys: (id: String, arn: String, name: String) {
        switch self {
        case .hoursOfOperation: ("HoursOfOperationId", "HoursOfOperationArn", "Name")
        case .queue: ("QueueId", "QueueArn", "Name")
        case .routingProfile: ("RoutingProfileId", "RoutingProfileArn", "Name")
        case .contactFlow, .flowModule, .hierarchyGroup: ("Id", "Arn", "Name")
        case .securityProfile: ("Id", "Arn", "SecurityProfileName")
        case .user: ("Id", "Arn", "Username")
        case .quickConnect: ("QuickConnectId", "QuickConnectARN", "Name")
        case .agentStatus: ("AgentStatusId", "AgentStatusARN", "Name")
        case .prompt: ("PromptId", "PromptARN", "Name")
        }
    }

    /// Member names of the Create response: (id, arn).
    var createKeys: (id: String, arn: String) {
        switch self {
        case .hoursOfOperation: ("HoursOfOperationId", "HoursOfOperationArn")
        case .queue: ("QueueId", "QueueArn")
        case .routingProfile: ("RoutingProfileId", "RoutingProfileArn")
        case .contactFlow: ("ContactFlowId", "ContactFlowArn")
        case .flowModule: ("Id", "Arn")
        case .securityProfile: ("SecurityProfileId", "SecurityProfileArn")
        case .hierarchyGroup: ("HierarchyGroupId", "HierarchyGroupArn")
        case .user: ("UserId", "UserArn")
        case .quickConnect: ("QuickConnectId", "QuickConnectARN")
        case .agentStatus: ("AgentStatusId", "AgentStatusARN")
        case .prompt: ("PromptId", "PromptARN")
        }
    }

    var describeMember: String {
        switch self {
        case .hoursOfOperation: "HoursOfOperation"
        case .queue: "Queue"
        case .routingProfile: "RoutingProfile"
        case .contactFlow: "ContactFlow"
        case .flowModule: "ContactFlowModule"
        case .securityProfile: "SecurityProfile"
        case .hierarchyGroup: "HierarchyGroup"
        case .user: "User"
        case .quickConnect: "QuickConnect"
        case .agentStatus: "AgentStatus"
        case .prompt: "Prompt"
        }
    }

    var listMember: String {
        switch self {
        case .hoursOfOperation: "HoursOfOperationSummaryList"
        case .queue: "QueueSummaryList"
        case .routingProfile: "RoutingProfileSummaryList"
        case .contactFlow: "ContactFlowSummaryList"
        case .flowModule: "ContactFlowModulesSummaryList"
        case .securityProfile: "SecurityProfileSummaryList"
        case .hierarchyGroup: "UserHierarchyGroupSummaryList"
        case .user: "UserSummaryList"
        case .quickConnect: "QuickConnectSummaryList"
        case .agentStatus: "AgentStatusSummaryList"
        case .prompt: "PromptSummaryList"
        }
    }

    var searchMember: String {
        switch self {
        case .hoursOfOperation: "HoursOfOperations"
        case .queue: "Queues"
        case .routingProfile: "RoutingProfiles"
        case .contactFlow: "ContactFlows"
        case .flowModule: "ContactFlowModules"
        case .securityProfile: "SecurityProfiles"
        case .hierarchyGroup: "UserHierarchyGroups"
        case .user: "Users"
        case .quickConnect: "QuickConnects"
        case .agentStatus: "AgentStatuses"
        case .prompt: "Prompts"
        }
    }

    /// Largest `MaxResults` the Search operation accepts (connect-api.md §3).
    var searchMaxResults: Int {
        switch self {
        case .user, .queue, .routingProfile: 500
        default: 100
        }
    }

    /// Human-readable name for messages.
    var label: String {
        switch self {
        case .hoursOfOperation: "hours of operation"
        case .queue: "queue"
        case .routingProfile: "routing profile"
        case .contactFlow: "contact flow"
        case .flowModule: "flow module"
        case .securityProfile: "security profile"
        case .hierarchyGroup: "user hierarchy group"
        case .user: "user"
        case .quickConnect: "quick connect"
        case .agentStatus: "agent status"
        case .prompt: "prompt"
        }
    }

    /// `ResourceType` reported in ResourceInUseException for a referencing resource.
    var resourceTypeName: String {
        switch self {
        case .hoursOfOperation: "HOURS_OF_OPERATION"
        case .queue: "QUEUE"
        case .routingProfile: "ROUTING_PROFILE"
        case .contactFlow: "CONTACT_FLOW"
        case .flowModule: "FLOW_MODULE"
        case .securityProfile: "SECURITY_PROFILE"
        case .hierarchyGroup: "HIERARCHY_GROUP"
        case .user: "USER"
        case .quickConnect: "QUICK_CONNECT"
        case .agentStatus: "AGENT_STATUS"
        case .prompt: "PROMPT"
        }
    }

    /// Whether Describe/summary shapes carry LastModifiedTime/LastModifiedRegion.
    var hasLastModified: Bool { self != .flowModule }
}

/// One stored resource. `attrs` are Describe members (other than id/arn/name/tags and
/// the LastModified pair); `hidden` holds state the Describe shape does not show
/// (routing-profile queue configs, queue quick connects, permissions, …).
struct StoredResource: Codable, Sendable, Equatable {
    var id: String
    var arn: String
    var name: String
    var tags: [String: String] = [:]
    var attrs: [String: JSONValue] = [:]
    var hidden: [String: JSONValue] = [:]
    var created: Double
    var modified: Double
}

/// One level of the user hierarchy structure.
struct HierarchyLevel: Codable, Sendable, Equatable {
    var id: String
    var arn: String
    var name: String
    var modified: Double
}

/// The whole instance: what `--state FILE` persists.
struct InstanceState: Codable, Sendable {
    var instanceId: String
    var instanceArn: String
    var instanceAlias: String
    var region: String
    var accountId: String
    var createdTime: Double
    var resources: [ResourceKind: [String: StoredResource]] = [:]
    /// Index 0 = LevelOne … up to 5 levels.
    var hierarchyLevels: [HierarchyLevel] = []
    var tokenSecret: String = ""

    func all(_ kind: ResourceKind) -> [StoredResource] {
        (resources[kind] ?? [:]).values.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
    }

    func get(_ kind: ResourceKind, _ id: String) -> StoredResource? { resources[kind]?[id] }

    mutating func put(_ kind: ResourceKind, _ r: StoredResource) {
        resources[kind, default: [:]][r.id] = r
    }

    mutating func remove(_ kind: ResourceKind, _ id: String) { resources[kind]?[id] = nil }

    func count(_ kind: ResourceKind) -> Int { resources[kind]?.count ?? 0 }

    func find(arn: String) -> (ResourceKind, StoredResource)? {
        for kind in ResourceKind.allCases {
            if let r = resources[kind]?.values.first(where: { $0.arn == arn }) { return (kind, r) }
        }
        return nil
    }

    func byName(_ kind: ResourceKind, _ name: String) -> StoredResource? {
        resources[kind]?.values.first { $0.name == name }
    }
}

/// The on-disk envelope: a format marker and version so foreign files are refused.
struct StateFile: Codable {
    static let formatMarker = "patchbay-connect-emulator-state"
    static let currentVersion = 1
    var format: String
    var version: Int
    var instance: InstanceState

    /// Loads a state file; throws a clear `EmulatorSetupError` for corrupt or foreign files.
    static func load(path: String) throws -> InstanceState? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw EmulatorSetupError("cannot read emulator state file \(path): \(error.localizedDescription)")
        }
        let json: JSONValue
        do { json = try JSONValue.parse(data) } catch {
            throw EmulatorSetupError("refusing to use emulator state file \(path): it is not valid JSON (corrupt?). Move it away or delete it to start a fresh instance.")
        }
        guard json["format"]?.stringValue == formatMarker else {
            throw EmulatorSetupError("refusing to use \(path): not a Patchbay emulator state file (missing \"format\": \"\(formatMarker)\"). Move it away or choose another --state file.")
        }
        guard let v = json["version"]?.intValue, v == currentVersion else {
            throw EmulatorSetupError("refusing to use emulator state file \(path): unsupported version \(json["version"].map { String(describing: $0) } ?? "none") (this emulator reads version \(currentVersion)).")
        }
        do {
            return try JSONDecoder().decode(StateFile.self, from: data).instance
        } catch {
            throw EmulatorSetupError("refusing to use emulator state file \(path): its content is damaged (\(error)). Move it away or delete it to start a fresh instance.")
        }
    }

    /// The same document `Codable` would produce, built directly (fast for big instances).
    static func json(_ s: InstanceState) -> JSONValue {
        func resource(_ r: StoredResource) -> JSONValue {
            ["id": .string(r.id), "arn": .string(r.arn), "name": .string(r.name),
             "tags": .object(r.tags.mapValues { .string($0) }), "attrs": .object(r.attrs), "hidden": .object(r.hidden),
             "created": .double(r.created), "modified": .double(r.modified)]
        }
        var resources: [String: JSONValue] = [:]
        for (kind, byId) in s.resources { resources[kind.rawValue] = .object(byId.mapValues(resource)) }
        let instance: JSONValue = [
            "instanceId": .string(s.instanceId), "instanceArn": .string(s.instanceArn), "instanceAlias": .string(s.instanceAlias),
            "region": .string(s.region), "accountId": .string(s.accountId), "createdTime": .double(s.createdTime),
            "resources": .object(resources), "tokenSecret": .string(s.tokenSecret),
            "hierarchyLevels": .array(s.hierarchyLevels.map {
                ["id": .string($0.id), "arn": .string($0.arn), "name": .string($0.name), "modified": .double($0.modified)]
            }),
        ]
        return ["format": .string(formatMarker), "version": .int(currentVersion), "instance": instance]
    }

    /// Writes atomically: a temporary file beside the target, then rename(2).
    static func save(_ state: InstanceState, path: String) throws {
        let data = json(state).serialized()
        let tmp = path + ".tmp-\(getpid())"
        try data.write(to: URL(fileURLWithPath: tmp))
        if rename(tmp, path) != 0 {
            let err = String(cString: strerror(errno))
            unlink(tmp)
            throw EmulatorSetupError("cannot write emulator state file \(path): \(err)")
        }
    }
}

/// Writes the state file behind the requests: each change hands over the latest snapshot
/// (copy-on-write, cheap) and a serial queue writes it, coalescing changes that arrive
/// while a write is in progress. `flush()` (called on shutdown) waits for the last write.
final class StatePersister: @unchecked Sendable {
    let path: String
    private let lock = NSLock()
    private var pending: InstanceState?
    private var scheduled = false
    private let queue = DispatchQueue(label: "patchbay.emulator.state")

    init(path: String) { self.path = path }

    func submit(_ state: InstanceState) {
        lock.lock()
        pending = state
        let schedule = !scheduled
        scheduled = true
        lock.unlock()
        if schedule { queue.async { self.drain() } }
    }

    func flush() { queue.sync { self.drain() } }

    private func drain() {
        while true {
            lock.lock()
            guard let next = pending else {
                scheduled = false
                lock.unlock()
                return
            }
            pending = nil
            lock.unlock()
            do {
                try StateFile.save(next, path: path)
            } catch {
                FileHandle.standardError.write(Data("emulator: could not write state: \(error)\n".utf8))
            }
        }
    }
}
