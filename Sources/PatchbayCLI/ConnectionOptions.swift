import ArgumentParser
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

    @Option(name: .customLong("rate-limit"),
            help: "Client-side rate limit per Connect operation: RATE:BURST, or off (default 2:5, Connect's quota).")
    var rateLimit: String = "2:5"

    @Flag(name: .shortAndLong, help: "Log every Connect call (operation, status, latency, attempt) to stderr.")
    var verbose = false

    func validate() throws {
        if emulator && endpointURL != nil {
            throw ValidationError("--emulator and --endpoint-url cannot be used together")
        }
        _ = try parsedRateLimit()
    }

    /// `nil` when rate limiting is off.
    func parsedRateLimit() throws -> (rate: Double, burst: Double)? {
        if rateLimit == "off" { return nil }
        let parts = rateLimit.split(separator: ":")
        guard parts.count == 2, let rate = Double(parts[0]), let burst = Double(parts[1]), rate > 0, burst >= 1 else {
            throw ValidationError("--rate-limit must be RATE:BURST (e.g. 2:5) or off, not '\(rateLimit)'")
        }
        return (rate, burst)
    }
}

/// How much plan and apply read (not flow import, which reads only ids and names).
struct ReadOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "How much to read: full (default) or fast.",
        discussion: "Search does not return users' e-mail and mobile, routing profiles' queue priorities and delays, or security profiles' permissions; 'full' reads them for every declared resource. 'fast' trusts the fingerprint tags (patchbay:identity, patchbay:queues, patchbay:permissions) Patchbay writes with those fields and reads only resources whose fingerprint differs from the manifests: far fewer calls on a large instance, but a change made by hand in the console to those fields alone goes unseen. Use fast for pull-request plans, full for drift checks and apply."))
    var refresh: RefreshMode = .full
}
