import Foundation
import Model

/// Canonical forms of flow content for comparison and for sending to Connect.
///
/// Content is compared after resolving references (ARNs in the instance become
/// `${queue:Support}` again) as canonical JSON (sorted keys, no whitespace), so key order
/// and formatting never show as a change. `Metadata` (designer positions) is split off as
/// the layout, so moving blocks is kept apart from behavioural changes.
public enum FlowContentCanonicalizer {
    /// The references `${kind:NAME}` in `text`, in order of appearance.
    public static func references(in text: String) -> [ResourceAddress] {
        var found: [ResourceAddress] = []
        forEachReference(in: text) { address, _ in found.append(address) }
        return found
    }

    /// Replaces each `${kind:NAME}` with `resolve(address)`; unresolved ones stay as written.
    public static func substitute(_ text: String, resolve: (ResourceAddress) -> String?) -> String {
        var out = ""
        var last = text.startIndex
        forEachReference(in: text) { address, range in
            if let value = resolve(address) {
                out += text[last..<range.lowerBound]
                out += value
                last = range.upperBound
            }
        }
        out += text[last...]
        return out
    }

    /// Replaces every occurrence of a known ARN with its `${kind:NAME}` reference.
    public static func unresolve(_ text: String, arns: [String: ResourceAddress]) -> String {
        guard !arns.isEmpty, text.contains("arn:") else { return text }
        var out = text
        for arn in arns.keys.sorted(by: { $0.count > $1.count }) where out.contains(arn) {
            let address = arns[arn]!
            out = out.replacingOccurrences(of: arn, with: "${\(address.kind.contentReferencePrefix):\(address.name)}")
        }
        return out
    }

    /// Splits content into canonical behaviour and layout. Text that is not a JSON object
    /// is returned as written (validation reports it elsewhere).
    public static func canonicalForm(_ text: String) -> FlowContentForm {
        guard let data = text.data(using: .utf8),
              var object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            return FlowContentForm(behaviour: text, layout: "")
        }
        let metadata = object.removeValue(forKey: "Metadata")
        return FlowContentForm(behaviour: canonicalJSON(object), layout: metadata.map(canonicalJSON) ?? "")
    }

    static func canonicalJSON(_ value: Any) -> String {
        guard JSONSerialization.isValidJSONObject([value]),
              let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed]) else {
            return String(describing: value)
        }
        return String(decoding: data, as: UTF8.self)
    }

    private static func forEachReference(in text: String, _ body: (ResourceAddress, Range<String.Index>) -> Void) {
        var index = text.startIndex
        while let start = text[index...].range(of: "${") {
            guard let close = text[start.upperBound...].firstIndex(of: "}") else { break }
            let inner = text[start.upperBound..<close]
            if let colon = inner.firstIndex(of: ":"),
               let kind = ResourceKind(contentReferencePrefix: String(inner[..<colon])) {
                let name = String(inner[inner.index(after: colon)...])
                if !name.isEmpty { body(ResourceAddress(kind, name), start.lowerBound..<text.index(after: close)) }
            }
            index = text.index(after: close)
        }
    }
}
