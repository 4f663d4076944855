// patchbay-bench: the performance measurements of design.md §8 (not timed unit tests).
//
//   swift run -c release patchbay-bench planner            # CPU of diff + plan, 10,000 resources
//   swift run -c release patchbay-bench read [--baseline] [--users N] [--speed S]
//                                                          # calls and wall time of reading an
//                                                          # instance (1,000 users, 100 queues, 50
//                                                          # routing profiles, 50 flows) under
//                                                          # Connect's per-operation quotas × S
//                                                          # (emulator --throttle connect*S, client
//                                                          # --rate-limit connect*S; S = 1 default),
//                                                          # then with one e-mail, one queue priority
//                                                          # and one permission changed behind its back
//   swift run -c release patchbay-bench apply              # apply of 375 creates under --throttle 2:5
//   swift run -c release patchbay-bench flows              # canonical form and plan CPU, 100 flows of ~98 KB
//   swift run -c release patchbay-bench emulator-scale [--users 1000,5000,20000] [--writes 2000] [--clients 8] [--memory]
//                                                          # the emulator at 1k/5k/20k users over signed HTTP
//                                                          # (EmulatorScale.swift)
import AWSClient
import ConnectAPI
import ConnectHTTP
import ConnectEmulator
import Foundation
import Model
import Reconciler
import SigV4
#if canImport(Glibc)
import Glibc
#endif

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "planner":
    plannerBenchmark()
case "read":
    func value(_ flag: String) -> Double? { arguments.firstIndex(of: flag).flatMap { Double(arguments[$0 + 1]) } }
    try await readBenchmark(baseline: arguments.contains("--baseline"), export: arguments.contains("--export"),
                            users: Int(value("--users") ?? 1000), speed: value("--speed") ?? 1)
case "apply":
    try await applyBenchmark()
case "flows":
    flowBenchmark()
case "emulator-scale":
    try await emulatorScaleBenchmark(Array(arguments.dropFirst()))
default:
    print("usage: patchbay-bench planner | read [--users N] [--speed X] [--baseline] [--export] | apply | flows | emulator-scale [--users N,N,…] [--writes N] [--clients N] [--memory]")
    exit(2)
}

func cpuSeconds() -> Double { Double(clock()) / Double(CLOCKS_PER_SEC) }

// MARK: planner CPU

func plannerBenchmark() {
    let center = SyntheticCenter(hours: 100, queues: 1000, routingProfiles: 500, queuesPerProfile: 10, flows: 300,
                                 securityProfiles: 100, users: 8000)
    let desired = center.desired()
    let instance = Plan.Instance(id: "bench", region: "us-east-1")
    let live = convergedLiveState(desired)
    print("resources: \(center.resourceCount)")
    for (label, state) in [("no changes", live), ("all creates", LiveState())] {
        var best = Double.infinity
        var changes = 0
        for _ in 0..<3 {
            let start = cpuSeconds()
            let result = Planner.plan(desired: desired, live: state, instance: instance)
            best = min(best, cpuSeconds() - start)
            changes = result.plan.changes.count
        }
        print(String(format: "plan (%@): %d changes, %.3f s CPU (best of 3)", label, changes, best))
    }
}

/// The live state an instance has once `desired` is applied.
func convergedLiveState(_ desired: DesiredState) -> LiveState {
    var resources: [LiveResource] = []
    for (n, resource) in Projection.declaredFields(desired, flowContent: { FlowContentCanonicalizer.canonicalForm($0.text) }).enumerated() {
        var fields = resource.fields
        var tags: [String: String] = [:]
        if case let .object(t)? = fields["tags"] { tags = t.compactMapValues { if case let .string(s) = $0 { s } else { nil } } }
        fields["password"] = nil
        resources.append(LiveResource(address: resource.address, id: "id-\(n)", arn: "arn:\(n)", tags: tags, fields: fields))
    }
    return LiveState(resources: resources)
}

// MARK: reading an instance

