import AWSClient
import Foundation
import Logging
import SigV4
import Testing

@Suite("observability")
struct LoggingTests {
    /// Makes calls that succeed, retry, fail, and load credentials through STS, with every
    /// log line captured at trace level; no secret may appear in any of them.
    @Test func noSecretInAnyLogLine() async throws {
        let capture = LogCapture()
        let password = "hunter2-PASSWORD-never-logged"
        let webToken = "eyJhbGciOiJSUzI1NiJ9.WEB-IDENTITY-TOKEN-never-logged"
        let stsSecret = "STS-SECRET-never-logged"
        let stsToken = "STS-SESSION-TOKEN-never-logged"
        var authorizationSignatures: [String] = []

        try await withTemporaryDirectory { dir in
            let tokenFile = dir.appendingPathComponent("token")
            try write(webToken, to: tokenFile)
            try await withServer(router: { _ in
                .respond(status: 200, headers: [], body: stsCredentialsXML(
                    action: "AssumeRoleWithWebIdentity", accessKeyId: "ASIALOGTEST", secret: stsSecret, token: stsToken,
                    expiration: "2026-01-01T00:20:00Z"))  // inside the refresh window soon
            }) { sts in try await withServer { server in
                server.enqueue(
                    .json(429, #"{"message":"Rate exceeded"}"#, headers: [("x-amzn-ErrorType", "ThrottlingException")]),
                    .drop,
                    .json(200, #"{"UserId":"u-1"}"#, headers: [("x-amzn-RequestId", "rid-1")]),
                    .json(400, #"{"message":"Password \#(password) does not meet policy"}"#, headers: [("x-amzn-ErrorType", "InvalidParameterException")]))
                let env = ["HOME": dir.path, "AWS_EC2_METADATA_DISABLED": "true", "AWS_REGION": "eu-west-2",
                           "AWS_WEB_IDENTITY_TOKEN_FILE": tokenFile.path, "AWS_ROLE_ARN": "arn:aws:iam::1:role/ci",
                           "AWS_ENDPOINT_URL_STS": sts.url, "AWS_ENDPOINT_URL_CONNECT": server.url]
                let clock = VirtualClock()
                let config = try AWSClientConfiguration.resolve(environment: env, clock: clock)
                var limited = config
                limited.rateLimits.enabled = false
                let transport = AWSHTTPTransport(configuration: limited, logger: capture.logger, clock: clock, random: FixedRandom(value: 0.1))
                let body = Data(#"{"Username":"agent1","Password":"\#(password)","PhoneConfig":{"PhoneType":"SOFT_PHONE"}}"#.utf8)
                let create = AWSRequest(operation: "CreateUser", method: "PUT", path: "/users/i-1", body: body)
                do {
                    _ = try await transport.send(create)
                    await #expect(throws: AWSServiceError.self) { try await transport.send(create) }
                    // Advisory refresh that fails is logged as a warning.
                    sts.enqueue(.respond(status: 500, headers: [], body: "<ErrorResponse><Error><Code>InternalFailure</Code></Error></ErrorResponse>"))
                    clock.advance(6 * 60)
                    _ = try await transport.send(AWSRequest(operation: "ListUsers", method: "GET", path: "/users-summary/i-1"))
                    try await transport.shutdown()
                } catch {
                    try? await transport.shutdown()
                    throw error
                }
                authorizationSignatures = server.requests.compactMap { $0.header("Authorization") }
                    .compactMap { SigV4Authorization(header: $0)?.signature }
            } }
        }

        let lines = capture.lines
        if ProcessInfo.processInfo.environment["PATCHBAY_PRINT_LOGS"] != nil { lines.forEach { print($0) } }
        // The capture saw the calls (so the check below is not vacuous).
        #expect(lines.contains { $0.contains("operation=CreateUser") && $0.contains("status=429") })
        #expect(lines.contains { $0.contains("operation=CreateUser") && $0.contains("error=connection") })
        #expect(lines.contains { $0.contains("call succeeded") && $0.contains("request_id=rid-1") && $0.contains("latency_ms=") })
        #expect(lines.contains { $0.contains("credentials loaded") })
        #expect(lines.contains { $0.contains("credential refresh failed") })
        #expect(authorizationSignatures.count >= 4)
        let secrets = [password, webToken, stsSecret, stsToken, "Authorization", "AWS4-HMAC-SHA256"] + authorizationSignatures
        for line in lines {
            for secret in secrets {
                #expect(!line.contains(secret), "log line leaks '\(secret)': \(line)")
            }
        }
    }

    @Test func transportDescriptionsDoNotLeak() throws {
        let creds = AWSCredentials(credentials: SigV4Credentials(accessKeyId: "AKID", secretAccessKey: "S3CR3T", sessionToken: "T0K3N"),
                                   source: "environment variables")
        #expect(!"\(creds)".contains("S3CR3T") && !"\(creds)".contains("T0K3N"))
        var dumped = ""
        dump(creds, to: &dumped)
        #expect(!dumped.contains("S3CR3T") && !dumped.contains("T0K3N"))
    }
}
