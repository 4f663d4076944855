import AWSClient
import Foundation
import SigV4
import Testing

/// Issue 15 item 7: `credential_process` and SSO profiles (sso_session and legacy), with
/// temporary files and a local stand-in for the SSO portal and SSO OIDC endpoints.
extension CredentialTests {
    /// SHA-1 of the cache key, as the AWS CLI names its cache files (computed with sha1sum).
    static let cacheNames = ["corp": "ee0bfd2552fbd840c02cc48b6e823320543c450f", "https://old.awsapps.com/start": "33d5ca4bf3b1a62edb96b47f7c203034a43ac435"]

    static func ssoCache(_ dir: URL, key: String, _ json: String) throws {
        let digest = try #require(cacheNames[key])
        let cache = dir.appendingPathComponent(".aws/sso/cache")
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        try write(json, to: cache.appendingPathComponent("\(digest).json"))
    }

    static func roleCredentials(_ n: String) -> TestHTTPServer.Action {
        .json(200, #"{"roleCredentials":{"accessKeyId":"ASIASSO\#(n)","secretAccessKey":"sso-secret-\#(n)","sessionToken":"sso-token-\#(n)","expiration":1767229200000}}"#)
    }

    @Test func credentialProcessOutputIsUsed() async throws {
        try await withTemporaryDirectory { dir in
            let script = dir.appendingPathComponent("creds.sh")
            try write("""
                #!/bin/sh
                [ "$1" = "--account" ] || { echo "bad arguments: $*" >&2; exit 3; }
                echo '{"Version": 1, "AccessKeyId": "ASIAPROC", "SecretAccessKey": "proc-secret", "SessionToken": "proc-token", "Expiration": "2026-01-01T01:00:00Z"}'
                """, to: script)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
            try write("""
                [profile proc]
                credential_process = \(script.path) --account "prod 1"
                [profile broken]
                credential_process = \(script.path) wrong
                [profile garbage]
                credential_process = echo not-json
                """, to: dir.appendingPathComponent("config"))
            var env = Self.baseEnv(dir)
            env["AWS_CONFIG_FILE"] = dir.appendingPathComponent("config").path
            let c = try await resolve(env, profile: "proc")
            #expect(c.credentials == SigV4Credentials(accessKeyId: "ASIAPROC", secretAccessKey: "proc-secret", sessionToken: "proc-token"))
            #expect(c.expiration == Date(timeIntervalSince1970: 1_767_225_600 + 3600))
            #expect(c.source == "profile proc (credential_process)")

            let failed = try await #require(throws: AWSTransportError.self) { try await resolve(env, profile: "broken") }
            #expect(failed.message == "profile 'broken': credential_process exited with status 3: bad arguments: wrong")
            let garbage = try await #require(throws: AWSTransportError.self) { try await resolve(env, profile: "garbage") }
            #expect(garbage.message.contains("did not print a JSON object"))
        }
    }

    @Test func ssoSessionProfileUsesTheCachedTokenAndRefreshesIt() async throws {
        try await withTemporaryDirectory { dir in
            try await withServer(router: { r in
                if r.method == "POST" && r.path == "/token" { return .json(200, #"{"accessToken":"refreshed-token","expiresIn":28800,"refreshToken":"refresh-2","tokenType":"Bearer"}"#) }
                if r.method == "GET" && r.path == "/federation/credentials" {
                    return r.header("x-amz-sso_bearer_token") == "refreshed-token" ? Self.roleCredentials("2") : Self.roleCredentials("1")
                }
                return .respond(status: 404, headers: [], body: "")
            }) { server in
                try write("""
                    [profile corp-admin]
                    sso_session = corp
                    sso_account_id = 111122223333
                    sso_role_name = ConnectAdmin
                    region = eu-west-2
                    [sso-session corp]
                    sso_start_url = https://corp.awsapps.com/start
                    sso_region = eu-west-1
                    sso_registration_scopes = sso:account:access
                    """, to: dir.appendingPathComponent("config"))
                try Self.ssoCache(dir, key: "corp", """
                    {"startUrl": "https://corp.awsapps.com/start", "region": "eu-west-1", "accessToken": "cached-token",
                     "expiresAt": "2026-01-01T08:00:00Z", "clientId": "client-1", "clientSecret": "client-secret",
                     "registrationExpiresAt": "2026-03-01T00:00:00Z", "refreshToken": "refresh-1"}
                    """)
                var env = Self.baseEnv(dir)
                env["AWS_CONFIG_FILE"] = dir.appendingPathComponent("config").path
                env["AWS_ENDPOINT_URL_SSO"] = server.url
                env["AWS_ENDPOINT_URL_SSO_OIDC"] = server.url
                let clock = VirtualClock()
                let first = try await resolve(env, profile: "corp-admin", clock: clock)
                #expect(first.credentials == SigV4Credentials(accessKeyId: "ASIASSO1", secretAccessKey: "sso-secret-1", sessionToken: "sso-token-1"))
                #expect(first.expiration == Date(timeIntervalSince1970: 1_767_229_200))
                #expect(first.source == "profile corp-admin (SSO ConnectAdmin in 111122223333)")
                let get = try #require(server.requests.first)
                #expect(get.uri == "/federation/credentials?role_name=ConnectAdmin&account_id=111122223333")
                #expect(get.header("x-amz-sso_bearer_token") == "cached-token")
                #expect(server.requests.count == 1)  // 8 hours left: no refresh

                // 10 minutes before the token expires: refreshed with the refresh token, written back.
                clock.advance(7 * 3600 + 50 * 60)
                let second = try await resolve(env, profile: "corp-admin", clock: clock)
                #expect(second.credentials.accessKeyId == "ASIASSO2")
                let post = try #require(server.requests.first { $0.method == "POST" })
                let sent = try #require(try JSONSerialization.jsonObject(with: post.body) as? [String: String])
                #expect(sent == ["grantType": "refresh_token", "clientId": "client-1", "clientSecret": "client-secret", "refreshToken": "refresh-1"])
                let cache = try #require(try JSONSerialization.jsonObject(
                    with: Data(contentsOf: dir.appendingPathComponent(".aws/sso/cache/\(Self.cacheNames["corp"]!).json"))) as? [String: String])
                #expect(cache["accessToken"] == "refreshed-token")
                #expect(cache["refreshToken"] == "refresh-2")
                #expect(cache["expiresAt"] == "2026-01-01T15:50:00Z")
                #expect(cache["clientId"] == "client-1")
            }
        }
    }

    @Test func legacySSOProfileAndItsErrors() async throws {
        try await withTemporaryDirectory { dir in
            try await withServer(router: { r in
                r.header("x-amz-sso_bearer_token") == "legacy-token" ? Self.roleCredentials("L")
                    : .json(401, #"{"message":"Session token not found or invalid"}"#)
            }) { server in
                try write("""
                    [profile legacy]
                    sso_start_url = https://old.awsapps.com/start
                    sso_region = us-east-1
                    sso_account_id = 444455556666
                    sso_role_name = ReadOnly
                    [profile half]
                    sso_start_url = https://old.awsapps.com/start
                    [profile nosession]
                    sso_session = missing
                    """, to: dir.appendingPathComponent("config"))
                var env = Self.baseEnv(dir)
                env["AWS_CONFIG_FILE"] = dir.appendingPathComponent("config").path
                env["AWS_ENDPOINT_URL_SSO"] = server.url

                let none = try await #require(throws: AWSTransportError.self) { try await resolve(env, profile: "legacy") }
                #expect(none.message == "profile 'legacy': no cached SSO token for https://old.awsapps.com/start; run `aws sso login --profile legacy`")

                try Self.ssoCache(dir, key: "https://old.awsapps.com/start",
                                  #"{"startUrl": "https://old.awsapps.com/start", "region": "us-east-1", "accessToken": "legacy-token", "expiresAt": "2026-01-01T02:00:00UTC"}"#)
                let c = try await resolve(env, profile: "legacy")
                #expect(c.credentials.accessKeyId == "ASIASSOL")

                // A legacy token cannot be refreshed: once expired, log in again.
                let clock = VirtualClock()
                clock.advance(3 * 3600)
                let expired = try await #require(throws: AWSTransportError.self) { try await resolve(env, profile: "legacy", clock: clock) }
                #expect(expired.message == "profile 'legacy': the SSO token expired at 2026-01-01T02:00:00UTC; run `aws sso login --profile legacy`")

                try Self.ssoCache(dir, key: "https://old.awsapps.com/start",
                                  #"{"accessToken": "revoked", "expiresAt": "2026-01-01T02:00:00Z"}"#)
                let revoked = try await #require(throws: AWSTransportError.self) { try await resolve(env, profile: "legacy") }
                #expect(revoked.message.hasPrefix("SSO GetRoleCredentials for ReadOnly in 444455556666 failed: HTTP 401: Session token not found or invalid; run `aws sso login"))

                let half = try await #require(throws: AWSTransportError.self) { try await resolve(env, profile: "half") }
                #expect(half.message == "profile 'half': SSO settings incomplete, missing sso_region, sso_account_id, sso_role_name")
                let nosession = try await #require(throws: AWSTransportError.self) { try await resolve(env, profile: "nosession") }
                #expect(nosession.message.contains("no [sso-session missing] section"))
            }
        }
    }
}
