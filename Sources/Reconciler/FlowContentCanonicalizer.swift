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

    /// Replaces every occurrence of a known ARN with its `${kind:NAME}` reference. Scans the
    /// text for `arn:` runs and looks each up, so the cost does not grow with the instance.
    public static func unresolve(_ text: String, arns: [String: ResourceAddress]) -> String {
        guard !arns.isEmpty, text.contains("arn:") else { return text }
        let utf8 = Array(text.utf8)
        let stops: Set<UInt8> = [UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: ","), UInt8(ascii: "}"),
                                 UInt8(ascii: "]"), UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r")]
        let prefix = Array("arn:".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var i = 0
        while i < utf8.count {
            if utf8[i] == prefix[0], i + 4 <= utf8.count, Array(utf8[i..<i + 4]) == prefix {
                var end = i
                while end < utf8.count && !stops.contains(utf8[end]) { end += 1 }
                let candidate = String(decoding: utf8[i..<end], as: UTF8.self)
                // Only kinds flow content may refer to (`${prefix:NAME}`) are written back as references.
                if let address = arns[candidate], address.kind.referencePrefix != nil {
                    out += Array("${\(address.kind.contentReferencePrefix):\(address.name)}".utf8)
                    i = end
                    continue
                }
            }
            out.append(utf8[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Splits content into canonical behaviour and layout. Text that is not a JSON object
    /// is returned as written (validation reports it elsewhere).
    public static func canonicalForm(_ text: String) -> FlowContentForm {
        guard var members = CanonicalJSON.members(text) else {
            return FlowContentForm(behaviour: text, layout: "")
        }
        let metadata = members.firstIndex { $0.key == "Metadata" }.map { members.remove(at: $0).value }
        return FlowContentForm(behaviour: CanonicalJSON.object(members), layout: metadata ?? "")
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
