/// A task template (design.md §3b): the fields an agent fills in when creating a task, the flow
/// the task starts and whether it can be used. Connect's separate lists of constraints
/// (`Constraints.RequiredFields` / `ReadOnlyFields` / `InvisibleFields`) and default values
/// (`Defaults.DefaultFieldValues`) are folded into each field, so that a constraint naming a
/// field the template does not have cannot be written.
public struct TaskTemplate: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable, CaseIterable {
        case active = "ACTIVE", inactive = "INACTIVE"
    }

    /// One field of the template, by name.
    public struct Field: Sendable, Hashable {
        /// botocore's `TaskTemplateFieldType`.
        public enum FieldType: String, Sendable, Hashable, CaseIterable {
            case name = "NAME", description = "DESCRIPTION", scheduledTime = "SCHEDULED_TIME", quickConnect = "QUICK_CONNECT"
            case url = "URL", number = "NUMBER", text = "TEXT", textArea = "TEXT_AREA", dateTime = "DATE_TIME"
            case boolean = "BOOLEAN", singleSelect = "SINGLE_SELECT", email = "EMAIL", selfAssign = "SELF_ASSIGN"
            case expiryDuration = "EXPIRY_DURATION"
        }

        public var name: String
        public var type: FieldType
        public var description: String?
        /// The choices of a SINGLE_SELECT field, in order.
        public var options: [String] = []
        public var required = false
        public var readOnly = false
        public var invisible = false
        /// The value a task created from the template starts with.
        public var defaultValue: String?

        public init(name: String, type: FieldType, _ configure: (inout Self) -> Void = { _ in }) {
            self.name = name
            self.type = type
            configure(&self)
        }
    }

    public var name: String
    public var description: String?
    /// The flow the task starts (`ContactFlowId`), by name.
    public var flow: String?
    /// The flow a self-assigned task runs (`SelfAssignFlowId`), by name.
    public var selfAssignFlow: String?
    public var status: Status = .active
    /// In declaration order.
    public var fields: [Field] = []
    public var tags: [String: String] = [:]
    public var renamedFrom: [String] = []

    public init(name: String, _ configure: (inout Self) -> Void = { _ in }) {
        self.name = name
        configure(&self)
    }

    public var address: ResourceAddress { ResourceAddress(.taskTemplate, name) }
}

extension TaskTemplate: DeclaredResource {
    public var ownTags: [String: String] { tags }
    public var references: [Reference] { [flow, selfAssignFlow].compactMap { $0.map { Reference(ResourceAddress(.flow, $0)) } } }
}
