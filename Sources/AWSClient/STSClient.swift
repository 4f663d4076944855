import Foundation
import SigV4

/// The two STS calls the credential chain needs, query protocol over POST.
struct STSClient: Sendable {
    let http: SimpleHTTP
    let context: CredentialContext

    /// `AWS_ENDPOINT_URL_STS` > `AWS_ENDPOINT_URL` > `https://sts.{region}.amazonaws.com`
    /// (global `https://sts.amazonaws.com` without a region).
    var endpoint: (url: String, region: String) {
        let region = context.region ?? "us-east-1"
        let env = context.environment
        let ignore = env["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"]?.lowercased() == "true"
        if !ignore, let url = env["AWS_ENDPOINT_URL_STS"] ?? env["AWS_ENDPOINT_URL"], !url.isEmpty {
            return (url, region)
        }
        if let r = context.region { return ("https://sts.\(r).amazonaws.com", r) }
        return ("https://sts.amazonaws.com", "us-east-1")
    }

    func assumeRoleWithWebIdentity(roleArn: String, sessionName: String, token: String, durationSeconds: Int?) async throws -> AWSCredentials {
        var params = [("Action", "AssumeRoleWithWebIdentity"), ("Version", "2011-06-15"), ("RoleArn", roleArn),
                      ("RoleSessionName", sessionName), ("WebIdentityToken", token)]
        if let d = durationSeconds { params.append(("DurationSeconds", String(d))) }
        return try await call("AssumeRoleWithWebIdentity", params: params, signWith: nil,
                              source: "web identity (\(roleArn))")
    }

    func assumeRole(roleArn: String, sessionName: String, externalId: String?, durationSeconds: Int?,
                    source: SigV4Credentials, sourceName: String) async throws -> AWSCredentials {
        var params = [("Action", "AssumeRole"), ("Version", "2011-06-15"), ("RoleArn", roleArn),
                      ("RoleSessionName", sessionName)]
        if let e = externalId { params.append(("ExternalId", e)) }
        if let d = durationSeconds { params.append(("DurationSeconds", String(d))) }
        return try await call("AssumeRole", params: params, signWith: source, source: sourceName)
    }

    private func call(_ action: String, params: [(String, String)], signWith: SigV4Credentials?, source: String) async throws -> AWSCredentials {
        let (url, region) = endpoint
        let endpoint: AWSEndpoint
        do {
            endpoint = try AWSEndpoint(url)
        } catch {
            throw AWSTransportError(.configuration, "STS endpoint: \(error)")
        }
        let body = Data(params.map { "\(SigV4Signer.uriEncode($0.0))=\(SigV4Signer.uriEncode($0.1))" }
            .joined(separator: "&").utf8)
        var headers: [(name: String, value: String)] = [
            (name: "Host", value: endpoint.hostHeader),
            (name: "Content-Type", value: "application/x-www-form-urlencoded; charset=utf-8"),
        ]
        let path = endpoint.basePath.isEmpty ? "/" : endpoint.basePath + "/"
        if let creds = signWith {
            let signature = SigV4Signer(credentials: creds, region: region, service: "sts")
                .sign(method: "POST", path: path, query: [], headers: headers, body: body, date: context.clock.now)
            headers += signature.headersToAdd
        }
        headers.append((name: "User-Agent", value: AWSHTTPTransport.userAgent))
        let response: SimpleHTTP.Response
        do {
            response = try await http.send(method: "POST", url: endpoint.url(path: path, query: []), headers: headers,
                                           body: body, timeout: 10)
        } catch {
            throw AWSTransportError(.credentials, "STS \(action) at \(url) failed: \(error)")
        }
        let xml = String(decoding: response.body, as: UTF8.self)
        guard (200..<300).contains(response.status) else {
            let code = SimpleXML.text("Code", in: xml, within: "Error") ?? "HTTP \(response.status)"
            let message = SimpleXML.text("Message", in: xml, within: "Error") ?? ""
            throw AWSTransportError(.credentials, "STS \(action) failed: \(code) (HTTP \(response.status))\(message.isEmpty ? "" : ": \(message)")")
        }
        guard let ak = SimpleXML.text("AccessKeyId", in: xml, within: "Credentials"),
              let sk = SimpleXML.text("SecretAccessKey", in: xml, within: "Credentials"),
              let token = SimpleXML.text("SessionToken", in: xml, within: "Credentials") else {
            throw AWSTransportError(.credentials, "STS \(action) returned no Credentials")
        }
        let expiration = SimpleXML.text("Expiration", in: xml, within: "Credentials").flatMap(ISO8601.parse)
        return AWSCredentials(credentials: SigV4Credentials(accessKeyId: ak, secretAccessKey: sk, sessionToken: token),
                              expiration: expiration, source: source)
    }
}
