import Foundation
import Model

/// Renames (`renamedFrom:`) seen from the rest of the instance.
///
/// The live projection names references by what they are called in the instance *now*, so
/// when `queue.Helpdesk` is renamed to `queue.Sales`, every routing profile, flow and user
/// that refers to it still says `Helpdesk` while the manifests say `Sales`. Without
/// translation each of them would diff (and be "updated" to refer to the very same id), and
/// those updates would look up `queue.Sales` before the rename had run. This rewrites the
/// live references of renamed resources to their new names before diffing.
enum RenameTranslation {
    /// Old live address → new declared name, for declarations matched through `renamedFrom`.
    static func renames(desired: DesiredState, live: LiveState) -> [ResourceAddress: String] {
        var renames: [ResourceAddress: String] = [:]
        for resource in DesiredResource.all(in: desired) where live[resource.address] == nil {
            for old in resource.renamedFrom {
                let oldAddress = ResourceAddress(resource.address.kind, old)
                if live[oldAddress] != nil {
                    renames[oldAddress] = resource.address.name
                    break
                }
            }
        }
        return renames
    }

    /// `live` with every reference to a renamed resource spelled with its new name.
    static func apply(_ renames: [ResourceAddress: String], to live: LiveState) -> LiveState {
        guard !renames.isEmpty else { return live }
        var translated = live
        for (address, resource) in live.resources {
            var fields = resource.fields
            func rename(_ key: String, _ kind: ResourceKind) {
                if case let .string(name)? = fields[key], let new = renames[ResourceAddress(kind, name)] { fields[key] = .string(new) }
            }
            switch address.kind {
            case .queue:
                rename("hoursOfOperation", .hoursOfOperation)
                if case var .object(caller)? = fields["outboundCallerId"], case let .string(flow)? = caller["flow"],
                   let new = renames[ResourceAddress(.flow, flow)] {
                    caller["flow"] = .string(new)
                    fields["outboundCallerId"] = .object(caller)
                }
            case .routingProfile:
                rename("defaultOutboundQueue", .queue)
                if case let .object(queues)? = fields["queues"] {
                    var renamed: [String: FieldValue] = [:]
                    for (queue, config) in queues { renamed[renames[ResourceAddress(.queue, queue)] ?? queue] = config }
                    fields["queues"] = .object(renamed)
                }
            case .user:
                rename("routingProfile", .routingProfile)
            case .flow, .flowModule:
                for key in ["content", "layout"] {
                    guard case var .string(text)? = fields[key], text.contains("${") else { continue }
                    for (old, new) in renames {
                        let prefix = old.kind.contentReferencePrefix
                        text = text.replacingOccurrences(of: "${\(prefix):\(old.name)}", with: "${\(prefix):\(new)}")
                    }
                    fields[key] = .string(text)
                }
            default:
                break
            }
            translated.resources[address]?.fields = fields
        }
        return translated
    }

    /// ARN → address with renamed resources under their new names.
    static func apply(_ renames: [ResourceAddress: String], to arns: [String: ResourceAddress]) -> [String: ResourceAddress] {
        guard !renames.isEmpty else { return arns }
        return arns.mapValues { address in renames[address].map { ResourceAddress(address.kind, $0) } ?? address }
    }
}
