// `patchbay-bench emulator-scale [--users 1000,5000,20000] [--writes 2000] [--clients 8] [--memory]`
//
// The emulator at real size (issue 17), over loopback HTTP with real SigV4 (the same client
// Patchbay uses) and, unless --memory, the state persisted to a file (`--state`). One instance
// grows through the sizes: it is seeded with CreateUser up to each size (users spread over 100
// routing profiles), then at each size it times SearchRoutingProfiles (every page, MaxResults
// 100, 5 rounds), one ListUsers and one SearchUsers page, and a burst of CreateUser writes from
// `--clients` concurrent clients (those users stay, so the next size starts from there).
import AWSClient
import ConnectAPI
import ConnectEmulator
import ConnectHTTP
import Foundation

func emulatorScaleBenchmark(_ arguments: [String]) async throws {
    func value(_ flag: String) -> String? { arguments.firstIndex(of: flag).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil } }
    let sizes = (value("--users") ?? "1000,5000,20000").split(separator: ",").compactMap { Int($0) }
    let writes = Int(value("--writes") ?? "") ?? 2000
    let clients = Int(value("--clients") ?? "") ?? 8
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("patchbay-bench-scale-\(getpid())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    var configuration = EmulatorConfiguration(instanceId: "bench-instance", randomSeed: 7)
    if !arguments.contains("--memory") { configuration.stateFile = directory.appendingPathComponent("state.json").path }
    configuration.quotas.usersPerInstance = (sizes.max() ?? 0) + writes * sizes.count + 10
    configuration.quotas.routingProfilesPerInstance = 1000
    let server = EmulatorServer(configuration: configuration)
    let url = try await server.start()
    let (connect, transport) = try client(url: url, rateLimit: nil)
    let bench = ScaleBench(connect: connect, instanceId: server.instanceId)
    try await bench.prepare()
    print("emulator-scale: \(configuration.stateFile == nil ? "in memory" : "--state FILE"), \(clients) clients, load \(loadAverage())")
    for size in sizes {
        let seeding = try await bench.seed(upTo: size, clients: clients)
        let pages = try await bench.searchRoutingProfilePages(rounds: 5)
        let listPage = try await bench.medianTime(5) { _ = try await bench.call(.listUsers, ["InstanceId": bench.instanceId, "MaxResults": 100]) }
        let searchPage = try await bench.medianTime(5) { _ = try await bench.call(.searchUsers, ["InstanceId": bench.instanceId, "MaxResults": 100]) }
        let burst = try await bench.createUsers(writes, clients: clients)
        print(String(format: "%6d users: seeding %5.0f CreateUser/s | SearchRoutingProfiles %d pages of ≤100: median %.1f ms, max %.1f ms | first page (median of 5) ListUsers %.1f ms, SearchUsers %.1f ms | %d CreateUser burst: %.0f writes/s (load %@)",
                     size, seeding, pages.count, median(pages) * 1000, (pages.max() ?? 0) * 1000, listPage * 1000, searchPage * 1000,
                     writes, Double(writes) / burst, loadAverage()))
    }
    try await transport.shutdown()
    try await server.shutdown()
}

func median(_ xs: [Double]) -> Double { xs.isEmpty ? 0 : xs.sorted()[xs.count / 2] }

func loadAverage() -> String {
    (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.map(String.init) ?? "?"
}

/// The instance under test and the calls the benchmark makes (raw JSON through `ConnectClient.perform`).
final class ScaleBench: @unchecked Sendable {
    let connect: ConnectClient
    let instanceId: String
    private(set) var profiles: [String] = []
    private(set) var securityProfile = ""
    private(set) var users = 0

    init(connect: ConnectClient, instanceId: String) {
        self.connect = connect
        self.instanceId = instanceId
    }

    func call(_ operation: ConnectOperation, _ input: [String: Any]) async throws -> [String: Any] {
        let data = try JSONSerialization.data(withJSONObject: input)
        let out = try await connect.perform(operation, input: data)
        return out.isEmpty ? [:] : (try JSONSerialization.jsonObject(with: out) as? [String: Any] ?? [:])
    }

    func timed(_ body: () async throws -> Void) async rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try await body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// The median wall time of `n` runs of `body`.
    func medianTime(_ n: Int, _ body: () async throws -> Void) async rethrows -> Double {
        var times: [Double] = []
        for _ in 0..<n { times.append(try await timed(body)) }
        return median(times)
    }

    /// 100 routing profiles (the default one and 99 more) and the security profile users get.
    func prepare() async throws {
        let iid = instanceId
        let queues = try await call(.listQueues, ["InstanceId": iid, "QueueTypes": ["STANDARD"]])["QueueSummaryList"] as? [[String: Any]] ?? []
        guard let queue = queues.first(where: { $0["Name"] as? String == "BasicQueue" })?["Id"] as? String ?? queues.first?["Id"] as? String else {
            throw AWSTransportError(.invalidResponse, "no standard queue in the emulator")
        }
        let sps = try await call(.listSecurityProfiles, ["InstanceId": iid])["SecurityProfileSummaryList"] as? [[String: Any]] ?? []
        securityProfile = sps.first?["Id"] as? String ?? ""
        let rps = try await call(.listRoutingProfiles, ["InstanceId": iid])["RoutingProfileSummaryList"] as? [[String: Any]] ?? []
        profiles = rps.compactMap { $0["Id"] as? String }
        for i in profiles.count..<100 {
            let r = try await call(.createRoutingProfile, ["InstanceId": iid, "Name": "Profile \(i)", "Description": "bench",
                                                           "DefaultOutboundQueueId": queue,
                                                           "MediaConcurrencies": [["Channel": "VOICE", "Concurrency": 1]]])
            if let id = r["RoutingProfileId"] as? String { profiles.append(id) }
        }
    }

    /// Creates `count` users from `clients` concurrent clients; returns the wall time.
    func createUsers(_ count: Int, clients: Int) async throws -> Double {
        let first = users
        users += count
        let iid = instanceId, sp = securityProfile, rps = profiles
        return try await timed {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for c in 0..<clients {
                    group.addTask {
                        for i in stride(from: first + c, to: first + count, by: clients) {
                            _ = try await self.call(.createUser, [
                                "InstanceId": iid, "Username": "agent\(i)", "SecurityProfileIds": [sp],
                                "RoutingProfileId": rps[i % rps.count], "PhoneConfig": ["PhoneType": "SOFT_PHONE"],
                                "IdentityInfo": ["FirstName": "Agent", "LastName": "\(i)"]])
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
    }

    /// Seeds up to `size` users; returns CreateUser/s (0 when already there).
    func seed(upTo size: Int, clients: Int) async throws -> Double {
        let missing = size - users
        guard missing > 0 else { return 0 }
        return Double(missing) / (try await createUsers(missing, clients: clients))
    }

    /// Every page of SearchRoutingProfiles (MaxResults 100), `rounds` times; each page's wall time.
    func searchRoutingProfilePages(rounds: Int) async throws -> [Double] {
        var times: [Double] = []
        for _ in 0..<rounds {
            var token: String?
            repeat {
                var input: [String: Any] = ["InstanceId": instanceId, "MaxResults": 100]
                if let token { input["NextToken"] = token }
                var page: [String: Any] = [:]
                times.append(try await timed { page = try await call(.searchRoutingProfiles, input) })
                token = page["NextToken"] as? String
            } while token != nil
        }
        return times
    }
}
