import ConnectAPI
import ConnectHTTP
import Foundation
import PatchbayTestSupport
import Testing

/// Found by FaultTests: an emulator restarted from its state file with the same `randomSeed`
/// (`patchbay emulator --seed N --state FILE`) started its id sequence again and handed out ids
/// the loaded instance already used, so a new flow replaced a default one. `newId()` now
/// skips ids in use; this pins it.
@Suite struct EmulatorIdTests {
    @Test func seededRestartFromStateKeepsIdsUnique() async throws {
        let dir = try TempDir()
        let state = dir.path("emulator.json")
        let first = try await TestEmulator(seed: 5, stateFile: state)
        let before = try await InstanceSnapshot.read(first.client, instanceId: first.instanceId)
        await first.stop()

        let again = try await TestEmulator(seed: 5, stateFile: state)
        do {
            let apply = try await patchbay(["apply", Paths.quickstart.path, "--auto-approve"] + again.connectionArguments)
            #expect(apply.exitCode == 0, "\(apply)")
            let after = try await InstanceSnapshot.read(again.client, instanceId: again.instanceId)
            let oldIds = Set(before.flows.compactMap(\.Id) + before.queues.compactMap(\.QueueId)
                             + before.routingProfiles.compactMap(\.RoutingProfileId) + before.users.compactMap(\.Id))
            let newIds = Set(after.flows.compactMap(\.Id) + after.queues.compactMap(\.QueueId)
                             + after.routingProfiles.compactMap(\.RoutingProfileId) + after.users.compactMap(\.Id))
                .subtracting(oldIds)
            let lostDefaults = before.flows.compactMap(\.Name).filter { after.flow($0) == nil }
            #expect(lostDefaults.isEmpty, "default flows replaced by new resources: \(lostDefaults)")
            #expect(after.hours.count + after.queues.count + after.flows.count + after.routingProfiles.count
                    + after.users.count + after.groups.count + after.securityProfiles.count
                    == Set(after.hours.compactMap(\.HoursOfOperationId) + after.queues.compactMap(\.QueueId)
                           + after.flows.compactMap(\.Id) + after.routingProfiles.compactMap(\.RoutingProfileId)
                           + after.users.compactMap(\.Id) + after.groups.compactMap(\.Id)
                           + after.securityProfiles.compactMap(\.Id)).count, "ids are unique across the instance")
            #expect(!newIds.isEmpty)
            await again.stop()
        } catch {
            await again.stop()
            throw error
        }
    }
}
