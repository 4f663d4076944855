import ConnectAPI
import Model

/// One Connect call a plan will make: the operation and its whole input. Apply runs exactly
/// these (resolving ids of resources created earlier in the run), so a plan cannot list
/// one thing and apply do another.
public struct PlannedCall: Sendable, Hashable {
    /// For a create: the resource it makes, and the response members holding its id and ARN.
    public struct Creates: Sendable, Hashable {
        public var address: ResourceAddress
        public var idMember: String
        public var arnMember: String
    }

    public var operation: ConnectOperation
    /// All input members (URI, query and body) by their model names.
    public var input: [String: CallValue]
    public var creates: Creates?
    /// For a delete: the resource that no longer exists once it succeeds.
    public var deletes: ResourceAddress?
    /// Shown after the operation's name (`CreateContactFlow (placeholder)`).
    public var note: String?
    /// A create of a named part of a resource (an hours' override) that has no id of its own in the
    /// plan: a DuplicateResourceException means an earlier attempt whose response was lost made it,
    /// and the call is taken as done (the next plan compares the part's fields, so a different one
    /// made by hand in between still shows as a change).
    public var duplicateMeansDone = false
    /// For an S3 PutObject (`ConnectOperation.s3PutObject`): the file whose bytes are the body,
    /// read when the call runs and refused unless they still have the planned SHA-256.
    public var upload: Upload?

    public struct Upload: Sendable, Hashable {
        /// As resolved for reading (never shown: plans name the file as the manifest does).
        public var file: String
        public var sha256: String
    }

    public init(_ operation: ConnectOperation, _ input: [String: CallValue?], creates: Creates? = nil,
                deletes: ResourceAddress? = nil, note: String? = nil) {
        self.operation = operation
        self.input = input.compactMapValues { $0 }
        self.creates = creates
        self.deletes = deletes
        self.note = note
    }

    /// As plans list it: `UpdateQueueMaxContacts`, `CreateContactFlow (placeholder)`.
    public var label: String { note.map { "\(operation.name) (\($0))" } ?? operation.name }
}
