import Foundation
import Model

/// Renames (`renamedFrom:`) seen from the rest of the instance.
///
/// The live projection names references by what they are called in the instance *now*, so
/// when `queue.Helpdesk` is renamed to `queue.Sales`, every routing profile, flow and user
/// that refers to it still says `Helpdesk` while the manifests say `Sales`. Without
/// translation each of them would diff (and be "updated" to refer to the very same id), and
/// those updates would look up `queue.Sales` before the rename had run. This rewrites the
/// live references of renamed resources to their new names before diffing; each kind's
/// handler knows which of its fields are references.
enum RenameTranslation {
    /// Old live address → new declared name, for declarations matched through `renamedFrom`.
    static func renames(desired: DesiredState, live: LiveState) -> Renames {
        var renames: [ResourceAddress: String] = [:]
        for resource in desired.declaredResources where live[resource.address] == nil {
            for old in resource.renamedFrom {
                let oldAddress = ResourceAddress(resource.address.kind, old)
                if live[oldAddress] != nil {
                    renames[oldAddress] = resource.address.name
                    break
                }
            }
        }
        return Renames(byOldAddress: renames)
    }

    /// `live` with every reference to a renamed resource spelled with its new name.
    static func apply(_ renames: Renames, to live: LiveState) -> LiveState {
        guard !renames.isEmpty else { return live }
        var translated = live
        for (address, resource) in live.resources {
            guard let handler = KindRegistry.handler(for: address.kind) else { continue }
            translated.resources[address]?.fields = handler.translatingRenames(resource.fields, renames)
        }
        return translated
    }

    /// ARN → address with renamed resources under their new names.
    static func apply(_ renames: Renames, to arns: [String: ResourceAddress]) -> [String: ResourceAddress] {
        guard !renames.isEmpty else { return arns }
        return arns.mapValues { address in renames.byOldAddress[address].map { ResourceAddress(address.kind, $0) } ?? address }
    }
}
