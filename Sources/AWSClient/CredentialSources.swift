import Foundation
import SigV4

/// `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, optional `AWS_SESSION_TOKEN`
/// (or the legacy `AWS_SECURITY_TOKEN`) and `AWS_CREDENTIAL_EXPIRATION`.
public struct EnvironmentCredentialSource: CredentialSource {
    public let context: CredentialContext
    public var name: String { "environment variables" }

    public init(context: CredentialContext) { self.context = context }

    public func lookup() async throws -> CredentialLookup {
        let env = context.environment
        if context.profileExplicit {
            return .notConfigured("skipped because a profile was given explicitly (--profile)")
        }
        let ak = env["AWS_ACCESS_KEY_ID"] ?? ""
        let sk = env["AWS_SECRET_ACCESS_KEY"] ?? ""
        if ak.isEmpty && sk.isEmpty { return .notConfigured("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY not set") }
        if ak.isEmpty { return .notConfigured("AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not") }
        if sk.isEmpty { return .notConfigured("AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not") }
        let token = (env["AWS_SESSION_TOKEN"] ?? env["AWS_SECURITY_TOKEN"]).flatMap { $0.isEmpty ? nil : $0 }
        let expiration = env["AWS_CREDENTIAL_EXPIRATION"].flatMap(ISO8601.parse)
        return .found(AWSCredentials(credentials: SigV4Credentials(accessKeyId: ak, secretAccessKey: sk, sessionToken: token),
                                     expiration: expiration, source: "environment variables"))
    }
}

/// Web identity from `AWS_WEB_IDENTITY_TOKEN_FILE` + `AWS_ROLE_ARN`
/// [+ `AWS_ROLE_SESSION_NAME`] (GitHub Actions OIDC): STS AssumeRoleWithWebIdentity,
/// unsigned. The token file is re-read on every refresh.
public struct WebIdentityCredentialSource: CredentialSource {
    public let context: CredentialContext
    let http: SimpleHTTP
    public var name: String { "web identity (AWS_WEB_IDENTITY_TOKEN_FILE)" }

    init(context: CredentialContext, http: SimpleHTTP) {
        self.context = context
        self.http = http
    }

    public func lookup() async throws -> CredentialLookup {
        let env = context.environment
        guard let tokenFile = env["AWS_WEB_IDENTITY_TOKEN_FILE"], !tokenFile.isEmpty else {
            return .notConfigured("AWS_WEB_IDENTITY_TOKEN_FILE not set")
        }
        guard let roleArn = env["AWS_ROLE_ARN"], !roleArn.isEmpty else {
            return .notConfigured("AWS_WEB_IDENTITY_TOKEN_FILE is set but AWS_ROLE_ARN is not")
        }
        let sessionName = env["AWS_ROLE_SESSION_NAME"].flatMap { $0.isEmpty ? nil : $0 }
        return .found(try await Self.assume(roleArn: roleArn, tokenFile: tokenFile, sessionName: sessionName,
                                            durationSeconds: nil, context: context, http: http))
    }

    static func assume(roleArn: String, tokenFile: String, sessionName: String?, durationSeconds: Int?,
                       context: CredentialContext, http: SimpleHTTP) async throws -> AWSCredentials {
        let path = SharedConfigFiles.expandHome(tokenFile, context.environment)
        let token: String
        do {
            token = try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        } catch {
            throw AWSTransportError(.credentials, "web identity token file \(path) cannot be read: \(error.localizedDescription)")
        }
        guard !token.isEmpty else { throw AWSTransportError(.credentials, "web identity token file \(path) is empty") }
        let session = sessionName ?? defaultSessionName(context.clock)
        return try await STSClient(http: http, context: context)
            .assumeRoleWithWebIdentity(roleArn: roleArn, sessionName: session, token: token, durationSeconds: durationSeconds)
    }

    static func defaultSessionName(_ clock: AWSClock) -> String {
        "patchbay-\(Int(clock.now.timeIntervalSince1970))"
    }
}

