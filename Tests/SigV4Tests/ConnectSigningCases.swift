import Foundation
import Testing

/// Connect requests signed both by the Swift signer and by botocore (the oracle).
struct ConnectSigningCase: Sendable, CustomTestStringConvertible {
    var name: String
    var method: String
    var endpoint: String
    var host: String
    var path: String
    var query: [(name: String, value: String)]
    var contentType: String?
    var body: String
    var accessKeyId = "AKIAIOSFODNN7EXAMPLE"
    var secretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
    var sessionToken: String?
    var region: String
    var timestamp: String

    var testDescription: String { name }

    var oracleJSON: [String: Any] {
        var headers: [[String]] = []
        if let contentType { headers.append(["Content-Type", contentType]) }
        headers.append(["User-Agent", "patchbay/test"])  // never signed
        return [
            "name": name, "method": method, "endpoint": endpoint, "path": path,
            "query": query.map { [$0.name, $0.value] }, "headers": headers, "body": body,
            "accessKeyId": accessKeyId, "secretAccessKey": secretAccessKey,
            "sessionToken": sessionToken as Any, "region": region, "service": "connect", "timestamp": timestamp,
        ]
    }

    /// Headers as the transport passes them to the signer.
    var headers: [(name: String, value: String)] {
        var h: [(name: String, value: String)] = [(name: "Host", value: host)]
        if let contentType { h.append((name: "Content-Type", value: contentType)) }
        h.append((name: "User-Agent", value: "patchbay/test"))
        return h
    }

    static let queueARN = "arn:aws:connect:eu-west-2:123456789012:instance/0c4e8e4a-6e4c-4bbd-9a5e-2f6a1c1e3a11/queue/8f2b9a0e-3a55-4c8e-b0a7-5b1f3f0d2c77"

    static let all: [ConnectSigningCase] = [
        ConnectSigningCase(
            name: "TagResource (ARN label, JSON body, session token)", method: "POST",
            endpoint: "https://connect.eu-west-2.amazonaws.com", host: "connect.eu-west-2.amazonaws.com",
            path: "/tags/" + encodeLabel(queueARN), query: [], contentType: "application/json",
            body: #"{"tags":{"env":"prod","team":"support & billing"}}"#,
            sessionToken: "IQoJb3JpZ2luX2VjEHYaCWV1LXdlc3QtMiJHMEUCIQD+/test==", region: "eu-west-2",
            timestamp: "20260115T093000Z"),
        ConnectSigningCase(
            name: "UntagResource (repeated query key, space and slash in values)", method: "DELETE",
            endpoint: "https://connect.eu-west-2.amazonaws.com", host: "connect.eu-west-2.amazonaws.com",
            path: "/tags/" + encodeLabel(queueARN),
            query: [(name: "tagKeys", value: "team"), (name: "tagKeys", value: "cost center"), (name: "tagKeys", value: "a/b")],
            contentType: nil, body: "", region: "eu-west-2", timestamp: "20260115T093001Z"),
        ConnectSigningCase(
            name: "ListQueues (list query, nextToken with + / =)", method: "GET",
            endpoint: "https://connect.us-east-1.amazonaws.com", host: "connect.us-east-1.amazonaws.com",
            path: "/queues-summary/0c4e8e4a-6e4c-4bbd-9a5e-2f6a1c1e3a11",
            query: [(name: "queueTypes", value: "STANDARD"), (name: "maxResults", value: "1000"),
                    (name: "nextToken", value: "AAE+d/xyz==~:*")],
            contentType: nil, body: "", region: "us-east-1", timestamp: "20261125T235959Z"),
        ConnectSigningCase(
            name: "DescribeContactFlow (fid:$SAVED label)", method: "GET",
            endpoint: "https://connect.ap-southeast-2.amazonaws.com", host: "connect.ap-southeast-2.amazonaws.com",
            path: "/contact-flows/0c4e8e4a-6e4c-4bbd-9a5e-2f6a1c1e3a11/" + encodeLabel("3f0e2f55-1b07-4a0e-9f3b-0e7c2a8d1b44:$SAVED"),
            query: [], contentType: nil, body: "", sessionToken: "FwoGZXIvYXdzEJr//////////wEaDN",
            region: "ap-southeast-2", timestamp: "20280229T120000Z"),
        ConnectSigningCase(
            name: "SearchUsers (UTF-8 body)", method: "POST",
            endpoint: "https://connect.eu-central-1.amazonaws.com", host: "connect.eu-central-1.amazonaws.com",
            path: "/search-users", query: [], contentType: "application/json",
            body: #"{"InstanceId":"i","SearchCriteria":{"StringCondition":{"FieldName":"name","Value":"Zoë Müller ☎","ComparisonType":"CONTAINS"}}}"#,
            region: "eu-central-1", timestamp: "20251231T235959Z"),
        ConnectSigningCase(
            name: "Local endpoint with port and base path", method: "POST",
            endpoint: "http://127.0.0.1:4566", host: "127.0.0.1:4566",
            path: "/emulator/queues/0c4e8e4a-6e4c-4bbd-9a5e-2f6a1c1e3a11", query: [], contentType: "application/json",
            body: #"{"Name":"Support","HoursOfOperationId":"h1"}"#, sessionToken: "token",
            region: "us-west-2", timestamp: "20260101T000000Z"),
    ]

    /// botocore `percent_encode(value, safe='')` for path labels.
    static func encodeLabel(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        allowed.insert(charactersIn: "-_.~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed)!
    }
}

