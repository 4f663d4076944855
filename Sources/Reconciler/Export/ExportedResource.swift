import Model
import Synchronization

/// One live resource as `patchbay export` writes it: its body in the manifest's vocabulary
/// (references by name, defaults left out; keys unordered — the manifest's key tables order
/// them when the file is written), where in its section the body goes, and the files it needs
/// beside the manifests (flow content).
public struct ExportedResource: Sendable {
    public var address: ResourceAddress
    /// The keys under the section's top-level key: `[name]` for a kind declared by name, or a
    /// hierarchy group's place in the tree (`groups`, `Americas`, `New York`).
    public var path: [String]
    public var body: FieldValue
    public var files: [ExportedFile] = []

    public init(address: ResourceAddress, path: [String], body: FieldValue, files: [ExportedFile] = []) {
        self.address = address
        self.path = path
        self.body = body
        self.files = files
    }

    /// A resource declared by name: `body` compacted (`ExportBody.compact`) with its own tags added.
    static func named(_ live: LiveResource, _ body: [String: FieldValue], files: [ExportedFile] = []) -> ExportedResource {
        var body = ExportBody.compact(body)
        body["tags"] = ExportBody.ownTags(live)
        return ExportedResource(address: live.address, path: [live.address.name], body: .object(body), files: files)
    }
}

/// A file `patchbay export` writes beside the manifests.
public struct ExportedFile: Sendable, Equatable {
    /// Relative to the export directory, `/`-separated (`flows/main-ivr.json`).
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}

/// What a kind's export is given: the stack being exported (resources another stack owns are
/// written `external: true`) and the names of the files already claimed.
public final class ExportContext: Sendable {
    public let stack: String
    private let claimed = Mutex<Set<String>>([])

    public init(stack: String) { self.stack = stack }

    /// Whether another stack's `patchbay:stack` tag is on `live`.
    public func isForeign(_ live: LiveResource) -> Bool { live.owner.map { $0 != stack } ?? false }

    /// `{ external: true }` for a resource another stack owns (nil: export it in full).
    func external(_ live: LiveResource) -> ExportedResource? {
        guard isForeign(live) else { return nil }
        return Self.externalDeclaration(live)
    }

    static func externalDeclaration(_ live: LiveResource) -> ExportedResource {
        ExportedResource(address: live.address, path: [live.address.name], body: .object(["external": true]))
    }

    /// A file name under `directory` for the resource `name`, unique ignoring case (for
    /// case-insensitive file systems): `Main IVR` → `flows/main-ivr.json`, then `main-ivr-2.json`.
    /// Deterministic as long as resources are exported in one order (address order).
    func claimPath(directory: String, name: String, extension ext: String) -> String {
        var slug = ""
        for scalar in name.lowercased().unicodeScalars {
            let keep = (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) && scalar.isASCII
            if keep { slug.unicodeScalars.append(scalar) } else if !slug.hasSuffix("-") { slug += "-" }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        while slug.hasPrefix("-") { slug.removeFirst() }
        if slug.isEmpty { slug = "unnamed" }
        return claimed.withLock { taken in
            var candidate = "\(directory)/\(slug).\(ext)", n = 2
            while taken.contains(candidate.lowercased()) {
                candidate = "\(directory)/\(slug)-\(n).\(ext)"
                n += 1
            }
            taken.insert(candidate.lowercased())
            return candidate
        }
    }
}

/// Body shapes the kinds' exports share.
enum ExportBody {
    /// `fields` as a person writes them: no `null`, empty strings or empty collections (a key left
    /// out means the same to the manifest reader), sets as sorted lists, nested objects alike; `tags` dropped
    /// (`ownTags` puts back the ones that are the resource's own).
    static func compact(_ fields: [String: FieldValue]) -> [String: FieldValue] {
        var out: [String: FieldValue] = [:]
        for (key, value) in fields where key != "tags" {
            if let value = compact(value) { out[key] = value }
        }
        return out
    }

    private static func compact(_ value: FieldValue) -> FieldValue? {
        switch value {
        case .null, .sensitive: return nil
        case let .string(s): return s.isEmpty ? nil : value
        case let .list(items), let .unorderedSet(items): return items.isEmpty ? nil : .list(items.compactMap(compact))
        case let .object(o):
            let inner = compact(o)
            return inner.isEmpty ? nil : .object(inner)
        case .bool, .int: return value
        }
    }

    /// The resource's tags but Patchbay's own (`patchbay:stack`, fingerprints); nil when none.
    static func ownTags(_ live: LiveResource) -> FieldValue? {
        let own = live.tags.filter { !$0.key.hasPrefix("patchbay:") }
        return own.isEmpty ? nil : .object(own.mapValues(FieldValue.string))
    }

    /// `fields` without the keys whose value is the manifest's default for them.
    static func dropping(_ defaults: [String: FieldValue], from fields: [String: FieldValue]) -> [String: FieldValue] {
        fields.filter { defaults[$0.key] != $0.value }
    }
}
