import Foundation
import PatchbayTestSupport
import Testing

/// Issue #16 item 5, the overall deadline: `--timeout` bounds the whole command. A read past it
/// stops with an error and changes nothing; an apply past it starts no further change, finishes
/// the calls in flight and reports what was not started; the next apply continues from there.
/// (The bounds below are loose on purpose: each is several times what the command needs.)
@Suite struct TimeoutTests {
    @Test func aSlowReadGivesUpAtTheDeadline() async throws {
        // Every answer takes 30 s: without --timeout the read alone takes at least that (a loaded
        // CI machine took 12 s to start the binary, give up at 1 s and exit).
        let emu = try await TestEmulator(latencyMs: 30_000)
        let started = ContinuousClock.now
        let plan = try await patchbay(["plan", Paths.quickstart.path, "--timeout", "1s"] + emu.connectionArguments)
        let elapsed = ContinuousClock.now - started
        #expect(plan.exitCode == 1, "\(plan)")
        #expect(plan.stderr.contains("gave up reading the instance after 1s (--timeout 1s); nothing was changed"), "\(plan.stderr)")
        #expect(elapsed < .seconds(20), "\(elapsed)")
        await emu.stop()
    }

    @Test func anApplyPastTheDeadlineStopsStartingChangesAndSaysSo() async throws {
        // 300 ms a call, one change at a time: the read takes about a second, the 25 creates of
        // the quickstart over ten.
        let emu = try await TestEmulator(latencyMs: 300)
        let stopped = try await patchbay(["apply", Paths.quickstart.path, "--auto-approve", "--parallelism", "1", "--timeout", "6"]
                                         + emu.connectionArguments)
        #expect(stopped.exitCode == 1, "\(stopped)")
        #expect(stopped.stderr.contains("--timeout reached: no further change starts"), "\(stopped.stderr)")
        #expect(stopped.stderr.contains("Apply stopped at the --timeout deadline.") && stopped.stderr.contains("not started"),
                "\(stopped.stderr)")
        // What was done is done, and the rest is still planned: the next apply finishes the job.
        let rest = try await patchbay(["apply", Paths.quickstart.path, "--auto-approve"] + emu.connectionArguments)
        #expect(rest.exitCode == 0, "\(rest)")
        let clean = try await patchbay(["plan", Paths.quickstart.path, "--detailed-exitcode"] + emu.connectionArguments)
        #expect(clean.exitCode == 0, "\(clean)")
        await emu.stop()
    }

    @Test func aDurationIsChecked() async throws {
        let bad = try await patchbay(["plan", Paths.quickstart.path, "--emulator", "--timeout", "5x"])
        #expect(bad.exitCode != 0 && bad.stderr.contains("--timeout must be a duration such as 90, 90s, 15m or 1h, not '5x'"), "\(bad)")
    }
}
