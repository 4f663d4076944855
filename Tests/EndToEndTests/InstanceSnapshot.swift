import ConnectAPI
import ConnectHTTP
import Foundation
import PatchbayTestSupport

/// Everything of an instance that the tests look at, read through `ConnectClient` (over
/// HTTP, SigV4) — independent of the reconciler's own reader.
struct InstanceSnapshot {
    var hours: [HoursOfOperation] = []
    var queues: [Queue] = []
    var routingProfiles: [RoutingProfile] = []
    var flows: [ContactFlowSummary] = []
    var securityProfiles: [SecurityProfileSearchSummary] = []
    var users: [UserSearchSummary] = []
    var groups: [HierarchyGroup] = []

    static func read(_ client: ConnectClient, instanceId: String) async throws -> InstanceSnapshot {
        var s = InstanceSnapshot()
        s.hours = try await client.pages(SearchRequest<HoursOfOperation>(instanceId: instanceId)).items.collect()
        s.queues = try await client.pages(SearchRequest<Queue>(instanceId: instanceId)).items.collect().filter { $0.Name != nil }
        s.routingProfiles = try await client.pages(SearchRequest<RoutingProfile>(instanceId: instanceId)).items.collect()
        s.flows = try await client.pages(ListRequest<Listings.ContactFlows>(instanceId: instanceId)).items.collect()
        s.securityProfiles = try await client.pages(SearchRequest<SecurityProfileSearchSummary>(instanceId: instanceId)).items.collect()
        s.users = try await client.pages(SearchRequest<UserSearchSummary>(instanceId: instanceId)).items.collect()
        s.groups = try await client.pages(SearchRequest<HierarchyGroup>(instanceId: instanceId)).items.collect()
        return s
    }

    func hours(_ name: String) -> HoursOfOperation? { hours.first { $0.Name == name } }
    func queue(_ name: String) -> Queue? { queues.first { $0.Name == name } }
    func routingProfile(_ name: String) -> RoutingProfile? { routingProfiles.first { $0.Name == name } }
    func flow(_ name: String) -> ContactFlowSummary? { flows.first { $0.Name == name } }
    func securityProfile(_ name: String) -> SecurityProfileSearchSummary? { securityProfiles.first { $0.SecurityProfileName == name } }
    func user(_ name: String) -> UserSearchSummary? { users.first { $0.Username == name } }
    func group(_ name: String) -> HierarchyGroup? { groups.first { $0.Name == name } }

    /// How many resources of each kind carry each name (for "nothing duplicated").
    var nameCounts: [String: Int] {
        var counts: [String: Int] = [:]
        for n in hours.compactMap(\.Name) { counts["hours.\(n)", default: 0] += 1 }
        for n in queues.compactMap(\.Name) { counts["queue.\(n)", default: 0] += 1 }
        for n in routingProfiles.compactMap(\.Name) { counts["routingProfile.\(n)", default: 0] += 1 }
        for n in flows.compactMap(\.Name) { counts["flow.\(n)", default: 0] += 1 }
        for n in securityProfiles.compactMap(\.SecurityProfileName) { counts["securityProfile.\(n)", default: 0] += 1 }
        for n in users.compactMap(\.Username) { counts["user.\(n)", default: 0] += 1 }
        for g in groups { counts["group.\(g.Name ?? "")@\(g.HierarchyPath?.LevelOne?.Name ?? "")", default: 0] += 1 }
        return counts
    }
}
