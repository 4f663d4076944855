/// Flow-language JSON as loaded from a content file.
public struct FlowContent: Sendable, Hashable {
    /// The content path as written in the manifest (relative to that manifest).
    public var path: String
    /// The path as resolved for reading (relative to the current directory, or absolute).
    public var resolvedPath: String
    /// The JSON text after `${var:…}`/`${env:…}` substitution and `$${` unescaping; resource
    /// references such as `${queue:Support}` are kept for the reconciler to resolve per instance.
    public var text: String
    /// Resources named by `${kind:NAME}` references inside the content, sorted, unique.
    public var references: [ResourceAddress]
    /// The Lambda functions and Lex bot aliases the actions invoke, where each is written.
    public var integrations: [IntegrationUse] = []

    public init(path: String, resolvedPath: String, text: String, references: [ResourceAddress]) {
        self.path = path
        self.resolvedPath = resolvedPath
        self.text = text
        self.references = references
    }
}
