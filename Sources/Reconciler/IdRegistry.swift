import Model

/// Ids and ARNs of resources by address, seeded from the live state and filled in as
/// apply creates resources, so later steps can refer to what earlier steps made.
actor IdRegistry {
    struct Entry: Sendable { var id: String; var arn: String }
    private var entries: [ResourceAddress: Entry] = [:]

    init(live: LiveState) {
        for (address, resource) in live.resources { entries[address] = Entry(id: resource.id, arn: resource.arn) }
    }

    func register(_ address: ResourceAddress, id: String, arn: String) {
        entries[address] = Entry(id: id, arn: arn)
    }

    func remove(_ address: ResourceAddress) { entries[address] = nil }

    func entry(_ address: ResourceAddress) throws -> Entry {
        guard let entry = entries[address] else { throw ApplyError.unresolved(address) }
        return entry
    }

    func id(_ address: ResourceAddress) throws -> String { try entry(address).id }

    /// `${kind:NAME}` → ARN, for every reference this registry can resolve.
    func resolveContent(_ text: String) -> String {
        FlowContentCanonicalizer.substitute(text) { entries[$0]?.arn }
    }

    func unresolvedReferences(in text: String) -> [ResourceAddress] {
        FlowContentCanonicalizer.references(in: text).filter { entries[$0] == nil }
    }
}

/// Failures of apply that are not Connect errors.
public enum ApplyError: Error, CustomStringConvertible, Sendable {
    case unresolved(ResourceAddress)
    case missingIdentifier(String)
    case missingSecret(ResourceAddress, String)
    /// A PutObject without an S3 client (an applier made without `objects`).
    case noObjectStore(String)
    /// An audio file that is not what the plan hashed.
    case fileChanged(String, String)

    public var description: String {
        switch self {
        case let .unresolved(address): "\(address) has no id in the instance (was its creation skipped or did it fail?)"
        case let .missingIdentifier(operation): "\(operation) returned no id"
        case let .missingSecret(address, field): "\(address): the value of \(field) is not known to this apply"
        case let .noObjectStore(call): "\(call): this apply has no S3 client to upload with"
        case let .fileChanged(file, why): "\(file): \(why); run plan again"
        }
    }
}
