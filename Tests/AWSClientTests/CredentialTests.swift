import AWSClient
import Foundation
import SigV4
import Testing

/// Credential chain order, profile parsing and the STS / container / IMDS sources, with
/// temporary files and local stand-in servers (never real AWS, never 169.254.x.x).
@Suite("credential chain")
struct CredentialTests {
    /// A safe base environment: HOME in a temp dir, IMDS disabled.
    static func baseEnv(_ dir: URL) -> [String: String] {
        ["HOME": dir.path, "AWS_EC2_METADATA_DISABLED": "true", "AWS_REGION": "eu-west-2"]
    }

    func resolve(_ env: [String: String], profile: String? = nil, clock: VirtualClock = VirtualClock()) async throws -> AWSCredentials {
        try await withChain(env, profile: profile, clock: clock) { try await $0.resolved() }
    }

    func withChain<T>(_ env: [String: String], profile: String? = nil, clock: VirtualClock = VirtualClock(),
                      _ body: (CredentialChain) async throws -> T) async throws -> T {
        let config = try AWSClientConfiguration.resolve(profile: profile, environment: env, clock: clock)
        let transport = AWSHTTPTransport(configuration: config, clock: clock)
        do {
            let chain = try #require(transport.credentialProvider as? CredentialChain)
            let result = try await body(chain)
            try await transport.shutdown()
            return result
        } catch {
            try? await transport.shutdown()
            throw error
        }
    }

    static let credentialsFile = """
        # comment
        [default]
        aws_access_key_id = AKIDDEFAULT
        aws_secret_access_key = secret-default

        ; another comment
        [dev]
        aws_access_key_id=AKIDDEV
        aws_secret_access_key=secret-dev
        aws_session_token = token-dev
        """

    @Test func environmentComesFirst() async throws {
        try await withTemporaryDirectory { dir in
            try write(Self.credentialsFile, to: dir.appendingPathComponent("credentials"))
            var env = Self.baseEnv(dir)
            env["AWS_SHARED_CREDENTIALS_FILE"] = dir.appendingPathComponent("credentials").path
            env["AWS_ACCESS_KEY_ID"] = "AKIDENV"
            env["AWS_SECRET_ACCESS_KEY"] = "secret-env"
            env["AWS_SESSION_TOKEN"] = "token-env"
            let c = try await resolve(env)
            #expect(c.credentials == SigV4Credentials(accessKeyId: "AKIDENV", secretAccessKey: "secret-env", sessionToken: "token-env"))
            #expect(c.source == "environment variables")
            // AWS_PROFILE does not outrank environment keys…
            env["AWS_PROFILE"] = "dev"
            #expect(try await resolve(env).credentials.accessKeyId == "AKIDENV")
            // …but an explicit --profile does (as in botocore).
            let explicit = try await resolve(env, profile: "dev")
            #expect(explicit.credentials == SigV4Credentials(accessKeyId: "AKIDDEV", secretAccessKey: "secret-dev", sessionToken: "token-dev"))
            #expect(explicit.source == "profile dev")
        }
    }

    @Test func profilesFromBothFiles() async throws {
        try await withTemporaryDirectory { dir in
            try FileManager.default.createDirectory(at: dir.appendingPathComponent(".aws"), withIntermediateDirectories: true)
            try write(Self.credentialsFile, to: dir.appendingPathComponent(".aws/credentials"))
            try write("""
                [default]
                region = us-west-2
                [profile cfg]
                # keys in the config file work too
                aws_access_key_id = AKIDCFG
                aws_secret_access_key = secret-cfg
                region = ap-southeast-2
                [cfgonly]
                aws_access_key_id = AKIDWRONG
                """, to: dir.appendingPathComponent(".aws/config"))
            var env = Self.baseEnv(dir)
            env["AWS_REGION"] = nil
            #expect(try await resolve(env).credentials.accessKeyId == "AKIDDEFAULT")
            env["AWS_PROFILE"] = "cfg"
            #expect(try await resolve(env).credentials.accessKeyId == "AKIDCFG")
            #expect(try AWSClientConfiguration.resolve(environment: env).region == "ap-southeast-2")
            // In the config file a non-default profile needs "profile "; [cfgonly] is no profile.
            env["AWS_PROFILE"] = "cfgonly"
            await #expect(throws: AWSTransportError.self) { try await resolve(env) }
        }
    }

