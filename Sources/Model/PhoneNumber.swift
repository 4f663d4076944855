/// A phone number already claimed in the instance, by its E.164 number (design.md §3b):
/// Patchbay sets the flow it rings and its description, and never claims or releases it.
public struct PhoneNumber: Sendable, Hashable {
    /// E.164 (`+15550100`): the address name.
    public var number: String
    /// The flow a call to the number runs, by name; nil leaves the association alone.
    public var flow: String?
    /// nil leaves the description alone.
    public var description: String?

    public init(number: String, _ configure: (inout Self) -> Void = { _ in }) {
        self.number = number
        configure(&self)
    }

    public var address: ResourceAddress { ResourceAddress(.phoneNumber, number) }
}

extension PhoneNumber: DeclaredResource {
    public var references: [Reference] { flow.map { [Reference(ResourceAddress(.flow, $0))] } ?? [] }
}

/// An instance-level integration: a Lambda function or a Lex V2 bot alias associated with the
/// instance, so that flows may invoke it (design.md §3b `integrations:`), by its ARN.
public struct Integration: Sendable, Hashable {
    /// `.lambdaFunction` or `.lexBot`.
    public var kind: ResourceKind
    public var arn: String

    public init(_ kind: ResourceKind, arn: String) {
        self.kind = kind
        self.arn = arn
    }

    public var address: ResourceAddress { ResourceAddress(kind, arn) }
}

extension Integration: DeclaredResource {
    public var references: [Reference] { [] }
}

/// A Lambda function or Lex bot alias ARN that flow content invokes, with where.
public struct IntegrationUse: Sendable, Hashable {
    public var integration: Integration
    public var location: SourceLocation

    public init(_ integration: Integration, at location: SourceLocation) {
        self.integration = integration
        self.location = location
    }
}
