/// `PUBLISHED` (Connect validates the content) or `SAVED`.
public enum FlowStatus: String, Sendable, Hashable, CaseIterable {
    case published = "PUBLISHED"
    case saved = "SAVED"
}

