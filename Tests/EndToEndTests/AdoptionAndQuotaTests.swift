import ConnectAPI
import ConnectEmulator
import ConnectHTTP
import Foundation
import PatchbayTestSupport
import Testing

/// Adoption of same-named untagged resources, externals, and apply under Connect's quotas.
@Suite struct AdoptionAndQuotaTests {
    @Test func untaggedSameNamedResourceIsAdoptedInPlace() async throws {
        try await withEmulator { emu in
            let c = emu.client, id = emu.instanceId
            let s0 = try await InstanceSnapshot.read(c, instanceId: id)
            let made = try await c.write(.createQueue, ["InstanceId": id], CreateQueueRequest(
                Name: "Weekend", Description: "made by hand", HoursOfOperationId: s0.hours("Basic Hours")!.HoursOfOperationId!,
                MaxContacts: 3, Tags: ["owner": "console"]), as: CreateQueueResponse.self)

            let json = try await patchbay(["plan", Paths.quickstart.path, "--format", "json"] + emu.connectionArguments)
            #expect(json.exitCode == 0, "\(json)")
            let doc = try PlanJSON.parse(json.stdout)
            let adopt = try #require(doc.change("queue.Weekend"))
            #expect(adopt.action == "adopt")
            #expect(adopt.id == made.QueueId)
            #expect(Set(adopt.paths) == ["description", "hoursOfOperation", "maxContacts", "quickConnects", #"tags["patchbay:stack"]"#,
                                         #"tags["cost-center"]"#, "tags.team", "tags.owner"], "\(adopt.paths)")
            #expect(doc.changes.filter { $0.action == "adopt" }.count == 1)
            let text = try await patchbay(["plan", Paths.quickstart.path] + emu.connectionArguments)
            #expect(text.stdout.contains("queue.Weekend (adopt"), "\(text)")

            let mark = try emu.requests().count
            let apply = try await patchbay(["apply", Paths.quickstart.path, "--auto-approve"] + emu.connectionArguments)
            #expect(apply.exitCode == 0, "\(apply)")
            let writes = try emu.writes(since: mark)
            #expect(writes.filter { $0 == "CreateQueue" }.count == 2, "Support and Billing only: \(writes)")
            let q = try await c.describe(Queue.self, instanceId: id, id: made.QueueId!)
            #expect(q.Name == "Weekend" && q.MaxContacts == 10 && q.Description == "Weekend overflow")
            #expect(q.Tags == ["patchbay:stack": "acme-quickstart", "cost-center": "42", "team": "support"])
            let plan = try await patchbay(["plan", Paths.quickstart.path, "--detailed-exitcode"] + emu.connectionArguments)
            #expect(plan.exitCode == 0, "\(plan)")
        }
    }

    @Test func missingExternalFailsThePlan() async throws {
        try await withEmulator { emu in
            let dir = try TempDir()
            let manifest = dir.path("patchbay.yaml")
            try """
                stack: ext
                queues:
                  Partner Queue: { external: true }
                routingProfiles:
                  Partners:
                    description: partner line
                    defaultOutboundQueue: Partner Queue
                    concurrency: { voice: 1 }
                    queues: [ { queue: Partner Queue, channels: [voice] } ]

                """.write(toFile: manifest, atomically: true, encoding: .utf8)
            let missing = try await patchbay(["plan", manifest] + emu.connectionArguments)
            #expect(missing.exitCode == 1, "\(missing)")
            #expect(missing.stderr.contains("Partner Queue"), "\(missing)")
            #expect(missing.stderr.contains("patchbay.yaml:3:"), "located at the declaration: \(missing)")

            // Once it exists (managed elsewhere), it is referenced and never changed.
            let s = try await InstanceSnapshot.read(emu.client, instanceId: emu.instanceId)
            _ = try await emu.client.write(.createQueue, ["InstanceId": emu.instanceId], CreateQueueRequest(
                Name: "Partner Queue", HoursOfOperationId: s.hours("Basic Hours")!.HoursOfOperationId!, MaxContacts: 1))
            let mark = try emu.requests().count
            let apply = try await patchbay(["apply", manifest, "--auto-approve"] + emu.connectionArguments)
            #expect(apply.exitCode == 0, "\(apply)")
            #expect(try emu.writes(since: mark) == ["CreateRoutingProfile"])
            let partner = try await InstanceSnapshot.read(emu.client, instanceId: emu.instanceId).queue("Partner Queue")
            #expect(partner?.Tags == nil || partner?.Tags == [:], "an external resource is not tagged")
        }
    }

