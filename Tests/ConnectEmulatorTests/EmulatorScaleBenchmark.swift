import Foundation
import Testing
@testable import ConnectEmulator

/// Opt-in (issue 17): the emulator at real size. Run with
///   PATCHBAY_EMULATOR_BENCH=1 [PATCHBAY_EMULATOR_BENCH_USERS=20000] \
///     swift test --skip-build --filter EmulatorScaleBenchmark
/// It seeds the instance through the operations (CreateUser), then measures
/// SearchRoutingProfiles pages and user writes, in-process (the emulator's own cost) and
/// over signed loopback HTTP with the state persisted to a file. Numbers are printed; the
/// checks are the targets.
@Suite("Emulator scale benchmark (opt-in)")
struct EmulatorScaleBenchmark {
    static let env = ProcessInfo.processInfo.environment

    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let t = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - t) / 1e9
    }

    static func call(_ s: ConnectService, _ op: String, params: [String: String] = [:], _ body: [String: JSONValue]) throws -> JSONValue? {
        try s.perform(ServiceCall(operation: op, params: params, query: [:], body: body)).0
    }

    @Test("20,000 users: SearchRoutingProfiles < 50 ms a page, >= 500 writes/s",
          .enabled(if: env["PATCHBAY_EMULATOR_BENCH"] != nil))
    func scale() async throws {
        let users = Int(Self.env["PATCHBAY_EMULATOR_BENCH_USERS"] ?? "") ?? 20_000
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("emu-bench-\(getpid()).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var config = EmulatorConfiguration()
        config.quotas.usersPerInstance = users + 10
        config.quotas.routingProfilesPerInstance = 1000
        config.randomSeed = 5
        let s = ConnectService(configuration: config, state: nil, random: EmulatorRandom(seed: 5))
        let iid = s.instanceId
        let snap = s.snapshot()
        let queue = try #require(snap.all(.queue).first { $0.name == "BasicQueue" }?.id)
        let sp = try #require(snap.all(.securityProfile).first?.id)
        var profiles = [try #require(snap.all(.routingProfile).first?.id)]
        for i in 0..<99 {
            let r = try Self.call(s, "CreateRoutingProfile", ["InstanceId": .string(iid), "Name": .string("Profile \(i)"), "Description": "d",
                                                             "DefaultOutboundQueueId": .string(queue),
                                                             "MediaConcurrencies": [["Channel": "VOICE", "Concurrency": 1]]])
            profiles.append(try #require(r?["RoutingProfileId"]?.stringValue))
        }
        var ids: [String] = []
        let seeding = try Self.seconds {
            for i in 0..<users {
                let r = try Self.call(s, "CreateUser", ["InstanceId": .string(iid), "Username": .string("agent\(i)"),
                                                       "SecurityProfileIds": [.string(sp)], "RoutingProfileId": .string(profiles[i % profiles.count])])
                ids.append(r?["UserId"]?.stringValue ?? "")
            }
        }
        var pages: [Double] = []
        for _ in 0..<5 {
            var token: JSONValue = .null
            repeat {
                var body: [String: JSONValue] = ["InstanceId": .string(iid), "MaxResults": 100]
                if !token.isNull { body["NextToken"] = token }
                var r: JSONValue?
                pages.append(try Self.seconds { r = try Self.call(s, "SearchRoutingProfiles", body) })
                #expect(r?["ApproximateTotalCount"]?.intValue == profiles.count)
                token = r?["NextToken"] ?? .null
            } while !token.isNull
        }
        let writes = 5000
        let writing = try Self.seconds {
            for k in 0..<writes {
                _ = try Self.call(s, "UpdateUserRoutingProfile", params: ["InstanceId": iid, "UserId": ids[(k * 7919) % ids.count]],
                                  ["RoutingProfileId": .string(profiles[k % profiles.count])])
            }
        }
        pages.sort()
        let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.map(String.init) ?? "?"
        print(String(format: "emulator bench, %d users, load %@: seeding %.1f s (%.0f CreateUser/s); in-process SearchRoutingProfiles median %.2f ms, max %.2f ms a page of 100; %.0f writes/s",
                     users, load, seeding, Double(users) / seeding, pages[pages.count / 2] * 1000, (pages.last ?? 0) * 1000, Double(writes) / writing))

        // Over signed HTTP, persisted: the seeded instance from a state file.
        try StateFile.save(s.snapshot(), path: path)
        var served = EmulatorConfiguration()
        served.stateFile = path
        served.quotas = config.quotas
        let server = EmulatorServer(configuration: served)
        let url = try await server.start()
        let client = EmulatorTestClient(base: url)
        var httpPages: [Double] = []
        for _ in 0..<5 {
            let t = DispatchTime.now().uptimeNanoseconds
            let r = try await client.call("POST", "/search-routing-profiles", body: ["InstanceId": .string(iid), "MaxResults": 100])
            httpPages.append(Double(DispatchTime.now().uptimeNanoseconds - t) / 1e9)
            #expect(r.status == 200)
        }
        let perTask = 250, tasks = 8
        let userIds = ids, rps = profiles
        let t0 = DispatchTime.now().uptimeNanoseconds
        let ok = try await withThrowingTaskGroup(of: Int.self) { group in
            for task in 0..<tasks {
                group.addTask {
                    var n = 0
                    for k in 0..<perTask {
                        let uid = userIds[(task * 104_729 + k * 7919) % userIds.count]
                        let r = try await client.call("POST", "/users/\(iid)/\(uid)/routing-profile",
                                                      body: ["RoutingProfileId": .string(rps[k % rps.count])])
                        if r.status == 200 { n += 1 }
                    }
                    return n
                }
            }
            return try await group.reduce(0, +)
        }
        let httpSeconds = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        try await server.shutdown()
        httpPages.sort()
        print(String(format: "emulator bench over HTTP (--state): SearchRoutingProfiles median %.1f ms a page; %d writes by %d clients: %.0f writes/s",
                     httpPages[httpPages.count / 2] * 1000, ok, tasks, Double(ok) / httpSeconds))
        #expect(ok == perTask * tasks)
        #expect(pages[pages.count / 2] < 0.050)
        #expect(Double(writes) / writing >= 500)
    }
}
