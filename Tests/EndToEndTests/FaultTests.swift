import ConnectAPI
import ConnectEmulator
import ConnectHTTP
import Foundation
import PatchbayTestSupport
import Testing

/// Issue #5, "must show" 4: with 20% of requests failing (500, 429, dropped connections before
/// or after the emulator acted), apply converges or reports exactly what is left; the next
/// apply converges; nothing is ever duplicated.
@Suite struct FaultTests {
    /// Declared resources of the quickstart, as `InstanceSnapshot.nameCounts` keys.
    static let quickstartNames: Set<String> = [
        "hours.Business Hours", "hours.Weekend Hours", "queue.Support", "queue.Billing", "queue.Weekend",
        "routingProfile.Tier 1", "routingProfile.Billing Specialists", "flow.Main IVR", "securityProfile.Supervisor",
        "user.jdoe", "user.asmith", "user.bnguyen", "user.cjones", "user.admin.ops",
        "group.Americas@Americas", "group.Europe@Europe", "group.New York@Americas", "group.Austin@Americas",
        "group.London@Europe",
    ]

    struct RunSummary { var dropAfterCreate = 0; var duplicateAnswers = 0 }

    /// One seed: apply under faults, check the outcome is honest, apply again until it
    /// converges (at most 3 more runs), and check nothing was duplicated at any point.
    func run(seed: UInt64) async throws -> RunSummary {
        let dir = try TempDir()
        let state = dir.path("emulator.json")
        var summary = RunSummary()
        let emu = try await TestEmulator(faultRate: 0.2, seed: seed, stateFile: state)
        do {
            let first = try await patchbay(["apply", Paths.quickstart.path, "--auto-approve"] + emu.connectionArguments,
                                           timeout: 120)
            #expect([0, 1].contains(first.exitCode), "seed \(seed): \(first)")
            // A create retried after its response was lost meets DuplicateResourceException; the
            // applier resolves it by re-reading, so it never reaches the report.
            #expect(!first.stderr.contains("DuplicateResource"), "seed \(seed): \(first)")
            if first.exitCode == 1 {
                // The report names what failed or was skipped, with Connect's error; or the read
                // failed (three injected faults in a row on one call) and nothing was applied.
                #expect(first.stderr.contains("Apply stopped with errors")
                        || (first.stderr.hasPrefix("error: ") && first.stderr.contains(" failed: ") && !first.stdout.contains("Apply")),
                        "seed \(seed): \(first)")
                #expect(first.stderr.contains("  failed:") || first.stderr.contains("  skipped:")
                        || first.stderr.contains("  partly done:") || first.stderr.contains("error: "), "seed \(seed): \(first)")
            } else {
                #expect(first.stderr.contains("Apply complete!"), "seed \(seed): \(first)")
            }
            try checkNoDuplicates(try await InstanceSnapshot.read(emu.client, instanceId: emu.instanceId), seed: seed)

