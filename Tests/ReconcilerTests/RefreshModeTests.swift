import AWSClient
import ConnectAPI
import ConnectEmulator
import ConnectHTTP
import Foundation
import Model
import SigV4
import PatchbayTestSupport
import Testing
@testable import Reconciler

/// The verified read (the default) versus `--refresh full`, against the emulator over real HTTP,
/// with TagResource bumping LastModifiedTime and without (Connect's documentation is silent, so
/// both are served and the read must be right either way): what each costs and what each sees.
@Suite struct RefreshModeTests {
    static func desired() -> DesiredState {
        DesiredState(
            stack: "refresh",
            queues: [Queue(name: "Support", hoursOfOperation: "Basic Hours"), Queue(name: "Sales", hoursOfOperation: "Basic Hours")],
            routingProfiles: [RoutingProfile(name: "Tier 1", description: "front line", defaultOutboundQueue: "Support",
                                             concurrency: [.voice: 1]) {
                                                 $0.queues = [RoutingProfileQueue(queue: "Support", channels: [.voice], priority: 1, delay: 0), RoutingProfileQueue(queue: "Sales", channels: [.voice], priority: 2, delay: 10)]
                                             }],
            securityProfiles: [SecurityProfile(name: "Leads") { $0.permissions = ["BasicAgentAccess"] }],
            users: (1...3).map { n in
                User(username: "agent\(n)", routingProfile: "Tier 1", securityProfiles: ["Agent"]) {
                    $0.firstName = "A"; $0.lastName = "\(n)"; $0.email = "a\(n)@example.com"
                }
            })
    }

    /// Starts an emulator, applies `desired()` and waits until the fingerprints' stamps plus the
    /// margin have passed (a change by hand within that second after Patchbay's write is the
    /// verified read's documented blind spot; these tests edit after it).
    static func appliedInstance(tagsBump: Bool) async throws -> TestEmulator {
        let emulator = try await TestEmulator(seed: 1, tagsBumpLastModified: tagsBump)
        let client = emulator.client, id = emulator.instanceId
        let empty = try await LiveStateReader(reader: client, instanceId: id).read(for: desired())
        let planning = Planner.plan(desired: desired(), live: empty, instance: .init(id: id, region: "us-east-1"))
        let report = await Applier(client: client, instanceId: id).apply(planning, live: empty, desired: desired())
        #expect(report.succeeded)
        try await waitPastStamps(emulator)
        return emulator
    }

    /// Every fingerprint stamp in the instance, from the Search results' tags.
    static func stamps(_ emulator: TestEmulator) async throws -> [String: Double] {
        let client = emulator.client, id = emulator.instanceId
        var tags: [String: String] = [:]
        for u in try await client.pages(SearchRequest<UserSearchSummary>(instanceId: id)).collect() {
            if let t = u.Tags?[Fingerprint.identityTag], let name = u.Username { tags["user.\(name)"] = t }
        }
        for p in try await client.pages(SearchRequest<ConnectAPI.RoutingProfile>(instanceId: id)).collect() {
            if let t = p.Tags?[Fingerprint.queuesTag], let name = p.Name { tags["routingProfile.\(name)"] = t }
        }
        for s in try await client.pages(SearchRequest<SecurityProfileSearchSummary>(instanceId: id)).collect() {
            if let t = s.Tags?[Fingerprint.permissionsTag], let name = s.SecurityProfileName { tags["securityProfile.\(name)"] = t }
        }
        return tags.compactMapValues { Fingerprint.parse($0).stamp }
    }

    static func waitPastStamps(_ emulator: TestEmulator) async throws {
        let latest = try await stamps(emulator).values.max() ?? 0
        let wait = latest + Fingerprint.margin + 0.05 - Date().timeIntervalSince1970
        if wait > 0 { try await Task.sleep(nanoseconds: UInt64(wait * 1e9)) }
    }

    static func plan(_ emulator: TestEmulator, _ mode: RefreshMode) async throws -> (Plan, Int) {
        let live = try await LiveStateReader(reader: emulator.client, instanceId: emulator.instanceId).read(for: desired(), refresh: mode)
        let plan = Planner.plan(desired: desired(), live: live, instance: .init(id: emulator.instanceId, region: "us-east-1")).plan
        return (plan, live.readCalls)
    }

