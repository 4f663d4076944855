import AWSClient
import Foundation
import SigV4
import Testing

@Suite("transport request shape")
struct TransportTests {
    static let arn = "arn:aws:connect:eu-west-2:123456789012:instance/i-1/queue/q-1"

    @Test func headersAndVerifiableSignature() async throws {
        try await withServer { server in
            let encoded = SigV4Signer.uriEncode(Self.arn)
            let request = AWSRequest(operation: "TagResource", method: "POST", path: "/tags/\(encoded)",
                                     query: [(name: "x", value: "a b"), (name: "x", value: "c/d")],
                                     body: Data(#"{"tags":{"env":"prod"}}"#.utf8))
            let response = try await withTransport(server: server) { try await $0.send(request) }
            #expect(response.status == 200)
            let r = try #require(server.requests.first)
            #expect(r.method == "POST")
            #expect(r.uri == "/tags/\(encoded)?x=a%20b&x=c%2Fd")
            #expect(r.header("Host") == "127.0.0.1:\(server.port)")
            #expect(r.header("Content-Type") == "application/json")
            #expect(r.header("User-Agent")?.hasPrefix("patchbay/") == true)
            #expect(r.header("amz-sdk-invocation-id")?.count == 36)
            #expect(r.header("amz-sdk-request") == "attempt=1; max=3")
            #expect(r.header("X-Amz-Security-Token") == testCredentials.sessionToken)
            #expect(r.header("X-Amz-Content-SHA256") == nil)
            #expect(r.bodyString == #"{"tags":{"env":"prod"}}"#)

            // Verify as the emulator does, with the static building blocks and what
            // arrived on the wire.
            let authorization = try #require(r.header("Authorization"))
            let auth = try #require(SigV4Authorization(header: authorization))
            #expect(auth.signedHeaders == ["content-type", "host", "x-amz-date", "x-amz-security-token"])
            #expect(auth.region == "eu-west-2" && auth.service == "connect")
            let query = r.uri.split(separator: "?").last!.split(separator: "&").map {
                let kv = $0.split(separator: "=").map { String($0).removingPercentEncoding! }
                return (name: kv[0], value: kv[1])
            }
            let creq = SigV4Signer.canonicalRequest(method: r.method, path: r.path, query: query, headers: r.headers,
                                                    signedHeaders: auth.signedHeaders, payloadHash: SigV4Signer.sha256Hex(r.body))
            #expect(creq.contains("/tags/arn%253Aaws%253Aconnect"))
            let amzDate = try #require(r.header("X-Amz-Date"))
            let sts = SigV4Signer.stringToSign(canonicalRequest: creq, amzDate: amzDate, scope: auth.scope)
            #expect(SigV4Signer.signature(secretAccessKey: testCredentials.secretAccessKey, dateStamp: auth.dateStamp,
                                          region: auth.region, service: auth.service, stringToSign: sts) == auth.signature)
        }
    }

    @Test func pathLabels() {
        #expect(AWSRequest.pathLabel("arn:aws:connect:us-east-1:1:instance/i/queue/q") == "arn%3Aaws%3Aconnect%3Aus-east-1%3A1%3Ainstance%2Fi%2Fqueue%2Fq")
        #expect(AWSRequest.pathLabel("fid:$SAVED") == "fid%3A%24SAVED")
        #expect(AWSRequest.pathLabel("a b~c_d.e-f") == "a%20b~c_d.e-f")
    }

    @Test func noContentTypeWithoutBodyAndBasePath() async throws {
        try await withServer { server in
            var config = try AWSClientConfiguration(region: "us-east-1", endpoint: AWSEndpoint(server.url + "/prefix/"),
                                                    credentialProvider: StaticCredentialProvider(testCredentials))
            config.rateLimits.enabled = false
            let transport = AWSHTTPTransport(configuration: config)
            defer { Task { try? await transport.shutdown() } }
            _ = try await transport.send(AWSRequest(operation: "ListQueues", method: "GET", path: "/queues-summary/i-1",
                                                    query: [(name: "nextToken", value: "a+b/c=")]))
            try await transport.shutdown()
            let r = try #require(server.requests.first)
            #expect(r.uri == "/prefix/queues-summary/i-1?nextToken=a%2Bb%2Fc%3D")
            #expect(r.header("Content-Type") == nil)
            #expect(SigV4Authorization(header: r.header("Authorization") ?? "")?.signedHeaders == ["host", "x-amz-date", "x-amz-security-token"])
        }
    }

    @Test func statisticsCountCallsByOperation() async throws {
        try await withServer { server in
            server.enqueue(.ok, .json(404, "{}", headers: [("x-amzn-ErrorType", "ResourceNotFoundException")]),
                           .json(500, "{}"), .ok)
            let stats = CallStatistics()
            try await withTransport(server: server, statistics: stats) { t in
                _ = try await t.send(AWSRequest(operation: "CreateQueue", method: "PUT", path: "/queues/i"))
                _ = try? await t.send(AWSRequest(operation: "DescribeQueue", method: "GET", path: "/queues/i/q"))
                _ = try await t.send(AWSRequest(operation: "DescribeQueue", method: "GET", path: "/queues/i/q"))
            }
            let s = stats.snapshot()
            #expect(s["CreateQueue"]?.calls == 1 && s["CreateQueue"]?.succeeded == 1)
            #expect(s["DescribeQueue"]?.calls == 2 && s["DescribeQueue"]?.attempts == 3)
            #expect(s["DescribeQueue"]?.failures == ["ResourceNotFoundException": 1])
            #expect(stats.total.calls == 3 && stats.total.attempts == 4)
            #expect(stats.summaryLines() == [
                "CreateQueue: 1 call, 1 attempt",
                "DescribeQueue: 2 calls, 3 attempts, 1 failed (ResourceNotFoundException ×1)",
            ])
        }
    }
}

@Suite("TLS")
struct TLSTests {
    /// https to a server that does not speak TLS: the handshake fails, and a TLS failure
    /// is not retried.
    @Test func tlsFailureIsNotRetried() async throws {
        try await withServer { server in
            var config = try AWSClientConfiguration(region: "us-east-1", endpoint: AWSEndpoint("https://127.0.0.1:\(server.port)"),
                                                    credentialProvider: StaticCredentialProvider(testCredentials))
            config.rateLimits.enabled = false
            config.connectTimeout = 1
            let transport = AWSHTTPTransport(configuration: config, clock: VirtualClock())
            let error = await #expect(throws: AWSTransportError.self) {
                try await transport.send(AWSRequest(operation: "ListQueues", method: "GET", path: "/queues-summary/i"))
            }
            try await transport.shutdown()
            #expect(error?.kind == .connection)
            #expect(error?.message.contains("TLS") == true, "\(error?.message ?? "")")
        }
    }
}
