import Foundation
import Synchronization

/// One HTTP request as the server hands it over.
struct EmulatorHTTPRequest: Sendable {
    var method: String
    var uri: String
    /// Header names as received; lookups are case-insensitive.
    var headers: [(String, String)]
    var body: [UInt8]
}

/// What to do with a request: answer it, or drop the connection (fault injection).
enum EmulatorOutcome: Sendable {
    case respond(status: Int, headers: [(String, String)], body: [UInt8])
    case drop
}

/// The transport-independent request pipeline: latency → SigV4 → routing → throttle →
/// fault injection → operation → persistence → request log.
final class RequestProcessor: Sendable {
    enum Fault: String, Sendable { case internalError = "500", throttle = "429", dropBefore = "drop-before", dropAfter = "drop-after" }

    let configuration: EmulatorConfiguration
    let service: ConnectService
    let verifier: SignatureVerifier
    private let buckets = Mutex<[String: TokenBucket]>([:])
    private let faultRandom: Mutex<EmulatorRandom>
    private let log: RequestLog?

    init(configuration: EmulatorConfiguration, service: ConnectService) throws {
        self.configuration = configuration
        self.service = service
        self.verifier = SignatureVerifier(accessKeyId: configuration.accessKeyId, secretAccessKey: configuration.secretAccessKey,
                                          region: configuration.region)
        self.faultRandom = Mutex(EmulatorRandom(seed: configuration.randomSeed.map { $0 ^ 0xFA17_FA17 }))
        self.log = try configuration.requestLogFile.map { try RequestLog(path: $0) }
    }

    func process(_ req: EmulatorHTTPRequest) async -> EmulatorOutcome {
        let started = Date()
        let requestId = UUID().uuidString.lowercased()
        var headers: [String: String] = [:]
        for (k, v) in req.headers {
            let key = k.lowercased()
            headers[key] = headers[key].map { "\($0),\(v)" } ?? v
        }
        let (rawPath, rawQuery): (String, String) = {
            if let q = req.uri.firstIndex(of: "?") { return (String(req.uri[..<q]), String(req.uri[req.uri.index(after: q)...])) }
            return (req.uri, "")
        }()
        if ObjectStorage.isS3(headers) {
            return await processObject(req, headers: headers, rawPath: rawPath, rawQuery: rawQuery, started: started, requestId: requestId)
        }
        let route = Router.match(method: req.method, rawPath: rawPath)
        let operation = route?.0 ?? "Unknown"
        var fault: Fault?
        var outcome: EmulatorOutcome

        if configuration.latencyMs > 0 {
            try? await Task.sleep(nanoseconds: UInt64(configuration.latencyMs) * 1_000_000)
        }
        do {
            if configuration.verifySignatures {
                try verifier.verify(.init(method: req.method, rawPath: rawPath, rawQuery: rawQuery, headers: headers, body: req.body))
            }
            guard let (op, params) = route else {
                throw ConnectError.frontDoor(code: "UnknownOperationException", status: 404,
                                   message: "Unknown operation: \(req.method) \(rawPath)")
            }
            if let t = configuration.throttle {
                let allowed = buckets.withLock { b -> Bool in
                    let setting = configuration.throttleOverrides[op] ?? t
                    var bucket = b[op] ?? TokenBucket(rate: setting.rate, burst: setting.burst)
                    let ok = bucket.take()
                    b[op] = bucket
                    return ok
                }
                if !allowed { throw ConnectError.throttling() }
            }
            if configuration.faultRate > 0 {
                fault = faultRandom.withLock { r -> Fault? in
                    guard r.unit() < configuration.faultRate else { return nil }
                    return [Fault.internalError, .throttle, .dropBefore, .dropAfter][Int(r.nextUInt64() % 4)]
                }
                switch fault {
                case .internalError: throw ConnectError.internalError()
                case .throttle: throw ConnectError.throttling()
                case .dropBefore:
                    logLine(started: started, operation: op, req: req, path: rawPath, status: nil, requestId: requestId, fault: fault)
                    return .drop
                default: break
                }
            }
            var body: [String: JSONValue] = [:]
            if !req.body.isEmpty {
                guard let parsed = try? JSONValue.parse(Data(req.body)), let o = parsed.objectValue else {
                    throw ConnectError.frontDoor(code: "SerializationException", status: 400, message: "The request body is not a valid JSON object.")
                }
                body = o
            }
            let call = ServiceCall(operation: op, params: params, query: Router.parseQuery(rawQuery), body: body)
            let (result, _) = try service.perform(call)
            if fault == .dropAfter {
                logLine(started: started, operation: op, req: req, path: rawPath, status: nil, requestId: requestId, fault: fault)
                return .drop
            }
            let bytes = result.map { Array($0.serialized()) } ?? []
            outcome = .respond(status: 200, headers: [("Content-Type", "application/json"), ("x-amzn-RequestId", requestId)], body: bytes)
        } catch let e as ConnectError {
            outcome = Self.errorResponse(e, requestId: requestId)
        } catch {
            outcome = Self.errorResponse(ConnectError.internalError(), requestId: requestId)
        }
        if case .respond(let status, _, _) = outcome {
            logLine(started: started, operation: operation, req: req, path: rawPath, status: status, requestId: requestId, fault: fault)
        }
        return outcome
    }

