import Synchronization
import ArgumentParser
import Foundation
import Model
import Reconciler

/// `patchbay apply`: make the changes, in dependency order.
struct ApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Make the changes the plan shows.",
        discussion: """
            Re-reads the instance, plans, shows the plan and (on a terminal) asks for 'yes'. Without a \
            terminal it refuses unless --auto-approve or --plan is given. Changes run in dependency \
            order, independent ones in parallel within Connect's rate limits. On a failure, dependent \
            changes are skipped, independent ones finish, and a report lists what was done, what \
            failed (with Connect's message) and what was skipped; the exit code is then 1. Running \
            apply again continues from where it stopped.

            With --plan FILE, applies exactly a plan saved by 'plan --out', and refuses if the file \
            was edited, the instance changed since, or the manifests no longer give the same changes.
            """)

    @Argument(help: "A manifest file or a directory of manifests (default: .).")
    var path: String?

    @Option(help: "The environment (from 'environments:') to apply.")
    var env: String?

    @Flag(name: .customLong("auto-approve"), help: "Apply without asking for confirmation (implied by --plan: a saved plan was reviewed).")
    var autoApprove = false

    @OptionGroup var scope: ScopeOptions
    @OptionGroup var quotas: QuotaOptions

    @Option(name: .customLong("plan"), help: "Apply exactly this plan, saved by 'plan --out'.")
    var planFile: String?

    @Option(help: ArgumentHelp("Run at most N changes at once.",
                               discussion: "Independent changes run side by side; the client-side rate limiter (--rate-limit) still paces each Connect operation. Use 1 to run one change at a time.",
                               valueName: "N"))
    var parallelism: Int = 32

    @OptionGroup var connection: ConnectionOptions

    @OptionGroup var read: ReadOptions

    func validate() throws {
        if parallelism < 1 { throw ValidationError("--parallelism must be 1 or more, not \(parallelism)") }
        if planFile != nil && (path != nil || env != nil || scope.isSet) {
            throw ValidationError("--plan applies a saved plan as it is: PATH, --env, --prune, --allow-prune and --target come from the plan file")
        }
    }

    func run() async throws {
        var failed = false
        try await PlanPipeline.reportingErrors {
            var saved: SavedPlan?
            var manifestPath = path ?? ".", environment = env, pruning = scope.prune, allowed = scope.allowPrune, targets = scope.target
            if let planFile {
                let text: String
                do { text = try String(contentsOfFile: planFile, encoding: .utf8) } catch {
                    throw CLIError("cannot read plan file \(planFile): \(error.localizedDescription)")
                }
                let plan = try SavedPlan.decode(text)
                saved = plan
                manifestPath = plan.source.path
                environment = plan.source.environment
                pruning = plan.source.prune
                allowed = plan.source.allowPrune
                targets = plan.source.targets
            }
            let desired = try PlanPipeline.load(path: manifestPath, environment: environment)
            let session = try await ConnectSession.open(connection, manifest: desired.instance, manifestPath: manifestPath,
                                                       environmentName: environment)
            do {
                let (result, live) = try await PlanPipeline.plan(session: session, desired: desired, prune: pruning,
                                                                 allowPrune: try ScopeOptions.addresses(allowed, flag: "--allow-prune"),
                                                                 targets: try ScopeOptions.addresses(targets, flag: "--target"),
                                                                 quotas: try quotas.quotas(),
                                                                refresh: read.refresh)
                if let saved { try saved.verify(against: result.plan) }
                Terminal.write(PlanOutput.render(result, format: .text))
                if result.plan.hasChanges {
                    if saved == nil && !autoApprove { try confirm() }
                    failed = !(await run(result, live: live, desired: desired, session: session))
                }
                await session.close()
            } catch {
                await session.close()
                throw error
            }
        }
        if failed { throw ExitCode(1) }
    }

    private func confirm() throws {
        guard Terminal.stdinIsTerminal else {
            throw CLIError("apply needs confirmation: run it on a terminal, or pass --auto-approve (or --plan FILE)")
        }
        Terminal.write("\nDo you want to make these changes? Only 'yes' will be accepted.\n  Enter a value: ")
        let answer = readLine(strippingNewline: true)?.trimmingCharacters(in: .whitespaces)
        guard answer == "yes" else { throw CLIError("apply cancelled") }
    }

    /// Applies, printing progress and the final report. Returns whether everything succeeded.
    private func run(_ result: PlanningResult, live: LiveState, desired: DesiredState, session: ConnectSession) async -> Bool {
        let style = TerminalStyle(enabled: Terminal.colourEnabled(forStandardError: true))
        Terminal.writeError("\n")
        let uploader = session.objectUploader()
        let applier = Applier(client: session.client, instanceId: session.instanceId, maxConcurrency: parallelism,
                              objects: uploader)
        let started = Date()
        let interrupt = ApplyInterrupt()
        let signals = InterruptSignals(interrupt)
        defer { signals.restore() }
        let timedOut = TimeoutFlag()
        let expiry = session.deadline?.onExpiry {
            timedOut.set()
            if interrupt.request() == 1 {
                Terminal.writeError("\n--timeout reached: no further change starts; the calls in flight finish.\n")
            }
        }
        defer { expiry?.cancel() }
        let report = await applier.apply(result, live: live, desired: desired, interrupt: interrupt) { event in
            switch event {
            case .started:
                break
            case let .finished(address, action, outcome, done, total):
                let width = String(total).count
                let counter = "[" + String(repeating: " ", count: width - String(done).count) + "\(done)/\(total)]"
                let line: String
                switch outcome {
                case .done: line = style.green("done")
                case let .failed(message): line = style.red("FAILED: ") + message
                case let .partial(message): line = style.red("PARTLY DONE: ") + message
                case let .skipped(blockedBy): line = style.yellow("skipped") + " (blocked by \(blockedBy))"
                }
                Terminal.writeError("\(counter) \(action.symbol) \(address) (\(action.rawValue)): \(line)\n")
            }
        }
        await uploader.shutdown()
        let seconds = Date().timeIntervalSince(started)
        var text = "\n"
        let failures = report.failed, skipped = report.skipped
        if interrupt.isRequested {
            text += style.red(timedOut.isSet ? "Apply stopped at the --timeout deadline." : "Apply interrupted.")
                + " \(report.doneCount) done, \(failures.count) failed, \(skipped.count) not started"
        } else if failures.isEmpty && skipped.isEmpty {
            text += style.green("Apply complete!") + " \(report.doneCount) change\(report.doneCount == 1 ? "" : "s") made"
        } else {
            text += style.red("Apply stopped with errors.") + " \(report.doneCount) done, \(failures.count) failed, \(skipped.count) skipped"
        }
        text += String(format: " in %.1fs; %d Connect API calls.\n", seconds, session.transport.statistics.total.calls)
        if interrupt.isRequested {
            for entry in report.entries {
                if case .done = entry.outcome { text += "  done:    \(entry.change.address) (\(entry.change.action.rawValue))\n" }
            }
        }
        for entry in failures {
            if case let .failed(message) = entry.outcome { text += "  failed:  \(entry.change.address) (\(entry.change.action.rawValue)): \(message)\n" }
            if case let .partial(message) = entry.outcome { text += "  partly done: \(entry.change.address) (\(entry.change.action.rawValue)): \(message)\n" }
        }
        for entry in skipped {
            if case let .skipped(blockedBy) = entry.outcome { text += "  skipped: \(entry.change.address) (\(entry.change.action.rawValue)), blocked by \(blockedBy)\n" }
        }
        if !failures.isEmpty || !skipped.isEmpty {
            text += "Skipped changes were not started. A failed call may still have taken effect if its response was lost; "
                + "run plan to see the instance as it is, fix the cause, and run apply again: it continues from there.\n"
        }
        Terminal.writeError(text)
        return failures.isEmpty && skipped.isEmpty && !interrupt.isRequested
    }
}

/// Whether `--timeout` stopped the apply.
final class TimeoutFlag: Sendable {
    private let value = Mutex(false)
    func set() { value.withLock { $0 = true } }
    var isSet: Bool { value.withLock { $0 } }
}

/// Ctrl-C and SIGTERM (what CI sends on cancel) during apply: the first stops new changes from
/// starting and lets calls in flight finish, so the report is true; the second aborts (exit 130).
final class InterruptSignals {
    private let sources: [any DispatchSourceSignal]

    init(_ interrupt: ApplyInterrupt) {
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if interrupt.request() == 1 {
                    Terminal.writeError("\nInterrupted: no new changes start; calls in flight finish. Interrupt again to abort.\n")
                } else {
                    Terminal.writeError("\nAborted: calls in flight may or may not have taken effect; run plan to see the instance.\n")
                    exit(130)
                }
            }
            source.resume()
            return source
        }
    }

    func restore() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
