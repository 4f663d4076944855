/// A contact flow.
public struct Flow: Sendable, Hashable {
    public var name: String
    public var type: FlowType
    public var description: String?
    public var content: FlowContent
    /// Defaults to `.published`.
    public var status: FlowStatus = .published
    /// Defaults to `.active`.
    public var state: FlowState = .active
    public var tags: [String: String] = [:]
    public var renamedFrom: [String] = []

    /// The required fields; the others default as declared and are set in `configure`.
    public init(name: String, type: FlowType, content: FlowContent, _ configure: (inout Flow) -> Void = { _ in }) {
        self.name = name
        self.type = type
        self.content = content
        configure(&self)
    }

    public var address: ResourceAddress { ResourceAddress(.flow, name) }
}
