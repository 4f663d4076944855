/// `ACTIVE` or `ARCHIVED`.
public enum FlowState: String, Sendable, Hashable, CaseIterable {
    case active = "ACTIVE"
    case archived = "ARCHIVED"
}
