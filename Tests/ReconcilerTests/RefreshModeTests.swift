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

/// Reading with `--refresh fast` (fingerprint tags) versus `full`, against the emulator over
/// real HTTP: what each costs and what each can see.
@Suite struct RefreshModeTests {
    static func desired() -> DesiredState {
        DesiredState(
            stack: "refresh",
            queues: [Queue(name: "Support", hoursOfOperation: "Basic Hours"), Queue(name: "Sales", hoursOfOperation: "Basic Hours")],
            routingProfiles: [RoutingProfile(name: "Tier 1", description: "front line", defaultOutboundQueue: "Support",
                                             concurrency: [.voice: 1],
                                             queues: [RoutingProfileQueue(queue: "Support", channels: [.voice], priority: 1, delay: 0),
                                                      RoutingProfileQueue(queue: "Sales", channels: [.voice], priority: 2, delay: 10)])],
            securityProfiles: [SecurityProfile(name: "Leads", permissions: ["BasicAgentAccess"])],
            users: (1...3).map { User(username: "agent\($0)", firstName: "A", lastName: "\($0)", email: "a\($0)@example.com",
                                      routingProfile: "Tier 1", securityProfiles: ["Agent"]) })
    }

    /// Starts an emulator, applies `desired()` and returns a client to it.
    static func appliedInstance() async throws -> (EmulatorServer, ConnectClient, TestEmulator) {
        let emulator = try await TestEmulator(seed: 1)
        let server = emulator.server, client = emulator.client
        let reader = LiveStateReader(reader: client, instanceId: server.instanceId)
        let empty = try await reader.read(for: desired())
        let planning = Planner.plan(desired: desired(), live: empty, instance: .init(id: server.instanceId, region: "us-east-1"))
        let report = await Applier(client: client, instanceId: server.instanceId).apply(planning, live: empty, desired: desired())
        #expect(report.succeeded)
        return (server, client, emulator)
    }

    static func plan(_ client: ConnectClient, _ server: EmulatorServer, _ mode: RefreshMode) async throws -> (Plan, Int) {
        let live = try await LiveStateReader(reader: client, instanceId: server.instanceId).read(for: desired(), refresh: mode)
        let plan = Planner.plan(desired: desired(), live: live, instance: .init(id: server.instanceId, region: "us-east-1")).plan
        return (plan, live.readCalls)
    }

    @Test func fastReadMakesNoPerResourceCalls() async throws {
        let (server, client, emulator) = try await Self.appliedInstance()
        let (fast, fastCalls) = try await Self.plan(client, server, .fast)
        let (full, fullCalls) = try await Self.plan(client, server, .full)
        #expect(!fast.hasChanges)
        #expect(!full.hasChanges)
        // 11 Search/Describe-structure calls (one per kind, quick connects and prompts included, so
        // externals resolve and prune sees them), ListPhoneNumbersV2 (no number: no ListFlowAssociations),
        // ListLambdaFunctions and ListBots; full adds 3 DescribeUser, 1 ListRoutingProfileQueues,
        // 1 ListSecurityProfilePermissions.
        #expect(fastCalls == 14)
        #expect(fullCalls == fastCalls + 5)
        await emulator.stop()
    }

    @Test func consoleEditOfAFingerprintedFieldIsSeenOnlyByFullRefresh() async throws {
        let (server, client, emulator) = try await Self.appliedInstance()
        let users = try await client.pages(SearchRequest<UserSearchSummary>(instanceId: server.instanceId)).collect()
        let agent = try #require(users.first { $0.Username == "agent1" }?.Id)
        try await client.write(.updateUserIdentityInfo, ["InstanceId": server.instanceId, "UserId": agent],
                               ["IdentityInfo": UserIdentityInfo(FirstName: "A", LastName: "1", Email: "changed@example.com")])
        let (fast, _) = try await Self.plan(client, server, .fast)
        #expect(!fast.hasChanges, "fast trusts the fingerprint: the documented blind spot")
        let (full, _) = try await Self.plan(client, server, .full)
        #expect(full.changes.map(\.address) == ["user.agent1"])
        #expect(full.changes.first?.fields.first { $0.path == "email" }?.before == "changed@example.com")
        await emulator.stop()
    }

    @Test func fastReadStillSeesQueueMembershipChanges() async throws {
        let (server, client, emulator) = try await Self.appliedInstance()
        let profiles = try await client.pages(SearchRequest<ConnectAPI.RoutingProfile>(instanceId: server.instanceId)).collect()
        let profile = try #require(profiles.first { $0.Name == "Tier 1" })
        let queues = try await client.pages(SearchRequest<ConnectAPI.Queue>(instanceId: server.instanceId)).collect()
        let sales = try #require(queues.first { $0.Name == "Sales" }?.QueueId)
        try await client.write(
            .disassociateRoutingProfileQueues, ["InstanceId": server.instanceId, "RoutingProfileId": try #require(profile.RoutingProfileId)],
            ["QueueReferences": [RoutingProfileQueueReference(QueueId: sales, Channel: .VOICE)]])
        // Search's AssociatedQueueIds no longer agree with the fingerprint, so fast reads the configs.
        let (fast, _) = try await Self.plan(client, server, .fast)
        #expect(fast.changes.map(\.address) == ["routingProfile.Tier 1"])
        #expect(fast.changes.first?.calls == ["AssociateRoutingProfileQueues"])
        await emulator.stop()
    }
}
