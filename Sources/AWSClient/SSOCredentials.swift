import Crypto
import Foundation
import SigV4

/// IAM Identity Center (SSO) profiles, read the way the AWS CLI v2 leaves them after
/// `aws sso login`:
///
/// - `sso_session = NAME` with an `[sso-session NAME]` section (`sso_start_url`,
///   `sso_region`): the token is cached in `~/.aws/sso/cache/SHA1(NAME).json` and, when it
///   has less than 15 minutes left and the cache holds a refresh token and a client
///   registration that has not expired, refreshed through SSO OIDC `CreateToken` and
///   written back to the cache, as the CLI does;
/// - legacy profiles with `sso_start_url` and `sso_region`: the token is cached in
///   `SHA1(start URL).json` and cannot be refreshed.
///
/// Either way the profile's `sso_account_id` and `sso_role_name` are exchanged for role
/// credentials with SSO `GetRoleCredentials`. An expired token is an error saying to run
/// `aws sso login`. Endpoints: `AWS_ENDPOINT_URL_SSO` / `AWS_ENDPOINT_URL_SSO_OIDC`, else
/// `https://portal.sso.{region}.amazonaws.com` / `https://oidc.{region}.amazonaws.com`.
struct SSOCredentials: Sendable {
    let context: CredentialContext
    let http: SimpleHTTP
    static let refreshWindow: Double = 15 * 60

    struct Settings: Equatable {
        var startURL: String
        var region: String
        var accountId: String
        var roleName: String
        /// The `sso_session` name; nil for a legacy profile.
        var session: String?

        var cacheKey: String { session ?? startURL }
    }

    /// The profile's SSO settings; nil when it has none.
    static func settings(profile name: String, _ p: [String: String], files: SharedConfigFiles) throws -> Settings? {
        let login = "run `aws sso login --profile \(name)`"
        if let session = p["sso_session"] {
            guard let s = files.ssoSessions[session] else {
                throw AWSTransportError(.credentials, "profile '\(name)': sso_session '\(session)' has no [sso-session \(session)] section in the config file")
            }
            guard let startURL = s["sso_start_url"], let region = s["sso_region"] else {
                throw AWSTransportError(.credentials, "[sso-session \(session)] needs sso_start_url and sso_region")
            }
            for key in ["sso_start_url", "sso_region"] where p[key] != nil && p[key] != s[key] {
                throw AWSTransportError(.credentials, "profile '\(name)': \(key) differs from the one in [sso-session \(session)]")
            }
            guard let account = p["sso_account_id"], let role = p["sso_role_name"] else {
                throw AWSTransportError(.credentials, "profile '\(name)': an SSO profile needs sso_account_id and sso_role_name (\(login) only gives a token)")
            }
            return Settings(startURL: startURL, region: region, accountId: account, roleName: role, session: session)
        }
        guard p["sso_start_url"] != nil || p["sso_account_id"] != nil || p["sso_role_name"] != nil else { return nil }
        let missing = ["sso_start_url", "sso_region", "sso_account_id", "sso_role_name"].filter { p[$0] == nil }
        guard missing.isEmpty else {
            throw AWSTransportError(.credentials, "profile '\(name)': SSO settings incomplete, missing \(missing.joined(separator: ", "))")
        }
        return Settings(startURL: p["sso_start_url"]!, region: p["sso_region"]!, accountId: p["sso_account_id"]!,
                        roleName: p["sso_role_name"]!, session: nil)
    }

    /// `~/.aws/sso/cache/<sha1 hex of the key>.json`
    static func cachePath(for key: String, environment: [String: String]) -> String? {
        guard let home = environment["HOME"] else { return nil }
        let digest = Insecure.SHA1.hash(data: Data(key.utf8)).map { String(format: "%02x", $0) }.joined()
        return "\(home)/.aws/sso/cache/\(digest).json"
    }

