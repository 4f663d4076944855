import ConnectAPI
import Foundation
import Manifest
import Model
import Reconciler

/// The steps `plan` and `apply` share: load the manifests, read the instance, plan.
enum PlanPipeline {
    /// Loads and validates manifests; prints diagnostics; exits 1 on errors.
    static func load(path: String, environment: String?,
                     diagnostics style: DiagnosticsPrinter.Style = .automatic()) throws -> DesiredState {
        let env = ProcessInfo.processInfo.environment
        let result = ManifestLoader.load(path: path, environment: environment, processEnvironment: env)
        let printer = DiagnosticsPrinter.forStandardError(environment: env, style: style)
        if !result.diagnostics.isEmpty {
            var text = printer.render(result.diagnostics)
            if result.desired == nil { text += DiagnosticsPrinter.summary(result.diagnostics) + "\n" }
            Terminal.writeError(text)
        }
        guard let desired = result.desired else { throw ExitCode(1) }
        return desired
    }

    /// Reads the live state the plan needs and computes the plan; exits 1 on planning errors.
    static func plan(session: ConnectSession, desired: DesiredState, prune: Bool, allowPrune: Set<ResourceAddress> = [],
                     targets: Set<ResourceAddress> = [], quotas: [String: Int] = [:], refresh: RefreshMode,
                     diagnostics style: DiagnosticsPrinter.Style = .automatic()) async throws -> (PlanningResult, LiveState) {
        let (reader, progress) = liveReader(session)
        let live = try await session.within("reading the instance") {
            try await reader.read(for: desired, refresh: refresh, prune: prune)
        }
        progress.finish()
        let result = Planner.plan(desired: desired, live: live,
                                  instance: Plan.Instance(id: session.instanceId, region: session.region),
                                  options: Planner.Options(prune: prune, allowPrune: allowPrune, targets: targets, quotas: quotas))
        if !result.diagnostics.isEmpty {
            let printer = DiagnosticsPrinter.forStandardError(style: style)
            Terminal.writeError(printer.render(result.diagnostics))
        }
        if result.diagnostics.hasErrors {
            Terminal.writeError(DiagnosticsPrinter.summary(result.diagnostics) + "\n")
            throw ExitCode(1)
        }
        return (result, live)
    }

    /// A reader of the session's instance, with the progress line on a terminal (`finish()` it after reading).
    static func liveReader(_ session: ConnectSession) -> (LiveStateReader, ReadProgressView) {
        let progress = ReadProgressView()
        var onProgress: (@Sendable (LiveStateReader.Progress) -> Void)?
        if progress.isEnabled { onProgress = { progress.update($0) } }
        return (LiveStateReader(reader: session.client, instanceId: session.instanceId, onProgress: onProgress), progress)
    }

    /// Runs `body`, turning errors into `error: message` on stderr and exit code 1.
    static func reportingErrors(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let exit as ExitCode {
            throw exit
        } catch let error as ArgumentParser.ValidationError {
            throw error
        } catch {
            Terminal.writeError(Terminal.errorPrefix() + String(describing: error) + "\n")
            throw ExitCode(1)
        }
    }
}

import ArgumentParser
