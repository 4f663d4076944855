import Crypto
import Foundation
import Model

/// One resource as it is in the instance, projected into the same field vocabulary as
/// the manifests (references are names, defaults filled in).
public struct LiveResource: Sendable, Equatable {
    public var address: ResourceAddress
    public var id: String
    public var arn: String
    /// All tags except `aws:` ones (fingerprints without their stamps); also present in `fields["tags"]`.
    public var tags: [String: String]
    public var fields: [String: FieldValue]
    /// One of Connect's default resources: never deleted.
    public var isDefault: Bool
    /// Ids of the resource's named parts, which the differ does not compare (an hours'
    /// overrides by name), for the calls that update or delete one part.
    public var partIds: [String: String] = [:]

    public init(address: ResourceAddress, id: String, arn: String, tags: [String: String],
                fields: [String: FieldValue], isDefault: Bool = false) {
        self.address = address
        self.id = id
        self.arn = arn
        // Fingerprint tags without their stamps: the time of a write is not configuration.
        var tags = tags.filter { !$0.key.hasPrefix("aws:") }
        for key in Fingerprint.tags { if let tag = tags[key] { tags[key] = Fingerprint.unstamped(tag) } }
        self.tags = tags
        var fields = fields
        fields["tags"] = Projection.tagsValue(tags)
        self.fields = fields
        self.isDefault = isDefault
    }

    /// The detail field (`DetailPlan`) that carries `partIds`: an object of name → id.
    static let partIdsField = "(part ids)"

    /// The detail field that carries the resource's tags, for a kind whose search lacks them
    /// (ListTaskTemplates): an object of key → value, replacing the search's (none).
    static let tagsField = "(tags)"

    /// The stack that owns this resource (its `patchbay:stack` tag), if any.
    public var owner: String? { tags[Ownership.stackTag] }
}

/// What the reader saw in the instance.
public struct LiveState: Sendable {
    public var resources: [ResourceAddress: LiveResource]
    /// Level names of the user hierarchy structure, top first (`[]` when none is set).
    public var hierarchyLevels: [String]
    /// Connect API calls it took to read this state.
    public var readCalls: Int

    public init(resources: [LiveResource] = [], hierarchyLevels: [String] = [], readCalls: Int = 0) {
        self.resources = Dictionary(resources.map { ($0.address, $0) }, uniquingKeysWith: { first, _ in first })
        self.hierarchyLevels = hierarchyLevels
        self.readCalls = readCalls
    }

    /// The resource at `address`; the hierarchy structure is `userHierarchy.levels` (when levels are set).
    public subscript(address: ResourceAddress) -> LiveResource? {
        guard address.kind == .userHierarchy else { return resources[address] }
        guard !hierarchyLevels.isEmpty, address.name == HierarchyStructureDeclaration.name else { return nil }
        var structure = LiveResource(address: address, id: "", arn: "", tags: [:],
                                     fields: ["levels": .list(hierarchyLevels.map(FieldValue.string))])
        structure.fields["tags"] = nil
        return structure
    }

    /// ARN → address, for turning ARNs inside flow content back into references.
    public var addressesByARN: [String: ResourceAddress] {
        Dictionary(resources.values.map { ($0.arn, $0.address) }, uniquingKeysWith: { first, _ in first })
    }

    /// `sha256:…` over everything read, in a canonical order: two reads of an unchanged
    /// instance give the same fingerprint; any change to a read field changes it.
    public var fingerprint: String {
        var hasher = SHA256()
        func feed(_ s: String) { hasher.update(data: Data(s.utf8)); hasher.update(data: Data([0])) }
        feed("levels"); hierarchyLevels.forEach(feed)
        for address in resources.keys.sorted() {
            guard let r = resources[address] else { continue }
            feed(address.description); feed(r.id); feed(r.arn)
            feed(FieldValue.object(r.fields).json.compact())
            for part in r.partIds.keys.sorted() { feed(part); feed(r.partIds[part] ?? "") }
        }
        return "sha256:" + hasher.finalize().hexString
    }
}

/// The tag that marks a resource as managed by a stack.
public enum Ownership {
    public static let stackTag = "patchbay:stack"
}