    func credentials(profile: String, settings: Settings) async throws -> AWSCredentials {
        let token = try await accessToken(profile: profile, settings: settings)
        let base = endpoint("AWS_ENDPOINT_URL_SSO", default: "https://portal.sso.\(settings.region).amazonaws.com")
        let query = "role_name=\(SigV4Signer.uriEncode(settings.roleName))&account_id=\(SigV4Signer.uriEncode(settings.accountId))"
        let response: SimpleHTTP.Response
        do {
            response = try await http.send(method: "GET", url: "\(base)/federation/credentials?\(query)",
                                           headers: [(name: "x-amz-sso_bearer_token", value: token),
                                                     (name: "User-Agent", value: AWSHTTPTransport.userAgent)], timeout: 10)
        } catch {
            throw AWSTransportError(.credentials, "SSO GetRoleCredentials at \(base) failed: \(error)")
        }
        let json = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any]
        guard response.status == 200 else {
            let message = json?["message"] as? String ?? json?["Message"] as? String ?? ""
            let hint = response.status == 401 || response.status == 403 ? "; run `aws sso login --profile \(profile)`" : ""
            throw AWSTransportError(.credentials, "SSO GetRoleCredentials for \(settings.roleName) in \(settings.accountId) failed: HTTP \(response.status)"
                                    + (message.isEmpty ? "" : ": \(message)") + hint)
        }
        guard let role = json?["roleCredentials"] as? [String: Any],
              let ak = role["accessKeyId"] as? String, let sk = role["secretAccessKey"] as? String else {
            throw AWSTransportError(.credentials, "SSO GetRoleCredentials returned no roleCredentials")
        }
        let expiration = (role["expiration"] as? NSNumber).map { Date(timeIntervalSince1970: $0.doubleValue / 1000) }
        return AWSCredentials(credentials: SigV4Credentials(accessKeyId: ak, secretAccessKey: sk, sessionToken: role["sessionToken"] as? String),
                              expiration: expiration,
                              source: "profile \(profile) (SSO \(settings.roleName) in \(settings.accountId))")
    }

    /// The cached access token, refreshed first when it is close to expiry and can be.
    func accessToken(profile: String, settings: Settings) async throws -> String {
        let login = "run `aws sso login --profile \(profile)`"
        guard let path = Self.cachePath(for: settings.cacheKey, environment: context.environment),
              let data = FileManager.default.contents(atPath: path),
              var cache = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw AWSTransportError(.credentials, "profile '\(profile)': no cached SSO token for \(settings.session.map { "sso-session \($0)" } ?? settings.startURL); \(login)")
        }
        guard let token = cache["accessToken"] as? String, let expiresText = cache["expiresAt"] as? String,
              let expires = Self.parseDate(expiresText) else {
            throw AWSTransportError(.credentials, "profile '\(profile)': the cached SSO token \(path) has no accessToken/expiresAt; \(login)")
        }
        let now = context.clock.now
        let left = expires.timeIntervalSince(now)
        if left > Self.refreshWindow { return token }
        if settings.session != nil, let refreshed = try await refresh(&cache, now: now, region: settings.region) {
            let text = (try? JSONSerialization.data(withJSONObject: cache, options: [.sortedKeys])) ?? data
            try? text.write(to: URL(fileURLWithPath: path), options: .atomic)
            return refreshed
        }
        if left > 0 { return token }
        throw AWSTransportError(.credentials, "profile '\(profile)': the SSO token expired at \(expiresText); \(login)")
    }

    /// SSO OIDC CreateToken with the cached refresh token; nil when the cache cannot be
    /// refreshed (no refresh token, client registration expired) or the refresh fails.
    private func refresh(_ cache: inout [String: Any], now: Date, region: String) async throws -> String? {
        guard let refreshToken = cache["refreshToken"] as? String, let clientId = cache["clientId"] as? String,
              let clientSecret = cache["clientSecret"] as? String else { return nil }
        if let registration = (cache["registrationExpiresAt"] as? String).flatMap(Self.parseDate), registration <= now { return nil }
        let base = endpoint("AWS_ENDPOINT_URL_SSO_OIDC", default: "https://oidc.\(region).amazonaws.com")
        let body = try JSONSerialization.data(withJSONObject: [
            "grantType": "refresh_token", "clientId": clientId, "clientSecret": clientSecret, "refreshToken": refreshToken,
        ], options: [.sortedKeys])
        guard let response = try? await http.send(method: "POST", url: "\(base)/token",
                                                  headers: [(name: "Content-Type", value: "application/json"),
                                                            (name: "User-Agent", value: AWSHTTPTransport.userAgent)],
                                                  body: body, timeout: 10),
              response.status == 200,
              let json = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any],
              let token = json["accessToken"] as? String, let expiresIn = json["expiresIn"] as? NSNumber else {
            return nil
        }
        cache["accessToken"] = token
        cache["expiresAt"] = Self.formatDate(now.addingTimeInterval(expiresIn.doubleValue))
        if let newRefresh = json["refreshToken"] as? String { cache["refreshToken"] = newRefresh }
        return token
    }

    private func endpoint(_ variable: String, default fallback: String) -> String {
        let env = context.environment
        var url = fallback
        if env["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"]?.lowercased() != "true", let custom = env[variable], !custom.isEmpty {
            url = custom
        }
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }

    /// The CLI writes `2026-12-02T10:00:00Z` (older versions `…UTC`).
    static func parseDate(_ text: String) -> Date? {
        ISO8601.parse(text) ?? ISO8601.parse(text.replacingOccurrences(of: "UTC", with: "Z"))
    }

    static func formatDate(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