    @Test func iniParsing() {
        let text = """
            # top comment
            [profile a]
            region = eu-west-1   
            services = mine
            ; comment
            endpoint_url: http://localhost:4566
            [services mine]
            connect =
              endpoint_url = http://127.0.0.1:9000
            sts =
              endpoint_url = http://127.0.0.1:9001
            [ default ]
            output=json
            """
        let sections = SharedConfigFiles.parse(text)
        #expect(sections.map(\.0) == ["profile a", "services mine", "default"])
        #expect(sections[0].1["region"] == .string("eu-west-1"))
        #expect(sections[0].1["endpoint_url"] == .string("http://localhost:4566"))
        #expect(sections[1].1["connect"] == .nested(["endpoint_url": "http://127.0.0.1:9000"]))
        #expect(sections[1].1["sts"] == .nested(["endpoint_url": "http://127.0.0.1:9001"]))
        #expect(sections[2].1["output"] == .string("json"))
    }

    @Test func webIdentityAgainstLocalSTS() async throws {
        try await withTemporaryDirectory { dir in
            let tokenFile = dir.appendingPathComponent("token")
            try write("eyJhbGciOiJSUzI1NiJ9.first-token\n", to: tokenFile)
            try await withServer(router: { r in
                guard r.form["Action"] == "AssumeRoleWithWebIdentity" else { return .respond(status: 400, headers: [], body: "") }
                let n = r.form["WebIdentityToken"]!.hasSuffix("first-token") ? "1" : "2"
                return .respond(status: 200, headers: [("Content-Type", "text/xml")],
                                body: stsCredentialsXML(action: "AssumeRoleWithWebIdentity", accessKeyId: "ASIAWEB\(n)",
                                                        secret: "web-secret-\(n)", token: "web-token-\(n)",
                                                        expiration: n == "1" ? "2026-01-01T01:00:00Z" : "2026-01-01T02:00:00Z"))
            }) { sts in
                var env = Self.baseEnv(dir)
                env["AWS_WEB_IDENTITY_TOKEN_FILE"] = tokenFile.path
                env["AWS_ROLE_ARN"] = "arn:aws:iam::123456789012:role/gha"
                env["AWS_ROLE_SESSION_NAME"] = "ci-run-42"
                env["AWS_ENDPOINT_URL_STS"] = sts.url
                // A profile with keys exists too: web identity from the environment comes first.
                try write(Self.credentialsFile, to: dir.appendingPathComponent("credentials"))
                env["AWS_SHARED_CREDENTIALS_FILE"] = dir.appendingPathComponent("credentials").path
                let clock = VirtualClock()
                try await withChain(env, clock: clock) { chain in
                    let first = try await chain.resolved()
                    #expect(first.credentials == SigV4Credentials(accessKeyId: "ASIAWEB1", secretAccessKey: "web-secret-1", sessionToken: "web-token-1"))
                    #expect(first.expiration == Date(timeIntervalSince1970: 1_767_225_600 + 3600))
                    #expect(first.source.contains("web identity"))
                    let r = try #require(sts.requests.first)
                    #expect(r.method == "POST" && r.path == "/")
                    #expect(r.header("Authorization") == nil)  // unsigned
                    #expect(r.header("Content-Type") == "application/x-www-form-urlencoded; charset=utf-8")
                    #expect(r.form == ["Action": "AssumeRoleWithWebIdentity", "Version": "2011-06-15",
                                       "RoleArn": "arn:aws:iam::123456789012:role/gha", "RoleSessionName": "ci-run-42",
                                       "WebIdentityToken": "eyJhbGciOiJSUzI1NiJ9.first-token"])
                    // Cached while more than 15 minutes are left.
                    clock.advance(40 * 60)
                    _ = try await chain.resolved()
                    #expect(sts.requests.count == 1)
                    // Inside the refresh window the token file is read again.
                    try write("eyJhbGciOiJSUzI1NiJ9.second-token", to: tokenFile)
                    clock.advance(6 * 60)
                    let second = try await chain.resolved()
                    #expect(second.credentials.accessKeyId == "ASIAWEB2")
                    #expect(sts.requests.count == 2)
                    #expect(sts.requests[1].form["WebIdentityToken"] == "eyJhbGciOiJSUzI1NiJ9.second-token")
                }
            }
        }
    }

    @Test func advisoryRefreshFailureKeepsCredentialsMandatoryDoesNot() async throws {
        try await withTemporaryDirectory { dir in
            let tokenFile = dir.appendingPathComponent("token")
            try write("tok", to: tokenFile)
            try await withServer { sts in
                sts.enqueue(.respond(status: 200, headers: [], body: stsCredentialsXML(
                    action: "AssumeRoleWithWebIdentity", accessKeyId: "ASIAONE", secret: "s1", token: "t1", expiration: "2026-01-01T01:00:00Z")))
                var env = Self.baseEnv(dir)
                env["AWS_WEB_IDENTITY_TOKEN_FILE"] = tokenFile.path
                env["AWS_ROLE_ARN"] = "arn:aws:iam::123456789012:role/r"
                env["AWS_ENDPOINT_URL_STS"] = sts.url
                let clock = VirtualClock()
                try await withChain(env, clock: clock) { chain in
                    let initial = try await chain.credentials()
                    #expect(initial.accessKeyId == "ASIAONE")
                    let failure = TestHTTPServer.Action.respond(status: 400, headers: [], body: """
                        <ErrorResponse><Error><Type>Sender</Type><Code>InvalidIdentityToken</Code><Message>Token expired</Message></Error></ErrorResponse>
                        """)
                    sts.enqueue(failure, failure)
                    clock.advance(46 * 60)  // 14 min left: advisory window
                    let kept = try await chain.credentials()
                    #expect(kept.accessKeyId == "ASIAONE")
                    clock.advance(5 * 60)  // 9 min left: mandatory
                    let error = await #expect(throws: AWSTransportError.self) { try await chain.credentials() }
                    #expect(error?.message.contains("InvalidIdentityToken") == true)
                    #expect(sts.requests.count == 3)
                }
            }
        }
    }

    @Test func assumeRoleWithSourceProfileIsSigned() async throws {
        try await withTemporaryDirectory { dir in
            try await withServer(router: { _ in
                .respond(status: 200, headers: [], body: stsCredentialsXML(
                    action: "AssumeRole", accessKeyId: "ASIAROLE", secret: "role-secret", token: "role-token",
                    expiration: "2026-01-01T01:00:00.000Z"))
            }) { sts in
                try write("""
                    [profile deploy]
                    role_arn = arn:aws:iam::123456789012:role/deploy
                    source_profile = base
                    role_session_name = patchbay-test
                    external_id = ext-123
                    duration_seconds = 1800
                    region = eu-central-1
                    """, to: dir.appendingPathComponent("config"))
                try write("[base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = base-secret\n",
                          to: dir.appendingPathComponent("credentials"))
                var env = Self.baseEnv(dir)
                env["AWS_CONFIG_FILE"] = dir.appendingPathComponent("config").path
                env["AWS_SHARED_CREDENTIALS_FILE"] = dir.appendingPathComponent("credentials").path
                env["AWS_ENDPOINT_URL_STS"] = sts.url
                env["AWS_REGION"] = nil
                let c = try await resolve(env, profile: "deploy")
                #expect(c.credentials == SigV4Credentials(accessKeyId: "ASIAROLE", secretAccessKey: "role-secret", sessionToken: "role-token"))
                #expect(c.source.contains("assume role arn:aws:iam::123456789012:role/deploy from profile base"))
                let r = try #require(sts.requests.first)
                #expect(r.form == ["Action": "AssumeRole", "Version": "2011-06-15", "RoleArn": "arn:aws:iam::123456789012:role/deploy",
                                   "RoleSessionName": "patchbay-test", "ExternalId": "ext-123", "DurationSeconds": "1800"])
                // Signed with the source profile's keys, for sts in the profile's region.
                let authorization = try #require(r.header("Authorization"))
                let auth = try #require(SigV4Authorization(header: authorization))
                #expect(auth.accessKeyId == "AKIDBASE" && auth.service == "sts" && auth.region == "eu-central-1")
                let creq = SigV4Signer.canonicalRequest(method: "POST", path: r.path, query: [], headers: r.headers,
                                                        signedHeaders: auth.signedHeaders, payloadHash: SigV4Signer.sha256Hex(r.body))
                let amzDate = try #require(r.header("X-Amz-Date"))
                let sts2s = SigV4Signer.stringToSign(canonicalRequest: creq, amzDate: amzDate, scope: auth.scope)
                #expect(SigV4Signer.signature(secretAccessKey: "base-secret", dateStamp: auth.dateStamp, region: auth.region,
                                              service: "sts", stringToSign: sts2s) == auth.signature)
            }
        }
    }

    @Test func roleProblemsAreClearErrors() async throws {
        try await withTemporaryDirectory { dir in
            try write("""
                [profile mfa]
                role_arn = arn:aws:iam::1:role/x
                source_profile = mfa
                mfa_serial = arn:aws:iam::1:mfa/me
                [profile loop1]
                role_arn = arn:aws:iam::1:role/x
                source_profile = loop2
                [profile loop2]
                role_arn = arn:aws:iam::1:role/y
                source_profile = loop1
                [profile nosource]
                role_arn = arn:aws:iam::1:role/x
                """, to: dir.appendingPathComponent("config"))
            var env = Self.baseEnv(dir)
            env["AWS_CONFIG_FILE"] = dir.appendingPathComponent("config").path
            env["AWS_ENDPOINT_URL_STS"] = "http://127.0.0.1:9"  // never reached
            for (profile, fragment) in [("mfa", "mfa_serial"), ("loop1", "cycle"), ("nosource", "no source_profile")] {
                let error = await #expect(throws: AWSTransportError.self) { try await resolve(env, profile: profile) }
                #expect(error?.message.contains(fragment) == true, "\(profile): \(error?.message ?? "")")
            }
        }
    }

    @Test func containerCredentialsWithTokenFile() async throws {
        try await withTemporaryDirectory { dir in
            let tokenFile = dir.appendingPathComponent("eks-token")
            try write("pod-identity-token\n", to: tokenFile)
            try await withServer(router: { r in
                guard r.path == "/v1/credentials", r.header("Authorization") == "pod-identity-token" else {
                    return .respond(status: 401, headers: [], body: "")
                }
                return .json(200, #"{"AccessKeyId":"ASIACONTAINER","SecretAccessKey":"c-secret","Token":"c-token","Expiration":"2026-01-01T06:00:00Z"}"#)
            }) { server in
                var env = Self.baseEnv(dir)
                env["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = server.url + "/v1/credentials"
                env["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"] = tokenFile.path
                let c = try await resolve(env)
                #expect(c.credentials == SigV4Credentials(accessKeyId: "ASIACONTAINER", secretAccessKey: "c-secret", sessionToken: "c-token"))
                #expect(c.expiration == Date(timeIntervalSince1970: 1_767_225_600 + 6 * 3600))
                #expect(c.source == "container credentials")
            }
            var env = Self.baseEnv(dir)
            env["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = "http://example.com/creds"
            let error = await #expect(throws: AWSTransportError.self) { try await resolve(env) }
            #expect(error?.message.contains("not allowed") == true)
        }
    }

    @Test func imdsV2AgainstLocalStandIn() async throws {
        try await withTemporaryDirectory { dir in
            try await withServer(router: { r in
                switch (r.method, r.path) {
                case ("PUT", "/latest/api/token"):
                    return r.header("x-aws-ec2-metadata-token-ttl-seconds") == "21600"
                        ? .respond(status: 200, headers: [], body: "imds-session-token") : .respond(status: 400, headers: [], body: "")
                case ("GET", "/latest/meta-data/iam/security-credentials/"):
                    return r.header("x-aws-ec2-metadata-token") == "imds-session-token"
                        ? .respond(status: 200, headers: [], body: "patchbay-role") : .respond(status: 401, headers: [], body: "")
                case ("GET", "/latest/meta-data/iam/security-credentials/patchbay-role"):
                    return .json(200, #"{"Code":"Success","Type":"AWS-HMAC","AccessKeyId":"ASIAIMDS","SecretAccessKey":"i-secret","Token":"i-token","Expiration":"2026-01-01T06:00:00Z"}"#)
                default:
                    return .respond(status: 404, headers: [], body: "")
                }
            }) { imds in
                var env = Self.baseEnv(dir)
                env["AWS_EC2_METADATA_DISABLED"] = nil
                env["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = imds.url
                let c = try await resolve(env)
                #expect(c.credentials == SigV4Credentials(accessKeyId: "ASIAIMDS", secretAccessKey: "i-secret", sessionToken: "i-token"))
                #expect(c.source == "EC2 instance metadata (role patchbay-role)")
                #expect(imds.requests.map { "\($0.method) \($0.path)" } == [
                    "PUT /latest/api/token", "GET /latest/meta-data/iam/security-credentials/",
                    "GET /latest/meta-data/iam/security-credentials/patchbay-role",
                ])
            }
        }
    }

    @Test func nothingFoundListsEverySource() async throws {
        try await withTemporaryDirectory { dir in
            // IMDS pointed at a closed loopback port: unreachable, skipped. (Port 1: a port freed by a
            // stopped test server could be taken by another test's server running at the same time.)
            let closedURL = "http://127.0.0.1:1"
            var env = Self.baseEnv(dir)
            env["AWS_EC2_METADATA_DISABLED"] = nil
            env["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = closedURL
            let error = await #expect(throws: AWSTransportError.self) { try await resolve(env) }
            let message = error?.message ?? ""
            #expect(error?.kind == .credentials)
            for fragment in ["no AWS credentials found", "environment variables: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY not set",
                             "web identity (AWS_WEB_IDENTITY_TOKEN_FILE): AWS_WEB_IDENTITY_TOKEN_FILE not set",
                             "shared config profile 'default': profile 'default' no config or credentials file found",
                             "container credentials", "EC2 instance metadata (IMDSv2): instance metadata service at \(closedURL) not reachable"] {
                #expect(message.contains(fragment), "missing '\(fragment)' in:\n\(message)")
            }
            env["AWS_EC2_METADATA_DISABLED"] = "true"
            let disabled = await #expect(throws: AWSTransportError.self) { try await resolve(env) }
            #expect(disabled?.message.contains("disabled by AWS_EC2_METADATA_DISABLED=true") == true)
            env["AWS_PROFILE"] = "missing"
            let missing = await #expect(throws: AWSTransportError.self) { try await resolve(env) }
            #expect(missing?.message.contains("profile 'missing' not found") == true)
        }
    }

    @Test func loopbackEndpointNeverContactsInstanceMetadata() async throws {
        try await withTemporaryDirectory { dir in
            var env = Self.baseEnv(dir)
            env["AWS_EC2_METADATA_DISABLED"] = nil
            env["AWS_ENDPOINT_URL_CONNECT"] = "http://127.0.0.1:4566"
            let error = await #expect(throws: AWSTransportError.self) { try await resolve(env) }
            #expect(error?.message.contains("EC2 instance metadata (IMDSv2): skipped because the Connect endpoint http://127.0.0.1:4566 is a loopback address") == true)
        }
    }
}

@Suite("credential refresh concurrency")
struct CredentialConcurrencyTests {
    @Test func concurrentCallersShareOneRefresh() async throws {
        try await withTemporaryDirectory { dir in
            let tokenFile = dir.appendingPathComponent("token")
            try write("tok", to: tokenFile)
            try await withServer(router: { _ in
                .delay(0.2, .respond(status: 200, headers: [], body: stsCredentialsXML(
                    action: "AssumeRoleWithWebIdentity", accessKeyId: "ASIASHARED", secret: "s", token: "t",
                    expiration: "2026-01-01T01:00:00Z")))
            }) { sts in
                let env = ["HOME": dir.path, "AWS_EC2_METADATA_DISABLED": "true", "AWS_REGION": "eu-west-2",
                           "AWS_WEB_IDENTITY_TOKEN_FILE": tokenFile.path, "AWS_ROLE_ARN": "arn:aws:iam::1:role/r",
                           "AWS_ENDPOINT_URL_STS": sts.url]
                let config = try AWSClientConfiguration.resolve(environment: env, clock: VirtualClock())
                let transport = AWSHTTPTransport(configuration: config)
                let chain = try #require(transport.credentialProvider as? CredentialChain)
                let keys = try await withThrowingTaskGroup(of: String.self) { group in
                    for _ in 0..<20 { group.addTask { try await chain.credentials().accessKeyId } }
                    var all: [String] = []
                    for try await k in group { all.append(k) }
                    return all
                }
                try await transport.shutdown()
                #expect(keys == Array(repeating: "ASIASHARED", count: 20))
                #expect(sts.requests.count == 1)
            }
        }
    }
}
