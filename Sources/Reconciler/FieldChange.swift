/// One changed field of a resource: `path` in manifest vocabulary
/// (`maxContacts`, `concurrency.chat`, `queues["Support"].voice.priority`).
public struct FieldChange: Equatable, Sendable {
    public var path: String
    /// `nil` when the field did not exist before (a create), `.null` when it was unset.
    public var before: FieldValue?
    /// `nil` when the field no longer exists (a delete).
    public var after: FieldValue?

    public init(path: String, before: FieldValue?, after: FieldValue?) {
        self.path = path
        self.before = before
        self.after = after
    }

    /// The top-level field this change belongs to (`queues` for `queues["A"].voice`).
    public var topLevelField: String {
        let end = path.firstIndex { $0 == "." || $0 == "[" } ?? path.endIndex
        return String(path[..<end])
    }
}