func readBenchmark(baseline: Bool, export: Bool, users: Int, speed: Double) async throws {
    var center = SyntheticCenter()
    center.users = users
    let desired = center.desired()
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("patchbay-bench-\(getpid())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let stateFile = directory.appendingPathComponent("state.json").path
    var quotas = EmulatorQuotas()
    quotas.usersPerInstance = 100_000
    quotas.queuesPerInstance = 10_000
    quotas.routingProfilesPerInstance = 10_000
    quotas.contactFlowsPerInstance = 10_000

    // Seed the instance without throttling.
    print("seeding \(center.resourceCount) resources …")
    var seedStart = Date()
    let seeder = EmulatorServer(configuration: EmulatorConfiguration(stateFile: stateFile, instanceId: "bench-instance", quotas: quotas, randomSeed: 7))
    let seedURL = try await seeder.start()
    let (seedClient, seedTransport) = try client(url: seedURL, rateLimit: nil)
    let empty = try await LiveStateReader(reader: seedClient, instanceId: seeder.instanceId).read(needed: [])
    let creation = Planner.plan(desired: desired, live: empty, instance: Plan.Instance(id: seeder.instanceId, region: "us-east-1"))
    let report = await Applier(client: seedClient, instanceId: seeder.instanceId, maxConcurrency: 16)
        .apply(creation, live: empty, desired: desired)
    guard report.succeeded else {
        print("seeding failed: \(report.failed.first.map { "\($0.change.address): \($0.outcome)" } ?? "?")")
        exit(1)
    }
    try await seedTransport.shutdown()
    try await seeder.shutdown()
    print(String(format: "seeded in %.1f s", Date().timeIntervalSince(seedStart)))
    seedStart = Date()

    // Read it back under Connect's per-operation quotas (× speed), emulator and client alike.
    let (throttle, overrides) = ThrottleSetting.connect(scale: speed)
    var readConfig = EmulatorConfiguration(stateFile: stateFile, throttle: throttle, quotas: quotas)
    readConfig.throttleOverrides = overrides
    let server = EmulatorServer(configuration: readConfig)
    let url = try await server.start()
    let (reader, transport) = try client(url: url, rateLimit: RateLimit.connectDefault, speed: speed)
    func measure(_ label: String, _ mode: RefreshMode) async throws {
        let before = transport.statistics.snapshot()
        let start = Date()
        let live = try await LiveStateReader(reader: reader, instanceId: server.instanceId)
            .read(for: desired, refresh: mode)
        let seconds = Date().timeIntervalSince(start)
        let result = Planner.plan(desired: desired, live: live, instance: Plan.Instance(id: server.instanceId, region: "us-east-1"))
        let after = transport.statistics.snapshot()
        let byOperation = callDelta(before, after)
        let bound = quotaLowerBound(byOperation, speed: speed)
        print("plan read, \(label) (--refresh \(mode.rawValue)): " + String(format: "%d calls, %.2f s wall, quota bound %.2f s (%.2fx); %d throttled",
                     live.readCalls, seconds, bound, bound > 0 ? seconds / bound : 0,
                     after.values.map(\.throttled).reduce(0, +) - before.values.map(\.throttled).reduce(0, +)))
        print("  changes: " + result.plan.changes.map { "\($0.address) [\($0.fields.map(\.path).joined(separator: ", "))]" }.joined(separator: "; "))
        print("  calls: " + byOperation.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
    }
    try await measure("no change", .verified)
    try await measure("no change", .full)
    try await driftThree(reader, instanceId: server.instanceId, center: center)
    try await measure("3 edits behind its back", .verified)
    if export { try await exportBenchmark(reader, transport, instanceId: server.instanceId, speed: speed) }
    if baseline {
        let before = transport.statistics.snapshot()
        let start = Date()
        try await describeEverything(reader, instanceId: server.instanceId)
        let seconds = Date().timeIntervalSince(start)
        let byOperation = callDelta(before, transport.statistics.snapshot())
        print(String(format: "one Describe per resource: %d calls, %.1f s wall; quota lower bound %.1f s",
                     byOperation.values.reduce(0, +), seconds, quotaLowerBound(byOperation, speed: speed)))
        print("  calls: " + byOperation.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
    }
    try await transport.shutdown()
    try await server.shutdown()
}

/// `patchbay export`'s work on the seeded instance: the everything read (Search first, then every
/// resource in full) and the manifests it becomes (issue 12: within 1.2× the quota bound of its calls).
func exportBenchmark(_ reader: ConnectClient, _ transport: AWSHTTPTransport, instanceId: String, speed: Double) async throws {
    let before = transport.statistics.snapshot()
    let start = Date()
    let live = try await LiveStateReader(reader: reader, instanceId: instanceId).readEverything()
    let read = Date().timeIntervalSince(start)
    let cpu = cpuSeconds()
    let export = LiveExport.make(live, stack: "bench")
    let made = cpuSeconds() - cpu
    let byOperation = callDelta(before, transport.statistics.snapshot())
    let bound = quotaLowerBound(byOperation, speed: speed)
    print("export: " + String(format: "%d calls, %.2f s wall, quota bound %.2f s (%.2fx); %d manifest files, %d content files, %.2f s CPU to make them",
                              live.readCalls, read, bound, bound > 0 ? read / bound : 0, export.manifests.count, export.files.count, made))
    print("  calls: " + byOperation.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
}

/// A client of the emulator at `url`; with `speed`, its limiter has Connect's per-operation table × speed.
func client(url: URL, rateLimit: RateLimit?, speed: Double? = nil) throws -> (ConnectClient, AWSHTTPTransport) {
    var configuration = try AWSClientConfiguration(
        region: "us-east-1", endpoint: try AWSEndpoint(url.absoluteString),
        credentialProvider: StaticCredentialProvider(SigV4Credentials(accessKeyId: "test", secretAccessKey: "test", sessionToken: nil)))
    if let rateLimit { configuration.rateLimits.defaultLimit = rateLimit } else { configuration.rateLimits.enabled = false }
    if let speed {
        let d = ConnectRateQuotas.defaultLimit
        configuration.rateLimits.defaultLimit = RateLimit(rate: d.rate * speed, burst: d.burst * speed)
        configuration.rateLimits.perOperation = ConnectRateQuotas.overrides.mapValues { RateLimit(rate: $0.rate * speed, burst: $0.burst * speed) }
    }
    let transport = AWSHTTPTransport(configuration: configuration)
    return (ConnectClient(transport: transport), transport)
}

func callDelta(_ before: [String: CallStatistics.Counts], _ after: [String: CallStatistics.Counts]) -> [String: Int] {
    var out: [String: Int] = [:]
    for (op, counts) in after {
        let n = counts.calls - (before[op]?.calls ?? 0)
        if n > 0 { out[op] = n }
    }
    return out
}

/// The least time Connect's per-operation quotas (`ConnectRateQuotas`, × `speed`; operations in
/// parallel) allow for these calls; without `speed`, the flat 2/s burst 5 the apply bench uses.
func quotaLowerBound(_ calls: [String: Int], speed: Double? = nil) -> Double {
    calls.map { op, n in
        let l = speed == nil ? ConnectRateQuotas.defaultLimit : ConnectRateQuotas.limit(op)
        let scale = speed ?? 1
        return max(0, Double(n) - l.burst * scale) / (l.rate * scale)
    }.max() ?? 0
}

/// What someone does in the console meanwhile: one user's e-mail, one routing profile's queue
/// priority, one security profile's permissions (changes Search does not show).
func driftThree(_ c: ConnectClient, instanceId id: String, center: SyntheticCenter) async throws {
    try await Task.sleep(nanoseconds: 1_200_000_000)  // past the stamps' margin (the seed just wrote them)
    let users = try await c.pages(SearchRequest<UserSearchSummary>(instanceId: id)).collect()
    if let user = users.first(where: { $0.Username == "agent00007" })?.Id {
        try await c.write(.updateUserIdentityInfo, ["InstanceId": id, "UserId": user],
                          ["IdentityInfo": UserIdentityInfo(FirstName: "Agent", LastName: "7", Email: "console-edit@example.com")])
    }
    let profiles = try await c.pages(SearchRequest<ConnectAPI.RoutingProfile>(instanceId: id)).collect()
    if let profile = profiles.first(where: { $0.Name == "Profile 003" }), let rp = profile.RoutingProfileId,
       let queue = profile.AssociatedQueueIds?.first {
        let configs = try await c.pages(ListRequest<Listings.RoutingProfileQueues>(instanceId: id, parentId: rp)).collect()
        if let config = configs.first(where: { $0.QueueId == queue }) {
            try await c.write(.updateRoutingProfileQueues, ["InstanceId": id, "RoutingProfileId": rp], ["QueueConfigs": [
                RoutingProfileQueueConfig(QueueReference: RoutingProfileQueueReference(QueueId: queue, Channel: config.Channel),
                                          Priority: config.Priority + 1, Delay: config.Delay),
            ]])
        }
    }
    let sps = try await c.pages(SearchRequest<SecurityProfileSearchSummary>(instanceId: id)).collect()
    if let sp = sps.first(where: { $0.SecurityProfileName == "Role 00" })?.Id {
        try await c.write(.updateSecurityProfile, ["InstanceId": id, "SecurityProfileId": sp], ["Permissions": ["BasicAgentAccess"]])
    }
}

/// What a reader without Search does: List every kind, then Describe (and List the
/// sub-resources of) every resource. Operations run side by side, as generous as it gets.
func describeEverything(_ r: ConnectClient, instanceId iid: String) async throws {
    @Sendable func list<L: ConnectListing>(_ listing: L.Type, _ filter: L.Filter? = nil) async throws -> [L.Item] {
        try await r.pages(ListRequest<L>(instanceId: iid, filter: filter)).collect()
    }
    @Sendable func describe<R: ConnectDescribable>(_ type: R.Type, _ id: String?) async throws {
        if let id { _ = try await r.describe(type, instanceId: iid, id: id) }
    }
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask {
            for h in try await list(Listings.HoursOfOperations.self) { try await describe(ConnectAPI.HoursOfOperation.self, h.Id) }
        }
        group.addTask {
            for q in try await list(Listings.Queues.self, [.STANDARD]) { try await describe(ConnectAPI.Queue.self, q.Id) }
        }
        group.addTask {
            for p in try await list(Listings.RoutingProfiles.self) {
                guard let id = p.Id else { continue }
                try await describe(ConnectAPI.RoutingProfile.self, id)
                _ = try await r.pages(ListRequest<Listings.RoutingProfileQueues>(instanceId: iid, parentId: id)).collect()
            }
        }
        group.addTask {
            for f in try await list(Listings.ContactFlows.self) { try await describe(ContactFlow.self, f.Id) }
        }
        group.addTask {
            for s in try await list(Listings.SecurityProfiles.self) {
                guard let id = s.Id else { continue }
                try await describe(ConnectAPI.SecurityProfile.self, id)
                _ = try await r.pages(ListRequest<Listings.SecurityProfilePermissions>(instanceId: iid, parentId: id)).collect()
            }
        }
        group.addTask {
            let users = try await list(Listings.Users.self)
            try await withThrowingTaskGroup(of: Void.self) { inner in
                for u in users { inner.addTask { try await describe(ConnectAPI.User.self, u.Id) } }
                try await inner.waitForAll()
            }
        }
        try await group.waitForAll()
    }
}

// MARK: applying many changes

func applyBenchmark() async throws {
    let center = SyntheticCenter(hours: 5, queues: 50, routingProfiles: 20, queuesPerProfile: 5, flows: 20,
                                 securityProfiles: 5, users: 200)
    let desired = center.desired()
    var quotas = EmulatorQuotas()
    quotas.queuesPerInstance = 1000
    let server = EmulatorServer(configuration: EmulatorConfiguration(throttle: ThrottleSetting(rate: 2, burst: 5), quotas: quotas, randomSeed: 3))
    let url = try await server.start()
    let (client, transport) = try client(url: url, rateLimit: RateLimit.connectDefault)
    let empty = try await LiveStateReader(reader: client, instanceId: server.instanceId).read(for: desired)
    let planning = Planner.plan(desired: desired, live: empty, instance: Plan.Instance(id: server.instanceId, region: "us-east-1"))
    let before = transport.statistics.snapshot()
    let start = Date()
    let report = await Applier(client: client, instanceId: server.instanceId).apply(planning, live: empty, desired: desired)
    let seconds = Date().timeIntervalSince(start)
    let after = transport.statistics.snapshot()
    let calls = callDelta(before, after)
    let throttled = after.values.map(\.throttled).reduce(0, +) - before.values.map(\.throttled).reduce(0, +)
    print(String(format: "apply: %d changes (%@), %d calls, %.1f s wall; per-operation quota lower bound %.1f s (%.2fx); %d throttled responses retried",
                 planning.plan.changes.count, report.succeeded ? "all done" : "FAILED", calls.values.reduce(0, +), seconds,
                 quotaLowerBound(calls), seconds / max(quotaLowerBound(calls), 0.001), throttled))
    print("  calls: " + calls.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
    for entry in report.failed { print("  failed: \(entry.change.address): \(entry.outcome)") }
    try await transport.shutdown()
    try await server.shutdown()
}
