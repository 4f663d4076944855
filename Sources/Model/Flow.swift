/// A contact flow.
public struct Flow: Sendable, Hashable {
    public var name: String
    public var type: FlowType
    public var description: String?
    public var content: FlowContent
    /// Defaults to `.published`.
    public var status: FlowStatus
    /// Defaults to `.active`.
    public var state: FlowState
    public var tags: [String: String]
    public var renamedFrom: [String]

    public init(name: String, type: FlowType, description: String? = nil, content: FlowContent,
                status: FlowStatus = .published, state: FlowState = .active,
                tags: [String: String] = [:], renamedFrom: [String] = []) {
        self.name = name
        self.type = type
        self.description = description
        self.content = content
        self.status = status
        self.state = state
        self.tags = tags
        self.renamedFrom = renamedFrom
    }

    public var address: ResourceAddress { ResourceAddress(.flow, name) }
}
