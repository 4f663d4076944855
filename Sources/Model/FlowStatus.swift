/// `PUBLISHED` (Connect validates the content) or `SAVED`.
public enum FlowStatus: String, Sendable, Hashable, CaseIterable {
    case published = "PUBLISHED"
    case saved = "SAVED"
}

/// `ACTIVE` or `ARCHIVED`.
public enum FlowState: String, Sendable, Hashable, CaseIterable {
    case active = "ACTIVE"
    case archived = "ARCHIVED"
}
