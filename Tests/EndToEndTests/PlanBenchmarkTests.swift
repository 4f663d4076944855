import ConnectEmulator
import Foundation
import PatchbayTestSupport
import Testing

/// Issue #5's note: API calls and wall time of `plan` on 1,000 users / 100 queues / 50 routing
/// profiles / 50 flows under the emulator's `--throttle 2:5`, next to what reading with one
/// Describe per resource would need. Minutes long, so opt-in: PATCHBAY_BENCHMARK=1 (scale
/// with PATCHBAY_BENCHMARK_SCALE, default 1.0). Prints its numbers.
@Suite struct PlanBenchmarkTests {
    static let enabled = ProcessInfo.processInfo.environment["PATCHBAY_BENCHMARK"] == "1"
    static let scale = Double(ProcessInfo.processInfo.environment["PATCHBAY_BENCHMARK_SCALE"] ?? "") ?? 1.0

    @Test(.enabled(if: enabled)) func planOnALargeInstanceUnderQuotas() async throws {
        let users = Int(1000 * Self.scale), queues = Int(100 * Self.scale)
        let profiles = max(1, Int(50 * Self.scale)), flows = max(1, Int(50 * Self.scale))
        let dir = try TempDir()
        let manifests = dir.url.appendingPathComponent("m")
        try FileManager.default.createDirectory(at: manifests.appendingPathComponent("flows"), withIntermediateDirectories: true)
        var yaml = "stack: bench\nqueues:\n"
        for q in 1...queues { yaml += "  Queue \(q): { hoursOfOperation: Basic Hours, maxContacts: \(q) }\n" }
        yaml += "routingProfiles:\n"
        for p in 1...profiles {
            yaml += "  Profile \(p):\n    description: p\(p)\n    defaultOutboundQueue: Queue \(p)\n    concurrency: { voice: 1 }\n"
            yaml += "    queues: [ { queue: Queue \(p), channels: [voice] }, { queue: Queue \(queues - p + 1), channels: [voice], priority: 2 } ]\n"
        }
        yaml += "flows:\n"
        for f in 1...flows {
            let content = #"{"Version":"2019-10-30","StartAction":"q","Metadata":{},"Actions":[{"Identifier":"q","Type":"UpdateContactTargetQueue","Parameters":{"QueueId":"${queue:Queue \#(f)}"},"Transitions":{"NextAction":"e","Errors":[{"NextAction":"e","ErrorType":"NoMatchingError"}]}},{"Identifier":"e","Type":"DisconnectParticipant","Parameters":{},"Transitions":{}}]}"#
            try content.write(to: manifests.appendingPathComponent("flows/f\(f).json"), atomically: true, encoding: .utf8)
            yaml += "  Flow \(f): { type: CONTACT_FLOW, content: flows/f\(f).json }\n"
        }
        yaml += "users:\n"
        for u in 1...users {
            yaml += "  user\(u): { firstName: U, lastName: \"N\(u)\", email: u\(u)@example.com, routingProfile: Profile \(u % profiles + 1), securityProfiles: [Agent] }\n"
        }
        try yaml.write(to: manifests.appendingPathComponent("patchbay.yaml"), atomically: true, encoding: .utf8)

        var quotas = EmulatorQuotas()
        quotas.usersPerInstance = 10_000
        quotas.queuesPerInstance = 1_000
        quotas.contactFlowsPerInstance = 1_000
        let state = dir.path("emulator.json")
        // Build the instance without throttling.
        let builder = try await TestEmulator(stateFile: state, quotas: quotas)
        let built = try await patchbay(["apply", manifests.path, "--auto-approve"] + builder.connectionArguments, timeout: 900)
        await builder.stop()
        try #require(built.exitCode == 0, "\(built)")

        // Plan under Connect's default quotas, with the client at its default rate limit.
        let emu = try await TestEmulator(seed: nil, throttle: ThrottleSetting(rate: 2, burst: 5), stateFile: state, quotas: quotas)
        let args = ["--endpoint-url", emu.url.absoluteString, "--instance-id", emu.instanceId, "--region", "us-east-1"]
        let started = Date()
        let plan = try await patchbay(["plan", manifests.path, "--detailed-exitcode"] + args, timeout: 1800)
        let seconds = Date().timeIntervalSince(started)
        let log = try emu.requests()
        await emu.stop()
        #expect(plan.exitCode == 0, "\(plan)")
        let ok = log.filter { $0.status == 200 }
        let perOperation = Dictionary(grouping: ok, by: \.operation).mapValues(\.count)
        // One Describe per resource (plus the List pages to find them, 100 a page, and the
        // per-profile queue lists and per-profile permissions Describe does not return).
        let listPages = [users, queues + 1, profiles + 1, flows + 8].map { ($0 + 99) / 100 }.reduce(0, +)
        let describeEach = listPages + users + queues + profiles + flows + profiles
        // Quota-bound time: per operation, (calls - burst) / rate, the operations side by side.
        func bound(_ calls: [String: Int]) -> Double { calls.values.map { max(0, Double($0 - 5)) / 2 }.max() ?? 0 }
        let describeBound = bound(["DescribeUser": users, "DescribeQueue": queues, "DescribeRoutingProfile": profiles,
                                   "DescribeContactFlow": flows, "ListRoutingProfileQueues": profiles])
        print("""
            BENCHMARK plan: \(users) users / \(queues) queues / \(profiles) routing profiles / \(flows) flows, throttle 2:5
              patchbay plan: \(ok.count) calls (\(log.count - ok.count) throttled/failed), \(String(format: "%.1f", seconds)) s wall; quota bound \(String(format: "%.1f", bound(perOperation))) s
              by operation: \(perOperation.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", "))
              one Describe per resource: ≈\(describeEach) calls; quota bound ≈\(String(format: "%.1f", describeBound)) s
            """)
    }
}