    @Test("a no-change verified read costs the Search and List pages only", arguments: [false, true])
    func verifiedReadMakesNoPerResourceCalls(tagsBump: Bool) async throws {
        let emulator = try await Self.appliedInstance(tagsBump: tagsBump)
        let mark = try emulator.requests().count
        let (verified, verifiedCalls) = try await Self.plan(emulator, .verified)
        let verifiedOps = try emulator.requests().dropFirst(mark).map(\.operation)
        let (full, fullCalls) = try await Self.plan(emulator, .full)
        #expect(!verified.hasChanges)
        #expect(!full.hasChanges)
        // 12 Search/Describe-structure calls (one per kind, quick connects, prompts and agent statuses
        // included, so externals resolve and prune sees them), ListPhoneNumbersV2 (no number: no
        // ListFlowAssociations), ListLambdaFunctions and ListBots, plus ListUsers, ListRoutingProfiles
        // and ListSecurityProfiles for LastModifiedTime, and SearchPredefinedAttributes (values
        // included: no per-attribute call); full instead adds 3 DescribeUser,
        // 1 ListRoutingProfileQueues, 1 ListSecurityProfilePermissions.
        #expect(verifiedCalls == 19)
        #expect(Set(verifiedOps).isDisjoint(with: ["DescribeUser", "ListRoutingProfileQueues", "ListSecurityProfilePermissions"]))
        #expect(fullCalls == 16 + 5)
        await emulator.stop()
    }

    @Test("Patchbay's stamp covers its own writes (LastModifiedTime ≤ stamp + margin)", arguments: [false, true])
    func stampsCoverTheWrites(tagsBump: Bool) async throws {
        let emulator = try await Self.appliedInstance(tagsBump: tagsBump)
        let stamps = try await Self.stamps(emulator)
        #expect(stamps.count == 5)  // 3 users, 1 routing profile, 1 security profile
        let users = try await emulator.client.pages(ListRequest<Listings.Users>(instanceId: emulator.instanceId)).collect()
        for user in users where user.Username?.hasPrefix("agent") == true {
            let modified = try #require(user.LastModifiedTime).timeIntervalSince1970
            let stamp = try #require(stamps["user.\(user.Username ?? "")"])
            #expect(modified <= stamp + Fingerprint.margin, "\(user.Username ?? ""): modified \(modified), stamp \(stamp)")
        }
        await emulator.stop()
    }

    @Test("an e-mail changed behind Patchbay's back is seen by the default read", arguments: [false, true])
    func consoleEmailEditIsSeen(tagsBump: Bool) async throws {
        let emulator = try await Self.appliedInstance(tagsBump: tagsBump)
        let client = emulator.client, id = emulator.instanceId
        let users = try await client.pages(SearchRequest<UserSearchSummary>(instanceId: id)).collect()
        let agent = try #require(users.first { $0.Username == "agent1" }?.Id)
        try await client.write(.updateUserIdentityInfo, ["InstanceId": id, "UserId": agent],
                               ["IdentityInfo": UserIdentityInfo(FirstName: "A", LastName: "1", Email: "changed@example.com")])
        let (verified, calls) = try await Self.plan(emulator, .verified)
        #expect(verified.changes.map(\.address) == ["user.agent1"])
        #expect(verified.changes.first?.fields.map(\.path) == ["email"])
        #expect(verified.changes.first?.fields.first?.before == "changed@example.com")
        #expect(calls == 19 + 1, "one DescribeUser, for the user modified since Patchbay wrote it")
        await emulator.stop()
    }