/// A profile of the shared `config`/`credentials` files: static keys, `role_arn` with
/// `source_profile`, `credential_source` or `web_identity_token_file`, `credential_process`,
/// or SSO (`sso_session`, or the legacy `sso_start_url`).
public struct ProfileCredentialSource: CredentialSource {
    public let context: CredentialContext
    let http: SimpleHTTP
    public var name: String { "shared config profile '\(context.profileName)'" }

    init(context: CredentialContext, http: SimpleHTTP) {
        self.context = context
        self.http = http
    }

    public func lookup() async throws -> CredentialLookup {
        let profile = context.profileName
        guard context.files.profiles[profile] != nil else {
            let files = context.files.filesRead.isEmpty ? "no config or credentials file found"
                : "not in " + context.files.filesRead.joined(separator: " or ")
            if context.profileExplicit || context.environment["AWS_PROFILE"] != nil {
                throw AWSTransportError(.credentials, "profile '\(profile)' not found (\(files))")
            }
            return .notConfigured("profile '\(profile)' \(files)")
        }
        return try await resolve(profile, visited: [])
    }

    private func resolve(_ name: String, visited: [String]) async throws -> CredentialLookup {
        guard let p = context.files.profiles[name] else {
            throw AWSTransportError(.credentials, "source_profile '\(name)' (referenced by '\(visited.last ?? "")') does not exist")
        }
        if let roleArn = p["role_arn"] {
            if p["mfa_serial"] != nil {
                throw AWSTransportError(.credentials, "profile '\(name)' needs an MFA code (mfa_serial); patchbay runs non-interactively — use a role without MFA or export temporary credentials")
            }
            let session = p["role_session_name"] ?? WebIdentityCredentialSource.defaultSessionName(context.clock)
            let duration = p["duration_seconds"].flatMap { Int($0) }
            if let tokenFile = p["web_identity_token_file"] {
                return .found(try await WebIdentityCredentialSource.assume(
                    roleArn: roleArn, tokenFile: tokenFile, sessionName: p["role_session_name"],
                    durationSeconds: duration, context: context, http: http))
            }
            let sourceCredentials: AWSCredentials
            if let source = p["source_profile"] {
                if visited.contains(source) && source != name {
                    throw AWSTransportError(.credentials, "source_profile cycle: \((visited + [name, source]).joined(separator: " → "))")
                }
                if source == name {
                    guard let keys = staticKeys(p) else {
                        throw AWSTransportError(.credentials, "profile '\(name)' is its own source_profile but has no aws_access_key_id/aws_secret_access_key")
                    }
                    sourceCredentials = AWSCredentials(credentials: keys, source: "profile \(name)")
                } else {
                    guard case .found(let found) = try await resolve(source, visited: visited + [name]) else {
                        throw AWSTransportError(.credentials, "source_profile '\(source)' of profile '\(name)' has no credentials")
                    }
                    sourceCredentials = found
                }
            } else if let source = p["credential_source"] {
                sourceCredentials = try await credentialSource(source, profile: name)
            } else {
                throw AWSTransportError(.credentials, "profile '\(name)' has role_arn but no source_profile, credential_source or web_identity_token_file")
            }
            let assumed = try await STSClient(http: http, context: context).assumeRole(
                roleArn: roleArn, sessionName: session, externalId: p["external_id"], durationSeconds: duration,
                source: sourceCredentials.credentials,
                sourceName: "profile \(name) (assume role \(roleArn) from \(sourceCredentials.source))")
            return .found(assumed)
        }
        if let keys = staticKeys(p) {
            return .found(AWSCredentials(credentials: keys, source: "profile \(name)"))
        }
        if p["aws_access_key_id"] != nil || p["aws_secret_access_key"] != nil {
            throw AWSTransportError(.credentials, "profile '\(name)' has only one of aws_access_key_id / aws_secret_access_key")
        }
        if let command = p["credential_process"], !command.isEmpty {
            return .found(try await ProcessCredentials.run(command, profile: name, environment: context.environment))
        }
        if let settings = try SSOCredentials.settings(profile: name, p, files: context.files) {
            return .found(try await SSOCredentials(context: context, http: http).credentials(profile: name, settings: settings))
        }
        return .notConfigured("profile '\(name)' has no credentials (no aws_access_key_id, role_arn, web_identity_token_file, credential_process or SSO settings)")
    }