            // Apply again, faults still on.
            let second = try await patchbay(["apply", Paths.quickstart.path, "--auto-approve"] + emu.connectionArguments,
                                            timeout: 120)
            #expect([0, 1].contains(second.exitCode), "seed \(seed): \(second)")
            #expect(!second.stderr.contains("DuplicateResource"), "seed \(seed): \(second)")
            try checkNoDuplicates(try await InstanceSnapshot.read(emu.client, instanceId: emu.instanceId), seed: seed)
            let log = try emu.requests()
            summary.dropAfterCreate = log.filter { $0.fault == "drop-after" && $0.operation.hasPrefix("Create") }.count
            summary.duplicateAnswers = log.filter { $0.operation.hasPrefix("Create") && $0.status == 409 }.count
            await emu.stop()
        } catch {
            await emu.stop()
            throw error
        }

        // Then without faults, from the same state: converges and shows no changes.
        let calm = try await TestEmulator(faultRate: 0, seed: nil, stateFile: state)  // unseeded: see EmulatorIdTests
        do {
            let third = try await patchbay(["apply", Paths.quickstart.path, "--auto-approve"] + calm.connectionArguments)
            #expect(third.exitCode == 0, "seed \(seed): \(third)")
            let plan = try await patchbay(["plan", Paths.quickstart.path, "--detailed-exitcode"] + calm.connectionArguments)
            #expect(plan.exitCode == 0, "seed \(seed): \(plan)")
            let s = try await InstanceSnapshot.read(calm.client, instanceId: calm.instanceId)
            try checkNoDuplicates(s, seed: seed)
            #expect(Self.quickstartNames.isSubset(of: Set(s.nameCounts.keys)), "seed \(seed)")
            await calm.stop()
        } catch {
            await calm.stop()
            throw error
        }
        return summary
    }

    func checkNoDuplicates(_ s: InstanceSnapshot, seed: UInt64, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let duplicated = s.nameCounts.filter { $0.value > 1 }
        #expect(duplicated.isEmpty, "seed \(seed): duplicated \(duplicated)", sourceLocation: sourceLocation)
    }

    @Test func applyUnderFaultsConvergesWithoutDuplicates() async throws {
        var dropAfterCreate = 0, duplicates = 0
        for seed: UInt64 in [7, 11, 23, 42, 5, 13, 17, 31] {  // which call meets which fault depends on scheduling too
            let summary = try await run(seed: seed)
            dropAfterCreate += summary.dropAfterCreate
            duplicates += summary.duplicateAnswers
            if dropAfterCreate > 0 && duplicates > 0 { break }
        }
        // The interesting case happened at least once: a create executed, its response lost,
        // the retry answered DuplicateResourceException, and the applier resolved it.
        #expect(dropAfterCreate > 0, "no seed dropped a connection after a create; pick other seeds")
        #expect(duplicates > 0, "no retried create met DuplicateResourceException; pick other seeds")
    }

    /// The addresses an apply report lists as failed, partly done or skipped.
    static func reportedLeft(_ stderr: String) -> Set<String> {
        var left = Set<String>()
        let pattern = /^  (?:failed|skipped|partly done):\s+(.+?) \((?:create|update|delete|replace|rename|adopt)\)/
        for line in stderr.split(separator: "\n") {
            if let m = String(line).firstMatch(of: pattern) { left.insert(String(m.1)) }
        }
        return left
    }

    /// At a high fault rate apply often stops: what it reports as left is exactly what a plan
    /// (without faults) still shows — nothing reported done is still pending — and the next
    /// apply converges.
    @Test func reportSaysPreciselyWhatIsLeft() async throws {
        var stopped = 0
        for seed: UInt64 in [11, 14, 19, 23, 31, 37, 41, 43, 47, 53] {  // more reads since #10: more seeds fail in the read
            if try await reportCheck(seed: seed) { stopped += 1 }
            if stopped >= 2 { break }
        }
        #expect(stopped >= 1, "no seed made apply stop part-way; pick other seeds")
    }

    /// Returns whether the apply stopped part-way (the case this is about).
    func reportCheck(seed: UInt64) async throws -> Bool {
        let dir = try TempDir()
        let state = dir.path("emulator.json")
        let first: RunResult
        let faulty = try await TestEmulator(faultRate: 0.45, seed: seed, stateFile: state)
        do {
            first = try await patchbay(["apply", Paths.quickstart.path, "--auto-approve"] + faulty.connectionArguments,
                                       timeout: 120)
            await faulty.stop()
        } catch {
            await faulty.stop()
            throw error
        }
        let calm = try await TestEmulator(faultRate: 0, seed: nil, stateFile: state)  // unseeded: see EmulatorIdTests
        do {
            let json = try await patchbay(["plan", Paths.quickstart.path, "--format", "json"] + calm.connectionArguments)
            try #require(json.exitCode == 0, "\(json)")
            let pending = Set(try PlanJSON.parse(json.stdout).changes.map(\.address))
            if first.exitCode == 0 {
                #expect(pending.isEmpty, "apply said complete but \(pending) is pending")
            } else {
                #expect(first.exitCode == 1, "\(first)")
                let left = Self.reportedLeft(first.stderr)
                if first.stderr.contains("Apply stopped with errors") {
                    #expect(!left.isEmpty, "\(first)")
                    // Everything reported done is done; anything pending was reported.
                    #expect(pending.isSubset(of: left), "pending \(pending.subtracting(left)) was not reported: \(first)")
                } else {
                    // Reading the instance failed: nothing was attempted and the error says so.
                    #expect(first.stderr.contains("error: "), "\(first)")
                    #expect(pending.count == 25, "\(pending)")
                }
            }
            let again = try await patchbay(["apply", Paths.quickstart.path, "--auto-approve"] + calm.connectionArguments)
            #expect(again.exitCode == 0, "\(again)")
            let clean = try await patchbay(["plan", Paths.quickstart.path, "--detailed-exitcode"] + calm.connectionArguments)
            #expect(clean.exitCode == 0, "\(clean)")
            try checkNoDuplicates(try await InstanceSnapshot.read(calm.client, instanceId: calm.instanceId), seed: seed)
            await calm.stop()
        } catch {
            await calm.stop()
            throw error
        }
        return first.stderr.contains("Apply stopped with errors")
    }
}
