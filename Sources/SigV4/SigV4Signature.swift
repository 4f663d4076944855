/// The result of signing one request: the intermediate strings (for tests and
/// diagnostics) and the headers to add to the request.
public struct SigV4Signature: Sendable {
    public var canonicalRequest: String
    public var stringToSign: String
    /// Hex signature.
    public var signature: String
    /// The full `Authorization` header value.
    public var authorization: String
    /// `X-Amz-Date`, `X-Amz-Security-Token` (when the credentials carry one) and
    /// `Authorization`, in that order. Replace any header of the same name.
    public var headersToAdd: [(name: String, value: String)]
    /// Lower-case, sorted names of the signed headers.
    public var signedHeaders: [String]

    public init(canonicalRequest: String, stringToSign: String, signature: String, authorization: String,
                headersToAdd: [(name: String, value: String)], signedHeaders: [String]) {
        self.canonicalRequest = canonicalRequest
        self.stringToSign = stringToSign
        self.signature = signature
        self.authorization = authorization
        self.headersToAdd = headersToAdd
        self.signedHeaders = signedHeaders
    }
}
