import Foundation
import Reconciler

/// Reads a plan document (design.md §4, as `plan --format json` and `plan --out` write it)
/// back into a `Plan`, for `patchbay show`. The document does not tell an absent value from
/// an unset one (both are `null`): `before` of a create and `after` of a delete are read as
/// absent, every other `null` as unset.
enum PlanDocumentDecoder {
    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    static func decode(_ text: String) throws -> Plan {
        guard let data = text.data(using: .utf8),
              let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw Problem(description: "not a JSON object")
        }
        guard let version = object["formatVersion"] as? Int else { throw Problem(description: "no formatVersion") }
        guard version == Plan.formatVersion else {
            throw Problem(description: "formatVersion \(version); this patchbay reads formatVersion \(Plan.formatVersion)")
        }
        guard let stack = object["stack"] as? String,
              let instance = object["instance"] as? [String: Any],
              let id = instance["id"] as? String, let region = instance["region"] as? String,
              let changes = object["changes"] as? [[String: Any]] else {
            throw Problem(description: "missing stack, instance or changes")
        }
        return Plan(stack: stack, instance: Plan.Instance(id: id, region: region),
                    stateFingerprint: object["stateFingerprint"] as? String ?? "",
                    changes: try changes.enumerated().map { try change($0.element, index: $0.offset) },
                    readCalls: object["readCalls"] as? Int ?? 0)
    }

    private static func change(_ object: [String: Any], index: Int) throws -> PlannedChange {
        guard let kind = object["kind"] as? String, let name = object["name"] as? String,
              let actionName = object["action"] as? String, let action = ChangeAction(rawValue: actionName) else {
            throw Problem(description: "change \(index + 1): missing kind, name or a known action")
        }
        let fields = (object["fields"] as? [[String: Any]] ?? []).compactMap { field -> FieldChange? in
            guard let path = field["path"] as? String else { return nil }
            var before = value(field["before"]), after = value(field["after"])
            if action == .create, before == .null { before = nil }
            if action == .delete, after == .null { after = nil }
            return FieldChange(path: path, before: before, after: after)
        }
        return PlannedChange(kind: kind, name: name, action: action, fields: fields,
                             calls: object["calls"] as? [String] ?? [], id: object["id"] as? String,
                             previousName: object["previousName"] as? String,
                             warnings: object["warnings"] as? [String] ?? [])
    }

    /// JSON to the view's vocabulary: `"(sensitive)"` stays hidden, arrays keep their order.
    /// (JSONDecoder, unlike JSONSerialization on Linux, tells `true` from `1`.)
    static func value(_ json: Any?) -> FieldValue? {
        guard let json else { return nil }
        guard let data = try? JSONSerialization.data(withJSONObject: [json], options: [.fragmentsAllowed]),
              let decoded = try? JSONDecoder().decode([Typed].self, from: data).first else { return nil }
        return decoded.value
    }

    private struct Typed: Decodable {
        var value: FieldValue

        init(from decoder: any Decoder) throws {
            if let object = try? decoder.container(keyedBy: Key.self) {
                var members: [String: FieldValue] = [:]
                for key in object.allKeys { members[key.stringValue] = try object.decode(Typed.self, forKey: key).value }
                value = .object(members)
                return
            }
            if var array = try? decoder.unkeyedContainer() {
                var items: [FieldValue] = []
                while !array.isAtEnd { items.append(try array.decode(Typed.self).value) }
                value = .list(items)
                return
            }
            let single = try decoder.singleValueContainer()
            if single.decodeNil() { value = .null }
            else if let b = try? single.decode(Bool.self) { value = .bool(b) }
            else if let i = try? single.decode(Int.self) { value = .int(i) }
            else if let d = try? single.decode(Double.self) { value = .string(String(d)) }
            else {
                let text = try single.decode(String.self)
                value = text == "(sensitive)" ? .sensitive : .string(text)
            }
        }

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }
    }
}
