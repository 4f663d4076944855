import ArgumentParser
import AWSClient
import ConnectAPI
import Foundation
import Reconciler

extension RefreshMode: ExpressibleByArgument {}

/// Options of every command that talks to Connect (design.md §2).
struct ConnectionOptions: ParsableArguments {
    @Option(name: .customLong("instance-id"), help: "Amazon Connect instance id (plan, apply: default the manifest's 'instance:').")
    var instanceId: String?

    @Option(help: "AWS Region (default: the manifest's for plan and apply, then AWS_REGION, AWS_DEFAULT_REGION, the profile's).")
    var region: String?

    @Option(help: "Named profile from the shared AWS config and credentials files (default: AWS_PROFILE).")
    var profile: String?

    @Option(name: .customLong("endpoint-url"), help: "Connect endpoint to use instead of the Region's.")
    var endpointURL: String?

    @Flag(help: "Use the embedded local Connect emulator instead of AWS (no account needed).")
    var emulator = false

    @Option(name: .customLong("emulator-state"),
            help: "State file of the embedded emulator (default: .patchbay/emulator.json beside the manifests; emulator-ENV.json with --env).")
    var emulatorState: String?

    /// `--emulator-state`, else `.patchbay/emulator.json` (`emulator-ENV.json` with `--env`: one
    /// emulated instance per environment) in the manifests' directory (PATH, or the directory of
    /// a PATH that is a file), so that the state follows the manifests and not the working
    /// directory; without manifests (flow import), in the working directory.
    func emulatorStatePath(manifestPath: String?, environment: String? = nil) -> String {
        if let emulatorState { return emulatorState }
        let file = ".patchbay/" + (environment.map { "emulator-\($0).json" } ?? "emulator.json")
        guard let manifestPath else { return file }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: manifestPath, isDirectory: &isDirectory)
        let directory = exists && !isDirectory.boolValue
            ? (manifestPath as NSString).deletingLastPathComponent : manifestPath
        return ((directory.isEmpty ? "." : directory) as NSString).appendingPathComponent(file)
    }

    @Option(name: .customLong("rate-limit"), help: ArgumentHelp(
        "Client-side rate limits: connect (default), connect*N, RATE:BURST, OPERATION=RATE:BURST (repeatable), or off.",
        discussion: "connect paces each operation at Connect's default API quota for it (ConnectRateQuotas: e.g. DescribeUser and ListUsers 10/s, SearchUsers and most others 2/s, burst 5); connect*N that table N times faster. RATE:BURST sets every operation; OPERATION=RATE:BURST one operation (DescribeUser=10:15), after the others. The quotas are per account and Region: plans of one account in one process share one limiter."))
    var rateLimit: [String] = []

    @Flag(name: .shortAndLong, help: "Log every Connect call (operation, status, latency, attempt) to stderr.")
    var verbose = false

    @Option(help: ArgumentHelp(
        "A deadline for the whole command: 90, 90s, 15m or 1h (default: none; every call has its own 30 s deadline).",
        discussion: "Reading past it stops the read with an error (nothing was changed). An apply past it starts no further change, lets the calls in flight finish and reports what was done and what was not started (exit 1), as Ctrl-C does; run apply again to continue.",
        valueName: "DURATION"))
    var timeout: String?

    /// The `--timeout` deadline, from now (nil: none).
    func deadline() throws -> CommandDeadline? {
        guard let timeout else { return nil }
        guard let seconds = CommandDeadline.parse(timeout) else {
            throw ValidationError("--timeout must be a duration such as 90, 90s, 15m or 1h, not '\(timeout)'")
        }
        return CommandDeadline(seconds: seconds)
    }

    func validate() throws {
        _ = try deadline()
        if emulator && endpointURL != nil {
            throw ValidationError("--emulator and --endpoint-url cannot be used together")
        }
        _ = try parsedRateLimit()
    }

    /// The client's rate limits from `--rate-limit` (nil when off).
    func parsedRateLimit() throws -> (defaultLimit: RateLimit, perOperation: [String: RateLimit])? {
        func table(_ scale: Double) -> (defaultLimit: RateLimit, perOperation: [String: RateLimit]) {
            let d = ConnectRateQuotas.defaultLimit
            return (RateLimit(rate: d.rate * scale, burst: d.burst * scale),
                    ConnectRateQuotas.overrides.mapValues { RateLimit(rate: $0.rate * scale, burst: $0.burst * scale) })
        }
        func pair(_ text: Substring, _ whole: String) throws -> RateLimit {
            let parts = text.split(separator: ":")
            guard parts.count == 2, let rate = Double(parts[0]), let burst = Double(parts[1]), rate > 0, burst >= 1 else {
                throw ValidationError("--rate-limit must be connect, connect*N, RATE:BURST, OPERATION=RATE:BURST or off, not '\(whole)'")
            }
            return RateLimit(rate: rate, burst: burst)
        }
        var limits = table(1)
        for entry in rateLimit {
            if entry == "off" { return nil }
            if entry == "connect" { limits = table(1); continue }
            if entry.hasPrefix("connect*") {
                guard let scale = Double(entry.dropFirst("connect*".count)), scale > 0 else {
                    throw ValidationError("--rate-limit connect*N needs N > 0, not '\(entry)'")
                }
                limits = table(scale)
                continue
            }
            if let equals = entry.firstIndex(of: "=") {
                let operation = String(entry[..<equals])
                guard ConnectOperation.catalog[operation] != nil else {
                    throw ValidationError("--rate-limit \(entry): '\(operation)' is not a Connect operation Patchbay calls")
                }
                limits.perOperation[operation] = try pair(entry[entry.index(after: equals)...], entry)
                continue
            }
            limits = (try pair(entry[...], entry), [:])
        }
        return limits
    }
}

/// How much plan and apply read (not flow import, which reads only ids and names).
struct ReadOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "How much to read: verified (default) or full ('fast' is accepted for verified).",
        discussion: "Search does not return users' e-mail and mobile, routing profiles' queue priorities and delays, or security profiles' permissions. Whenever Patchbay writes such a resource it tags it with a fingerprint of those fields and the time of the write (patchbay:identity, patchbay:queues, patchbay:permissions). 'verified' reads ListUsers, ListRoutingProfiles and ListSecurityProfiles (1,000 a page) for each resource's LastModifiedTime and makes the per-resource calls only for resources modified since Patchbay wrote them or whose fingerprint differs from the manifests, so a change made in the console still shows. 'full' makes the per-resource calls for every declared resource."))
    var refresh: RefreshMode = .verified
}