    private func staticKeys(_ p: [String: String]) -> SigV4Credentials? {
        guard let ak = p["aws_access_key_id"], !ak.isEmpty, let sk = p["aws_secret_access_key"], !sk.isEmpty else { return nil }
        let token = (p["aws_session_token"] ?? p["aws_security_token"]).flatMap { $0.isEmpty ? nil : $0 }
        return SigV4Credentials(accessKeyId: ak, secretAccessKey: sk, sessionToken: token)
    }

    private func credentialSource(_ source: String, profile: String) async throws -> AWSCredentials {
        let sub: CredentialSource
        switch source {
        case "Environment": sub = EnvironmentCredentialSource(context: { var c = context; c.profileExplicit = false; return c }())
        case "Ec2InstanceMetadata": sub = IMDSCredentialSource(context: context, http: http)
        case "EcsContainer": sub = ContainerCredentialSource(context: context, http: http)
        default:
            throw AWSTransportError(.credentials, "profile '\(profile)': unknown credential_source '\(source)' (Environment, Ec2InstanceMetadata or EcsContainer)")
        }
        switch try await sub.lookup() {
        case .found(let c): return c
        case .notConfigured(let why):
            throw AWSTransportError(.credentials, "profile '\(profile)': credential_source \(source) has no credentials: \(why)")
        }
    }
}

/// ECS / EKS Pod Identity container credentials:
/// `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` (on http://169.254.170.2) or
/// `AWS_CONTAINER_CREDENTIALS_FULL_URI` (https, loopback, or the ECS/EKS link-local
/// hosts), with an `Authorization` header from `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE`
/// or `AWS_CONTAINER_AUTHORIZATION_TOKEN`.
public struct ContainerCredentialSource: CredentialSource {
    public let context: CredentialContext
    let http: SimpleHTTP
    public var name: String { "container credentials (AWS_CONTAINER_CREDENTIALS_*_URI)" }
    static let allowedHosts: Set<String> = ["169.254.170.2", "169.254.170.23", "fd00:ec2::23"]

    init(context: CredentialContext, http: SimpleHTTP) {
        self.context = context
        self.http = http
    }

