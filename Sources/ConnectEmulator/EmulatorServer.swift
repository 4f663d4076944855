import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A local, wire-compatible Amazon Connect endpoint (design.md §5). Start it in-process
/// on port 0 for tests, or run it with `patchbay emulator`.
public final class EmulatorServer: Sendable {
    public let configuration: EmulatorConfiguration
    private let runtime: Mutex<Runtime>
    private let logger = Logger(label: "patchbay.emulator")

    private struct Runtime {
        var instanceId: String
        var processor: RequestProcessor?
        var group: MultiThreadedEventLoopGroup?
        var serverChannel: (any Channel)?
        var acceptTask: Task<Void, Never>?
        var connections: [ObjectIdentifier: (channel: any Channel, busy: Bool)] = [:]
        var shuttingDown = false
        var url: URL?
    }

    public init(configuration: EmulatorConfiguration) {
        self.configuration = configuration
        runtime = Mutex(Runtime(instanceId: configuration.instanceId ?? ""))
    }

    /// The instance this emulator serves (known after `start()`; before, the configured id).
    public var instanceId: String { runtime.withLock { $0.instanceId } }

    /// The base URL once started (`http://HOST:PORT`).
    public var url: URL? { runtime.withLock { $0.url } }

    /// Loads or creates the instance, binds and starts serving. Returns `http://HOST:PORT`.
    public func start() async throws -> URL {
        let config = configuration
        if runtime.withLock({ $0.processor != nil }) { throw EmulatorSetupError("the emulator is already started") }
        if config.faultRate < 0 || config.faultRate > 1 { throw EmulatorSetupError("--fault-rate must be between 0 and 1") }
        if config.latencyMs < 0 { throw EmulatorSetupError("--latency-ms must not be negative") }
        var loaded: InstanceState?
        if let path = config.stateFile {
            loaded = try StateFile.load(path: path)
            if let l = loaded, let wanted = config.instanceId, wanted != l.instanceId {
                throw EmulatorSetupError("state file \(path) holds instance \(l.instanceId), not --instance-id \(wanted); use another --state file or drop --instance-id")
            }
            if let l = loaded, l.region != config.region || l.accountId != config.accountId {
                throw EmulatorSetupError("state file \(path) holds an instance in \(l.region)/\(l.accountId), not \(config.region)/\(config.accountId)")
            }
        }
        let service = ConnectService(configuration: config, state: loaded, random: EmulatorRandom(seed: config.randomSeed))
        if let path = config.stateFile, loaded == nil { try StateFile.save(service.snapshot(), path: path) }
        let processor = try RequestProcessor(configuration: config, service: service)

        let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        let server: NIOAsyncChannel<NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>, Never>
        do {
            server = try await ServerBootstrap(group: group)
                .serverChannelOption(ChannelOptions.backlog, value: 256)
                .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
                .bind(host: config.host, port: config.port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                        return try NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            try? await group.shutdownGracefully()
            if let io = error as? IOError, io.errnoCode == EADDRINUSE {
                throw EmulatorSetupError("cannot listen on \(config.host):\(config.port): the port is already in use (pick another with --port, or --port 0 for any free one)")
            }
            throw EmulatorSetupError("cannot listen on \(config.host):\(config.port): \(error)")
        }
        let port = server.channel.localAddress?.port ?? config.port
        let host = config.host.contains(":") ? "[\(config.host)]" : config.host
        guard let url = URL(string: "http://\(host):\(port)") else { throw EmulatorSetupError("bad host \(config.host)") }

        let task = Task { [self] in
            await withDiscardingTaskGroup { tasks in
                do {
                    try await server.executeThenClose { inbound in
                        for try await connection in inbound {
                            tasks.addTask { await self.serve(connection, processor: processor) }
                        }
                    }
                } catch {
                    logger.debug("accept loop ended: \(error)")
                }
            }
        }
        runtime.withLock {
            $0.instanceId = service.instanceId
            $0.processor = processor
            $0.group = group
            $0.serverChannel = server.channel
            $0.acceptTask = task
            $0.url = url
        }
        return url
    }

    /// Stops accepting, lets in-flight requests finish, closes idle connections.
    public func shutdown() async throws {
        let (server, task, group, idle) = runtime.withLock { rt -> ((any Channel)?, Task<Void, Never>?, MultiThreadedEventLoopGroup?, [any Channel]) in
            rt.shuttingDown = true
            let idle = rt.connections.values.filter { !$0.busy }.map(\.channel)
            let r = (rt.serverChannel, rt.acceptTask, rt.group, idle)
            rt.serverChannel = nil
            rt.acceptTask = nil
            rt.group = nil
            return r
        }
        try? await server?.close()
        for c in idle { try? await c.close() }
        await task?.value
        runtime.withLock { $0.processor }?.service.flush()
        try await group?.shutdownGracefully()
    }

    private func setBusy(_ channel: any Channel, _ busy: Bool) -> Bool {
        runtime.withLock { rt in
            rt.connections[ObjectIdentifier(channel)] = (channel, busy)
            return rt.shuttingDown
        }
    }

    private func serve(_ connection: NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>, processor: RequestProcessor) async {
        let channel = connection.channel
        if setBusy(channel, false) { try? await channel.close(); return }
        defer { runtime.withLock { $0.connections[ObjectIdentifier(channel)] = nil } }
        do {
            try await connection.executeThenClose { inbound, outbound in
                var head: HTTPRequestHead?
                var body = ByteBuffer()
                for try await part in inbound {
                    switch part {
                    case .head(let h):
                        head = h
                        body.clear()
                        _ = setBusy(channel, true)
                    case .body(var chunk):
                        body.writeBuffer(&chunk)
                    case .end:
                        guard let h = head else { continue }
                        head = nil
                        let request = EmulatorHTTPRequest(method: h.method.rawValue, uri: h.uri,
                                                          headers: h.headers.map { ($0.name, $0.value) },
                                                          body: body.readableBytesView.map { $0 })
                        let outcome = await processor.process(request)
                        guard case .respond(let status, let headers, let bytes) = outcome else { return }  // dropped
                        let stopping = setBusy(channel, false)
                        let keepAlive = h.isKeepAlive && !stopping
                        var responseHeaders = HTTPHeaders(headers)
                        // A HEAD answer states the length of the body a GET would have (S3 HeadObject).
                        if !responseHeaders.contains(name: "Content-Length") {
                            responseHeaders.add(name: "Content-Length", value: String(bytes.count))
                        }
                        responseHeaders.add(name: "Date", value: Self.httpDate())
                        responseHeaders.add(name: "Connection", value: keepAlive ? "keep-alive" : "close")
                        try await outbound.write(.head(HTTPResponseHead(version: h.version, status: .init(statusCode: status), headers: responseHeaders)))
                        if !bytes.isEmpty { try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: bytes)))) }
                        try await outbound.write(.end(nil))
                        if !keepAlive { return }
                    }
                }
            }
        } catch {
            logger.debug("connection ended: \(error)")
        }
    }

    private static func httpDate() -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "GMT")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return f.string(from: Date())
    }
}