    @Test("a queue priority changed behind Patchbay's back is seen by the default read", arguments: [false, true])
    func consolePriorityEditIsSeen(tagsBump: Bool) async throws {
        let emulator = try await Self.appliedInstance(tagsBump: tagsBump)
        let client = emulator.client, id = emulator.instanceId
        let profile = try #require(try await client.pages(SearchRequest<ConnectAPI.RoutingProfile>(instanceId: id)).collect()
            .first { $0.Name == "Tier 1" }?.RoutingProfileId)
        let sales = try #require(try await client.pages(SearchRequest<ConnectAPI.Queue>(instanceId: id)).collect()
            .first { $0.Name == "Sales" }?.QueueId)
        try await client.write(.updateRoutingProfileQueues, ["InstanceId": id, "RoutingProfileId": profile], ["QueueConfigs": [
            RoutingProfileQueueConfig(QueueReference: RoutingProfileQueueReference(QueueId: sales, Channel: .VOICE), Priority: 7, Delay: 10),
        ]])
        let (verified, calls) = try await Self.plan(emulator, .verified)
        #expect(verified.changes.map(\.address) == ["routingProfile.Tier 1"])
        #expect(verified.changes.first?.calls == ["UpdateRoutingProfileQueues", "TagResource"])
        #expect(calls == 19 + 1, "one ListRoutingProfileQueues")
        await emulator.stop()
    }

    @Test("a permission changed behind Patchbay's back is seen by the default read", arguments: [false, true])
    func consolePermissionEditIsSeen(tagsBump: Bool) async throws {
        let emulator = try await Self.appliedInstance(tagsBump: tagsBump)
        let client = emulator.client, id = emulator.instanceId
        let leads = try #require(try await client.pages(SearchRequest<SecurityProfileSearchSummary>(instanceId: id)).collect()
            .first { $0.SecurityProfileName == "Leads" }?.Id)
        try await client.write(.updateSecurityProfile, ["InstanceId": id, "SecurityProfileId": leads],
                               ["Permissions": ["BasicAgentAccess", "OutboundCallAccess"]])
        let (verified, _) = try await Self.plan(emulator, .verified)
        #expect(verified.changes.map(\.address) == ["securityProfile.Leads"])
        #expect(verified.changes.first?.fields.map(\.path) == ["permissions"])
        await emulator.stop()
    }

    @Test("after apply repairs drift, the next default read trusts the fingerprints again", arguments: [false, true])
    func repairRestamps(tagsBump: Bool) async throws {
        let emulator = try await Self.appliedInstance(tagsBump: tagsBump)
        let client = emulator.client, id = emulator.instanceId
        let agent = try #require(try await client.pages(SearchRequest<UserSearchSummary>(instanceId: id)).collect()
            .first { $0.Username == "agent2" }?.Id)
        // A change Search shows (last name): no fingerprinted field, but the write bumps LastModifiedTime.
        try await client.write(.updateUserIdentityInfo, ["InstanceId": id, "UserId": agent],
                               ["IdentityInfo": UserIdentityInfo(FirstName: "A", LastName: "Two", Email: "a2@example.com")])
        let live = try await LiveStateReader(reader: client, instanceId: id).read(for: Self.desired())
        let planning = Planner.plan(desired: Self.desired(), live: live, instance: .init(id: id, region: "us-east-1"))
        #expect(planning.plan.changes.first?.calls == ["UpdateUserIdentityInfo", "TagResource"])
        #expect(await Applier(client: client, instanceId: id).apply(planning, live: live, desired: Self.desired()).succeeded)
        let (after, calls) = try await Self.plan(emulator, .verified)
        #expect(!after.hasChanges)
        #expect(calls == 19)
        await emulator.stop()
    }

    @Test func fastIsAnAliasOfVerified() {
        #expect(RefreshMode(argument: "fast") == .verified)
        #expect(RefreshMode(argument: "verified") == .verified)
        #expect(RefreshMode(argument: "full") == .full)
        #expect(RefreshMode(argument: "quick") == nil)
    }

    @Test func stampedTagsParse() {
        #expect(Fingerprint.parse("0123abcd@1764661969.125").stamp == 1764661969.125)
        #expect(Fingerprint.parse("0123abcd").stamp == nil)
        #expect(Fingerprint.unstamped("0123abcd@1764661969.125") == "0123abcd")
        #expect(Fingerprint.vouches("0123abcd@100.000", for: "0123abcd", lastModified: 101))
        #expect(!Fingerprint.vouches("0123abcd@100.000", for: "0123abcd", lastModified: 101.5))
        #expect(!Fingerprint.vouches("0123abcd", for: "0123abcd", lastModified: 1), "no stamp (written before stamps): not trusted")
        #expect(!Fingerprint.vouches("ffff@100.000", for: "0123abcd", lastModified: 1))
        #expect(!Fingerprint.vouches("0123abcd@100.000", for: "0123abcd", lastModified: nil))
    }
}