    public func lookup() async throws -> CredentialLookup {
        let env = context.environment
        let url: String
        if let relative = env["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"], !relative.isEmpty {
            url = "http://169.254.170.2" + (relative.hasPrefix("/") ? relative : "/" + relative)
        } else if let full = env["AWS_CONTAINER_CREDENTIALS_FULL_URI"], !full.isEmpty {
            do {
                _ = try AWSEndpoint(full, allowInsecureHosts: Self.allowedHosts)
            } catch {
                throw AWSTransportError(.credentials, "AWS_CONTAINER_CREDENTIALS_FULL_URI '\(full)' is not allowed: use https, a loopback host, or 169.254.170.2/169.254.170.23/fd00:ec2::23")
            }
            url = full
        } else {
            return .notConfigured("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and AWS_CONTAINER_CREDENTIALS_FULL_URI not set")
        }
        var headers: [(name: String, value: String)] = []
        if let tokenFile = env["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"], !tokenFile.isEmpty {
            do {
                let token = try String(contentsOfFile: tokenFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
                headers.append((name: "Authorization", value: token))
            } catch {
                throw AWSTransportError(.credentials, "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE \(tokenFile) cannot be read: \(error.localizedDescription)")
            }
        } else if let token = env["AWS_CONTAINER_AUTHORIZATION_TOKEN"], !token.isEmpty {
            headers.append((name: "Authorization", value: token))
        }
        var lastError: Error?
        for _ in 0..<3 {
            do {
                let response = try await http.send(method: "GET", url: url, headers: headers, timeout: 2)
                guard response.status == 200 else {
                    throw AWSTransportError(.credentials, "container credentials endpoint answered HTTP \(response.status)")
                }
                return .found(try Self.parseJSON(response.body, tokenKey: "Token", source: "container credentials"))
            } catch {
                lastError = error
            }
        }
        throw AWSTransportError(.credentials, "container credentials from \(url) failed: \(lastError.map { "\($0)" } ?? "unknown error")")
    }

    static func parseJSON(_ body: Data, tokenKey: String, source: String) throws -> AWSCredentials {
        guard let json = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
              let ak = json["AccessKeyId"] as? String, let sk = json["SecretAccessKey"] as? String else {
            throw AWSTransportError(.credentials, "\(source): response has no AccessKeyId/SecretAccessKey")
        }
        let token = json[tokenKey] as? String
        let expiration = (json["Expiration"] as? String).flatMap(ISO8601.parse)
        return AWSCredentials(credentials: SigV4Credentials(accessKeyId: ak, secretAccessKey: sk, sessionToken: token),
                              expiration: expiration, source: source)
    }
}

/// EC2 instance metadata, IMDSv2 only: `PUT /latest/api/token`, then the role name and
/// its credentials. `AWS_EC2_METADATA_DISABLED=true` disables it;
/// `AWS_EC2_METADATA_SERVICE_ENDPOINT` overrides the address. 1 s timeout, 1 attempt; an
/// unreachable service means "not configured".
public struct IMDSCredentialSource: CredentialSource {
    public let context: CredentialContext
    let http: SimpleHTTP
    public var name: String { "EC2 instance metadata (IMDSv2)" }

    init(context: CredentialContext, http: SimpleHTTP) {
        self.context = context
        self.http = http
    }

    public func lookup() async throws -> CredentialLookup {
        let env = context.environment
        if env["AWS_EC2_METADATA_DISABLED"]?.lowercased() == "true" {
            return .notConfigured("disabled by AWS_EC2_METADATA_DISABLED=true")
        }
        if let reason = context.skipInstanceMetadata { return .notConfigured(reason) }
        var base = env["AWS_EC2_METADATA_SERVICE_ENDPOINT"].flatMap { $0.isEmpty ? nil : $0 } ?? "http://169.254.169.254"
        while base.hasSuffix("/") { base.removeLast() }
        let token: String
        do {
            let r = try await http.send(method: "PUT", url: base + "/latest/api/token",
                                        headers: [(name: "x-aws-ec2-metadata-token-ttl-seconds", value: "21600")], timeout: 1)
            guard r.status == 200 else { return .notConfigured("IMDSv2 token request to \(base) answered HTTP \(r.status)") }
            token = String(decoding: r.body, as: UTF8.self)
        } catch {
            return .notConfigured("instance metadata service at \(base) not reachable (\(error))")
        }
        let auth = [(name: "x-aws-ec2-metadata-token", value: token)]
        let rolePath = base + "/latest/meta-data/iam/security-credentials/"
        let roleResponse = try await http.send(method: "GET", url: rolePath, headers: auth, timeout: 1)
        guard roleResponse.status == 200,
              let role = String(decoding: roleResponse.body, as: UTF8.self).split(whereSeparator: \.isNewline).first
        else {
            return .notConfigured("no IAM role attached to this instance (HTTP \(roleResponse.status))")
        }
        let credentialResponse = try await http.send(method: "GET", url: rolePath + role, headers: auth, timeout: 1)
        guard credentialResponse.status == 200 else {
            throw AWSTransportError(.credentials, "instance metadata credentials for role \(role) answered HTTP \(credentialResponse.status)")
        }
        return .found(try ContainerCredentialSource.parseJSON(credentialResponse.body, tokenKey: "Token",
                                                              source: "EC2 instance metadata (role \(role))"))
    }
}
