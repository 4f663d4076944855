import AWSClient
import ConnectHTTP
import Foundation
@testable import ConnectAPI

/// Records every request and answers from a script: a wire-level test double for pure
/// encoding/decoding tests (no HTTP, no emulator).
final class RecordingTransport: AWSTransport, @unchecked Sendable {
    typealias Responder = @Sendable (AWSRequest, Int) throws -> AWSResponse
    private let lock = NSLock()
    private var _requests: [AWSRequest] = []
    private let responder: Responder

    /// `responder` gets the request and its 0-based index.
    init(responder: @escaping Responder = { _, _ in AWSResponse(status: 200, headers: [], body: Data()) }) {
        self.responder = responder
    }

    /// Answers each request with the next body (the last one repeats).
    convenience init(bodies: [String]) {
        self.init { _, index in
            AWSResponse(status: 200, headers: [], body: Data(bodies[min(index, bodies.count - 1)].utf8))
        }
    }

    var requests: [AWSRequest] { lock.withLock { _requests } }

    func send(_ request: AWSRequest) async throws -> AWSResponse {
        let index = lock.withLock { () -> Int in
            _requests.append(request)
            return _requests.count - 1
        }
        return try responder(request, index)
    }
}

/// A JSON value compared structurally (object key order and number spelling ignored).
enum JSONValue: Decodable, Equatable, CustomStringConvertible {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    static func parse(_ data: Data) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: data)
    }

    static func parse(_ text: String) throws -> JSONValue { try parse(Data(text.utf8)) }

    subscript(key: String) -> JSONValue? {
        if case let .object(o) = self { return o[key] }
        return nil
    }

    var stringValue: String? {
        if case let .string(s) = self { return s }
        return nil
    }

    var description: String {
        switch self {
        case .null: return "null"
        case let .bool(b): return "\(b)"
        case let .number(n): return "\(n)"
        case let .string(s): return "\"\(s)\""
        case let .array(a): return "[" + a.map(\.description).joined(separator: ",") + "]"
        case let .object(o):
            return "{" + o.keys.sorted().map { "\"\($0)\":\(o[$0]!.description)" }.joined(separator: ",") + "}"
        }
    }
}

/// Runs a helper from `scripts/wire/` with python3; throws `Unavailable` (with the reason)
/// when python3 or botocore is missing, so callers can skip.
enum WireScripts {
    static let repoRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    struct Unavailable: Error, CustomStringConvertible { var description: String }

    static func run(_ script: String, arguments: [String] = [], stdin: Data? = nil) throws -> Data {
        let scriptURL = repoRoot.appendingPathComponent("scripts/wire/\(script)")
        // python3 from PATH (pyenv, venvs), or PATCHBAY_PYTHON.
        let env = ProcessInfo.processInfo.environment
        let process = Process()
        if let python = env["PATCHBAY_PYTHON"], !python.isEmpty {
            process.executableURL = URL(fileURLWithPath: python)
            process.arguments = [scriptURL.path] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", scriptURL.path] + arguments
        }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        do {
            try process.run()
        } catch {
            throw Unavailable(description: "cannot start python3: \(error)")
        }
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus == 3 || process.terminationStatus == 127 {
            throw Unavailable(description: "botocore not importable; skipping: \(String(decoding: errors, as: UTF8.self))")
        }
        guard process.terminationStatus == 0 else {
            throw Unavailable(description: "\(script) failed (\(process.terminationStatus)): \(String(decoding: errors, as: UTF8.self))")
        }
        return output
    }

    /// Whether python3 with botocore is usable (for `.enabled(if:)`).
    static let botocoreAvailable: Bool = {
        do {
            _ = try run("response_skeletons.py", arguments: [])
            return true
        } catch {
            FileHandle.standardError.write(Data("ConnectAPITests: skipping botocore comparisons: \(error)\n".utf8))
            return false
        }
    }()
}

func ok(_ body: String) -> AWSResponse {
    AWSResponse(status: 200, headers: [], body: Data(body.utf8))
}
