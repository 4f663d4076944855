/// Generates the key reference of docs/manifest.md (between the GENERATED markers) from
/// `ManifestSchema`, the tables the loader uses.
public enum ManifestReferenceGenerator {
    public static let beginMarker = "<!-- BEGIN GENERATED KEY REFERENCE: swift test regenerates with PATCHBAY_RECORD=1 -->"
    public static let endMarker = "<!-- END GENERATED KEY REFERENCE -->"

    public static func markdown() -> String {
        var out = ""
        var seen: Set<String> = []
        var queue: [(String, ObjectSpec)] = [("Top level", ManifestSchema.topLevel)]
        while !queue.isEmpty {
            let (heading, spec) = queue.removeFirst()
            guard seen.insert(spec.title).inserted, !spec.fields.isEmpty else { continue }
            out += "### \(heading)\n\n\(spec.summary)\n\n| Key | Type | Required | Meaning |\n|---|---|---|---|\n"
            for field in spec.fields {
                out += "| `\(field.name)` | \(describe(field.shape)) | \(field.required ? "yes" : "") | \(field.summary) |\n"
                for nested in nestedSpecs(field.shape) { queue.append(("`\(nested.title)`", nested)) }
            }
            out += "\n"
        }
        return out
    }

    private static func nestedSpecs(_ shape: FieldShape) -> [ObjectSpec] {
        switch shape {
        case .object(let spec), .resources(let spec): return [spec]
        case .list(let inner, _, _), .map(let inner), .stringOrList(let inner): return nestedSpecs(inner)
        case let .either(first, second): return nestedSpecs(first) + nestedSpecs(second)
        default: return []
        }
    }

    private static func describe(_ shape: FieldShape) -> String {
        switch shape {
        case let .string(pattern, minLength, maxLength):
            var text = "string"
            if let minLength, let maxLength { text += " (\(minLength)–\(maxLength) chars)" }
            else if let maxLength { text += " (≤ \(maxLength) chars)" }
            else if let minLength, minLength > 0 { text += " (non-empty)" }
            if let pattern { text += " matching `\(pattern.replacingOccurrences(of: "|", with: "\\|"))`" }
            return text
        case let .integer(minimum, maximum):
            switch (minimum, maximum) {
            case let (min?, max?): return min == max ? "integer (\(min))" : "integer \(min)–\(max)"
            case let (min?, nil): return "integer ≥ \(min)"
            case let (nil, max?): return "integer ≤ \(max)"
            default: return "integer"
            }
        case .boolean: return "`true` / `false`"
        case .enumeration(let values): return values.map { "`\($0)`" }.joined(separator: ", ")
        case .trueLiteral: return "`true`"
        case let .list(inner, minItems, maxItems):
            let bounds = (minItems != nil || maxItems != nil) ? " (\(minItems ?? 0)–\(maxItems.map(String.init) ?? "…") items)" : ""
            return "list of \(describe(inner))\(bounds)"
        case .stringOrList(let inner): return "\(describe(inner)), or a list of them"
        case .map(let inner): return "mapping name → \(describe(inner))"
        case .object(let spec): return "`\(spec.title)` mapping"
        case .resources(let spec):
            return spec.fields.isEmpty ? "mapping name → `{ external: true }`" : "mapping name → `\(spec.title)` or `{ external: true }`"
        case .groupTree: return "tree of group names"
        case .orExternal(let inner): return "\(describe(inner)), or `{ external: true }`"
        case let .either(first, second): return "\(describe(first)), or \(describe(second))"
        }
    }
}
