import ConnectAPI
import Foundation
import PatchbayTestSupport
import Testing

/// Issue #9's proof that quick connects were invisible: an `external: true` quick connect used
/// in a queue's `quickConnects` plans, applies (AssociateQueueQuickConnects), converges, and
/// leaves the list (DisassociateQueueQuickConnects).
@Suite struct QueueQuickConnectTests {
    /// Prompts are searched too: an `external: true` prompt that exists plans; one that does not is an error.
    @Test func externalPromptResolves() async throws {
        try await withEmulator { emu in
            try await emu.putObject("s3://bucket/welcome.wav")
            let input = #"{"InstanceId":"\#(emu.instanceId)","Name":"Welcome","S3Uri":"s3://bucket/welcome.wav"}"#
            _ = try await emu.client.perform(.createPrompt, input: Data(input.utf8))
            let dir = try TempDir()
            let manifests = try dir.copy(Paths.quickstart, as: "quickstart")
            try "prompts:\n  Welcome: { external: true }\n"
                .write(to: manifests.appendingPathComponent("external.yaml"), atomically: true, encoding: .utf8)
            let plan = try await patchbay(["plan", manifests.path] + emu.connectionArguments)
            #expect(plan.exitCode == 0, "\(plan)")
            try edit(manifests.appendingPathComponent("external.yaml"), "  Welcome: { external: true }", "  Missing: { external: true }")
            let missing = try await patchbay(["plan", manifests.path] + emu.connectionArguments)
            #expect(missing.exitCode == 1 && missing.stderr.contains("prompt 'Missing' is declared external but does not exist"), "\(missing)")
        }
    }

    @Test func externalQuickConnectIsAssociatedAndDisassociated() async throws {
        try await withEmulator { emu in
            let c = emu.client, id = emu.instanceId
            let input = #"{"InstanceId":"\#(id)","Name":"Front Desk","QuickConnectConfig":{"QuickConnectType":"PHONE_NUMBER","PhoneConfig":{"PhoneNumber":"+15550100"}}}"#
            let response = try await c.perform(.createQuickConnect, input: Data(input.utf8))
            let madeId = (try JSONSerialization.jsonObject(with: response) as? [String: Any])?["QuickConnectId"] as? String
            let dir = try TempDir()
            let manifests = try dir.copy(Paths.quickstart, as: "quickstart")
            let main = manifests.appendingPathComponent("patchbay.yaml")
            try edit(main, "    maxContacts: 50\n", "    maxContacts: 50\n    quickConnects: [Front Desk]\n")
            try "quickConnects:\n  Front Desk: { external: true }\n"
                .write(to: manifests.appendingPathComponent("external.yaml"), atomically: true, encoding: .utf8)

            var mark = try emu.requests().count
            let apply = try await patchbay(["apply", manifests.path, "--auto-approve"] + emu.connectionArguments)
            #expect(apply.exitCode == 0, "\(apply)")
            // Support's, and the quickstart's own two (Weekend's list).
            #expect(try emu.writes(since: mark).filter { $0.contains("QuickConnect") }
                    == ["AssociateQueueQuickConnects", "AssociateQueueQuickConnects", "CreateQuickConnect", "CreateQuickConnect"])
            let s = try await InstanceSnapshot.read(c, instanceId: id)
            let support = try #require(s.queue("Support")?.QueueId)
            var linked = try await c.pages(ListRequest<Listings.QueueQuickConnects>(instanceId: id, parentId: support)).collect()
            #expect(madeId != nil && linked.map(\.Id) == [madeId])
            let plan = try await patchbay(["plan", manifests.path, "--detailed-exitcode"] + emu.connectionArguments)
            #expect(plan.exitCode == 0, "\(plan)")

            try edit(main, "    quickConnects: [Front Desk]\n", "    quickConnects: []\n")
            mark = try emu.requests().count
            let leave = try await patchbay(["apply", manifests.path, "--auto-approve"] + emu.connectionArguments)
            #expect(leave.exitCode == 0, "\(leave)")
            #expect(try emu.writes(since: mark) == ["DisassociateQueueQuickConnects"])
            linked = try await c.pages(ListRequest<Listings.QueueQuickConnects>(instanceId: id, parentId: support)).collect()
            #expect(linked.isEmpty)
            let again = try await patchbay(["plan", manifests.path, "--detailed-exitcode"] + emu.connectionArguments)
            #expect(again.exitCode == 0, "\(again)")
        }
    }
}
