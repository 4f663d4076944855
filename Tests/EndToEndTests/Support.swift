import AWSClient
import ConnectAPI
import ConnectEmulator
import ConnectHTTP
import Foundation
import SigV4
import PatchbayTestSupport
import Testing

/// Where things are: the package root, the examples, the built `patchbay` binary.
enum Paths {
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let quickstart = packageRoot.appendingPathComponent("examples/quickstart")
    /// The Lambda function the quickstart associates (`integrations:`).
    static let quickstartLambda = "arn:aws:lambda:us-east-1:123456789012:function:acme-quickstart-lookup"

    /// The `patchbay` executable next to the test bundle (same build products directory).
    static let binary: URL = {
        var candidates: [URL] = []
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 {
            candidates.append(dir.appendingPathComponent("patchbay"))
            dir.deleteLastPathComponent()
        }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("patchbay"))
        }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/patchbay"))
        for c in candidates {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: c.path, isDirectory: &isDir), !isDir.boolValue,
               FileManager.default.isExecutableFile(atPath: c.path) { return c }
        }
        fatalError("patchbay binary not found (looked in \(candidates.map(\.path))); run swift build first")
    }()
}


/// The result of one run of the binary.
struct RunResult: CustomStringConvertible {
    var exitCode: Int32
    var stdout: String
    var stderr: String
    var description: String { "exit \(exitCode)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }
}

/// At most this many `patchbay` subprocesses at once, so the end-to-end tests (run in
/// parallel with every other test target) do not starve timing-sensitive tests on 2 cores.
actor SubprocessGate {
    static let shared = SubprocessGate(limit: 2)
    private let limit: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []
    init(limit: Int) { self.limit = limit }

    func enter() async {
        if running < limit { running += 1; return }
        await withCheckedContinuation { waiting.append($0) }
    }

    func leave() {
        if waiting.isEmpty { running -= 1 } else { waiting.removeFirst().resume() }
    }
}

/// Runs the built `patchbay` with stdin from /dev/null (never a terminal).
func patchbay(_ arguments: [String], environment extra: [String: String] = [:], in directory: URL? = nil,
              timeout: TimeInterval = 90) async throws -> RunResult {
    await SubprocessGate.shared.enter()
    defer { Task { await SubprocessGate.shared.leave() } }
    return try await runPatchbay(arguments, environment: extra, in: directory, timeout: timeout)
}

private func runPatchbay(_ arguments: [String], environment extra: [String: String], in directory: URL?,
                         timeout: TimeInterval) async throws -> RunResult {
    let scratch = try TempDir()
    let outURL = scratch.url.appendingPathComponent("out"), errURL = scratch.url.appendingPathComponent("err")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let process = Process()
    process.executableURL = Paths.binary
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("AWS_") && $0.key != "PATCHBAY_RECORD" && $0.key != "GITHUB_ACTIONS" }
    env["AWS_ACCESS_KEY_ID"] = "test"
    env["AWS_SECRET_ACCESS_KEY"] = "test"
    env["AWS_CONFIG_FILE"] = "/nonexistent/config"
    env["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/credentials"
    env["AWS_EC2_METADATA_DISABLED"] = "true"
    env["NO_COLOR"] = "1"
    for (k, v) in extra { env[k] = v.isEmpty ? nil : v }  // "" removes a variable
    process.environment = env
    if let directory { process.currentDirectoryURL = directory }
    process.standardInput = FileHandle.nullDevice
    let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
    process.standardOutput = out
    process.standardError = err
    let done = AsyncStream<Void>.makeStream()
    process.terminationHandler = { _ in done.continuation.yield(); done.continuation.finish() }
    try process.run()
    let deadline = Date().addingTimeInterval(timeout)
    let pid = process.processIdentifier
    let watchdog = Task {
        while Date() < deadline {
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        kill(pid, SIGKILL)
    }
    for await _ in done.stream {}
    watchdog.cancel()
    try out.close()
    try err.close()
    return RunResult(exitCode: process.terminationStatus,
                     stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
                     stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "")
}

extension String {
    /// Replaces the first occurrence of `old` (which must occur) with `new`.
    func replacingOnce(_ old: String, with new: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        guard let range = range(of: old) else {
            Issue.record("'\(old)' not found", sourceLocation: sourceLocation)
            return self
        }
        return replacingCharacters(in: range, with: new)
    }
}

/// Edits a file in place with `replacingOnce`.
func edit(_ url: URL, _ old: String, _ new: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let text = try String(contentsOf: url, encoding: .utf8)
    try text.replacingOnce(old, with: new, sourceLocation: sourceLocation).write(to: url, atomically: true, encoding: .utf8)
}

/// The parts of `plan --format json` (design.md §4) the tests look at.
struct PlanJSON: Decodable {
    struct Field: Decodable { var path: String }
    struct Change: Decodable {
        var address: String
        var action: String
        var id: String?
        var fields: [Field]
        var calls: [String]?
        var paths: [String] { fields.map(\.path) }
    }
    var stateFingerprint: String
    var changes: [Change]

    static func parse(_ text: String) throws -> PlanJSON { try JSONDecoder().decode(PlanJSON.self, from: Data(text.utf8)) }
    func change(_ address: String) -> Change? { changes.first { $0.address == address } }
}