    /// With the emulator enforcing Connect's default quota (2 requests/s, burst 5, per
    /// operation) and the client at its default rate limit, apply and plan succeed: no
    /// throttling error reaches the user.
    @Test func applyWithinConnectQuotas() async throws {
        let emu = try await TestEmulator(throttle: ThrottleSetting(rate: 2, burst: 5))
        do {
            let args = ["--endpoint-url", emu.url.absoluteString, "--instance-id", emu.instanceId, "--region", "us-east-1"]
            // 12 users and 8 queues: more CreateUser/CreateQueue calls than one burst allows.
            let dir = try TempDir()
            let manifest = dir.path("patchbay.yaml")
            var yaml = "stack: quota\nqueues:\n"
            for q in 1...8 { yaml += "  Q\(q): { hoursOfOperation: Basic Hours, maxContacts: \(q) }\n" }
            yaml += "users:\n"
            for u in 1...12 {
                yaml += "  agent\(u): { firstName: A, lastName: \"N\(u)\", routingProfile: Basic Routing Profile, securityProfiles: [Agent] }\n"
            }
            try yaml.write(toFile: manifest, atomically: true, encoding: .utf8)
            let started = Date()
            let apply = try await patchbay(["apply", manifest, "--auto-approve"] + args, timeout: 120)
            let seconds = Date().timeIntervalSince(started)
            #expect(apply.exitCode == 0, "\(apply)")
            #expect(!apply.stderr.contains("FAILED"), "\(apply)")
            // 12 CreateUser at 2/s after a burst of 5 need at least 3.5 s.
            #expect(seconds >= 3, "apply took \(seconds)s: the quota was not respected?")
            let plan = try await patchbay(["plan", manifest, "--detailed-exitcode"] + args, timeout: 120)
            #expect(plan.exitCode == 0, "\(plan)")
            let throttled = try emu.requests().filter { $0.status == 429 }
            // Client and server buckets start full and refill at the same rate, so an operation may
            // meet a 429 at the edge of its burst (retried, adaptive; one or two on a loaded
            // machine); never a run of them.
            let perOperation = Dictionary(grouping: throttled, by: \.operation).mapValues(\.count)
            #expect(perOperation.values.allSatisfy { $0 <= 3 }, "\(perOperation)")
            #expect(seconds < 60, "apply took \(seconds)s")
            await emu.stop()
        } catch {
            await emu.stop()
            throw error
        }
    }

    /// Issue 14 items 3–4: the emulator takes raised quotas as `patchbay emulator --quota` does,
    /// and a plan that would go past an instance quota says so before the first call.
    @Test func quotaHeadroomIsCheckedBeforeTheFirstCall() async throws {
        var quotas = EmulatorQuotas()
        try quotas.apply(["queues=60"])  // the account's raised quota
        #expect(quotas.queuesPerInstance == 60)
        #expect(throws: EmulatorQuotaError.self) { try quotas.apply(["queue=60"]) }
        let emu = try await TestEmulator(quotas: quotas)
        do {
            let dir = try TempDir()
            let manifest = dir.path("patchbay.yaml")
            // 52 queues plus Connect's BasicQueue: past the default 50, within the account's 60.
            var yaml = "stack: headroom\nqueues:\n"
            for q in 1...52 { yaml += "  Q\(String(format: "%02d", q)): { hoursOfOperation: Basic Hours }\n" }
            try yaml.write(toFile: manifest, atomically: true, encoding: .utf8)
            let mark = try emu.requests().count

            let warned = try await patchbay(["plan", manifest] + emu.connectionArguments)
            #expect(warned.exitCode == 0, "\(warned)")
            #expect(warned.stderr.contains("patchbay.yaml:52:3: warning: the instance has 1 queue; this plan creates 52, 53 in all: more than Connect's default of 50 queues per instance"), "\(warned)")
            #expect(warned.stderr.contains("say so with --quota queues=N, else apply would fail with LimitExceededException after 49 creates"), "\(warned)")

            let refused = try await patchbay(["apply", manifest, "--auto-approve", "--quota", "queues=52"] + emu.connectionArguments)
            #expect(refused.exitCode == 1, "\(refused)")
            #expect(refused.stderr.contains("error: the instance has 1 queue; this plan creates 52, 53 in all: more than the 52 queues per instance given with --quota queues=52"), "\(refused)")
            #expect(try emu.writes(since: mark).isEmpty, "refused before the first call")

            let bad = try await patchbay(["plan", manifest, "--quota", "queue=5"] + emu.connectionArguments)
            #expect(bad.exitCode != 0 && bad.stderr.contains("unknown quota 'queue'"), "\(bad)")

            let applied = try await patchbay(["apply", manifest, "--auto-approve", "--quota", "queues=60"] + emu.connectionArguments, timeout: 120)
            #expect(applied.exitCode == 0 && !applied.stderr.contains("quota"), "\(applied)")
            await emu.stop()
        } catch {
            await emu.stop()
            throw error
        }
    }
}
