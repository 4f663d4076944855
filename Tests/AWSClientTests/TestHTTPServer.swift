import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// A tiny HTTP/1.1 server on 127.0.0.1 for tests: answers each request with a
/// scripted action (a response, a delayed response, or a dropped connection) and
/// records what it received.
final class TestHTTPServer: @unchecked Sendable {
    struct Request: Sendable {
        var method: String
        var uri: String
        var headers: [(name: String, value: String)]
        var body: Data

        var path: String { String(uri.prefix { $0 != "?" }) }
        var bodyString: String { String(decoding: body, as: UTF8.self) }
        func header(_ name: String) -> String? {
            headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
        }
        /// Decoded form fields (STS query protocol).
        var form: [String: String] {
            var out: [String: String] = [:]
            for pair in bodyString.split(separator: "&") {
                let kv = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
                out[kv[0]] = kv.count > 1 ? kv[1] : ""
            }
            return out
        }
    }

    indirect enum Action: Sendable {
        case respond(status: Int, headers: [(String, String)], body: String)
        case drop
        /// Close with SO_LINGER 0, so the client sees a TCP reset.
        case reset
        case delay(Double, Action)
        /// Headers at once, then the body one byte every `interval` seconds (a hostile or stuck peer).
        case trickle(body: String, interval: Double)

        static func json(_ status: Int, _ body: String, headers: [(String, String)] = []) -> Action {
            .respond(status: status, headers: [("Content-Type", "application/json")] + headers, body: body)
        }
        static let ok = Action.json(200, "{}")
    }

    private let lock = NSLock()
    private var script: [Action] = []
    private var router: (@Sendable (Request) -> Action)?
    private var received: [Request] = []
    private let group: MultiThreadedEventLoopGroup
    private var channel: Channel?
    private(set) var port: Int = 0

    var url: String { "http://127.0.0.1:\(port)" }

    /// - Parameter router: answers requests when the script queue is empty (default: 200 `{}`).
    init(router: (@Sendable (Request) -> Action)? = nil) async throws {
        self.router = router
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { [self] channel in
                channel.pipeline.configureHTTPServerPipeline(withErrorHandling: true).flatMap {
                    channel.pipeline.addHandler(Handler(server: self))
                }
            }
        let ch = try await bootstrap.bind(host: "127.0.0.1", port: 0).get()
        channel = ch
        port = ch.localAddress?.port ?? 0
    }

    func enqueue(_ actions: Action...) {
        lock.withLock { script.append(contentsOf: actions) }
    }

    var requests: [Request] { lock.withLock { received } }

    func stop() async {
        try? await channel?.close().get()
        try? await group.shutdownGracefully()
    }

    fileprivate func handle(_ request: Request) -> Action {
        lock.withLock {
            received.append(request)
            if !script.isEmpty { return script.removeFirst() }
            return router?(request) ?? .ok
        }
    }

    private final class Handler: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart
        let server: TestHTTPServer
        var head: HTTPRequestHead?
        var body = Data()

        init(server: TestHTTPServer) { self.server = server }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let h):
                head = h
                body = Data()
            case .body(var buffer):
                body.append(contentsOf: buffer.readBytes(length: buffer.readableBytes) ?? [])
            case .end:
                guard let head else { return }
                let request = Request(method: head.method.rawValue, uri: head.uri,
                                      headers: head.headers.map { (name: $0.name, value: $0.value) }, body: body)
                perform(server.handle(request), context: context, version: head.version)
            }
        }

        func trickle(_ bytes: ArraySlice<UInt8>, every interval: Double, context: ChannelHandlerContext) {
            guard let first = bytes.first else {
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
                return
            }
            let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            context.eventLoop.scheduleTask(in: .milliseconds(Int64(interval * 1000))) {
                let (handler, ctx) = loopBound.value
                guard ctx.channel.isActive else { return }
                ctx.writeAndFlush(handler.wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: [first])))), promise: nil)
                handler.trickle(bytes.dropFirst(), every: interval, context: ctx)
            }
        }

        func perform(_ action: Action, context: ChannelHandlerContext, version: HTTPVersion) {
            switch action {
            case .drop:
                context.close(promise: nil)
            case .reset:
                if let provider = context.channel as? SocketOptionProvider {
                    let channel = context.channel
                    provider.setSoLinger(linger(l_onoff: 1, l_linger: 0)).whenComplete { _ in
                        channel.close(promise: nil)
                    }
                } else {
                    context.close(promise: nil)
                }
            case .delay(let seconds, let next):
                let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
                context.eventLoop.scheduleTask(in: .milliseconds(Int64(seconds * 1000))) {
                    let (handler, ctx) = loopBound.value
                    handler.perform(next, context: ctx, version: version)
                }
            case .trickle(let text, let interval):
                var h = HTTPHeaders()
                h.add(name: "Content-Type", value: "application/json")
                h.add(name: "Content-Length", value: String(text.utf8.count))
                context.writeAndFlush(wrapOutboundOut(.head(HTTPResponseHead(version: version, status: .ok, headers: h))), promise: nil)
                trickle(Array(text.utf8)[...], every: interval, context: context)
            case .respond(let status, let headers, let text):
                var h = HTTPHeaders()
                for (k, v) in headers { h.add(name: k, value: v) }
                let bytes = Array(text.utf8)
                h.replaceOrAdd(name: "Content-Length", value: String(bytes.count))
                let head = HTTPResponseHead(version: version, status: HTTPResponseStatus(statusCode: status), headers: h)
                context.write(wrapOutboundOut(.head(head)), promise: nil)
                context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: bytes)))), promise: nil)
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            }
        }
    }
}
