import ConnectAPI
import Foundation
import Model

/// `LastModifiedTime` of the fingerprinted kinds, which their Search results lack: ListUsers'
/// UserSummary, ListRoutingProfiles' RoutingProfileSummary and ListSecurityProfiles'
/// SecurityProfileSummary carry it (botocore's model; "SearchRoutingProfiles does not populate
/// LastModifiedRegion, LastModifiedTime, …", its documentation says), at 1,000 a page.
enum LastModified {
    static let kinds: Set<ResourceKind> = [.user, .routingProfile, .securityProfile]

    /// Seconds since 1970 by resource id, for `kinds` (the others are not listed).
    static func read(_ kinds: Set<ResourceKind>, _ context: LiveReadContext) async throws -> [String: Double] {
        let reader = context.reader, instance = context.instanceId
        return try await withThrowingTaskGroup(of: [(String?, Date?)].self) { group in
            if kinds.contains(.user) {
                group.addTask { try await context.items(reader.pages(ListRequest<Listings.Users>(instanceId: instance))).map { ($0.Id, $0.LastModifiedTime) } }
            }
            if kinds.contains(.routingProfile) {
                group.addTask { try await context.items(reader.pages(ListRequest<Listings.RoutingProfiles>(instanceId: instance))).map { ($0.Id, $0.LastModifiedTime) } }
            }
            if kinds.contains(.securityProfile) {
                group.addTask { try await context.items(reader.pages(ListRequest<Listings.SecurityProfiles>(instanceId: instance))).map { ($0.Id, $0.LastModifiedTime) } }
            }
            var times: [String: Double] = [:]
            for try await pairs in group {
                for case let (id?, time?) in pairs { times[id] = time.timeIntervalSince1970 }
            }
            return times
        }
    }
}