    /// An S3 object call (`ObjectStorage`): latency, SigV4 for `s3`, then the object store.
    private func processObject(_ req: EmulatorHTTPRequest, headers: [String: String], rawPath: String, rawQuery: String,
                               started: Date, requestId: String) async -> EmulatorOutcome {
        if configuration.latencyMs > 0 {
            try? await Task.sleep(nanoseconds: UInt64(configuration.latencyMs) * 1_000_000)
        }
        var outcome: EmulatorOutcome
        do {
            if configuration.verifySignatures {
                var s3 = verifier
                s3.service = "s3"
                try s3.verify(.init(method: req.method, rawPath: rawPath, rawQuery: rawQuery, headers: headers, body: req.body))
            }
            outcome = ObjectStorage.handle(service, method: req.method, rawPath: rawPath, headers: headers, body: req.body,
                                           requestId: requestId)
        } catch let e as ConnectError {
            outcome = ObjectStorage.signatureError(e, requestId: requestId, head: req.method == "HEAD")
        } catch {
            outcome = ObjectStorage.error(500, "InternalError", "We encountered an internal error. Please try again.", requestId: requestId)
        }
        if case .respond(let status, _, _) = outcome {
            logLine(started: started, operation: ObjectStorage.operation(req.method), req: req, path: rawPath, status: status,
                    requestId: requestId, fault: nil)
        }
        return outcome
    }

    static func errorResponse(_ e: ConnectError, requestId: String) -> EmulatorOutcome {
        .respond(status: e.status,
                 headers: [("Content-Type", "application/json"), ("x-amzn-RequestId", requestId), ("x-amzn-ErrorType", e.code)],
                 body: Array(e.body().serialized()))
    }

    private func logLine(started: Date, operation: String, req: EmulatorHTTPRequest, path: String, status: Int?,
                         requestId: String, fault: Fault?) {
        guard let log else { return }
        var o: [String: JSONValue] = [
            "time": .string(ISO8601DateFormatter().string(from: started)),
            "operation": .string(operation), "method": .string(req.method), "path": .string(path),
            "status": status.map { .int($0) } ?? .null,
            "latencyMs": .double((Date().timeIntervalSince(started) * 1000 * 100).rounded() / 100),
            "requestId": .string(requestId),
        ]
        if let fault { o["fault"] = .string(fault.rawValue) }
        log.write(.object(o))
    }
}

/// A token bucket: `rate` tokens per second, at most `burst` stored.
struct TokenBucket: Sendable {
    var rate: Double
    var burst: Int
    var tokens: Double
    var last: Date

    init(rate: Double, burst: Int, now: Date = Date()) {
        self.rate = rate
        self.burst = burst
        self.tokens = Double(burst)
        self.last = now
    }

    mutating func take(now: Date = Date()) -> Bool {
        tokens = min(Double(burst), tokens + now.timeIntervalSince(last) * rate)
        last = now
        if tokens >= 1 {
            tokens -= 1
            return true
        }
        return false
    }
}

/// JSON lines request log. Never records the Authorization header or bodies.
final class RequestLog: Sendable {
    private let handle: Mutex<FileHandle>

    init(path: String) throws {
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw EmulatorSetupError("cannot create request log \(path)")
            }
        }
        guard let h = FileHandle(forWritingAtPath: path) else { throw EmulatorSetupError("cannot open request log \(path)") }
        h.seekToEndOfFile()
        handle = Mutex(h)
    }

    func write(_ line: JSONValue) {
        var data = line.serialized()
        data.append(0x0a)
        handle.withLock { $0.write(data) }
    }
}
