import AWSClient
import ConnectHTTP
import Foundation
import Testing
@testable import ConnectAPI

/// Compares every request ConnectClient builds with the request botocore 1.43 builds for
/// the same call (`scripts/wire/botocore_requests.py`): method, path (byte for byte,
/// labels percent-encoded), query (as a multiset, decoded), JSON body (as values) and
/// whether a JSON Content-Type is sent.
@Suite("Requests match botocore")
struct BotocoreWireTests {
    struct BotocoreRequest: Decodable {
        var operation: String
        var method: String?
        var path: String?
        var query: [[String]]?
        var body: JSONValue?
        var rawBody: String?
        var contentType: String?
        var error: String?
    }

    @Test("every operation covered, once")
    func coverage() {
        let names = wireCases.map(\.operation)
        #expect(Set(names).count == names.count)
        #expect(names.count == 91)
    }

    @Test("every request matches botocore",
          .enabled(if: WireScripts.botocoreAvailable, "python3 with botocore is needed for the wire oracle"))
    func matchesBotocore() async throws {
        // What ConnectClient sends.
        var ours: [String: AWSRequest] = [:]
        for wireCase in wireCases {
            let transport = RecordingTransport()
            let client = ConnectClient(transport: transport)
            try? await wireCase.call(client)
            let sent = transport.requests
            #expect(sent.count == 1, "\(wireCase.operation): expected one request, got \(sent.count)")
            guard let request = sent.first else { continue }
            #expect(request.operation == wireCase.operation)
            ours[wireCase.operation] = request
        }

        // What botocore sends.
        let input = "[" + wireCases.map { #"{"operation":"\#($0.operation)","params":\#($0.params)}"# }
            .joined(separator: ",\n") + "]"
        let output = try WireScripts.run("botocore_requests.py", stdin: Data(input.utf8))
        let theirs = try JSONDecoder().decode([BotocoreRequest].self, from: output)
        #expect(theirs.count == wireCases.count)

        var compared = 0
        for expected in theirs {
            let op = expected.operation
            if let error = expected.error {
                Issue.record("\(op): botocore rejected the parameters: \(error)")
                continue
            }
            guard let actual = ours[op] else {
                Issue.record("\(op): ConnectClient sent nothing")
                continue
            }
            #expect(actual.method == expected.method, "\(op): method")
            #expect(actual.path == expected.path, "\(op): path")
            let ourQuery = actual.query.map { "\($0.name)=\($0.value)" }.sorted()
            let theirQuery = (expected.query ?? []).map { "\($0[0])=\($0[1])" }.sorted()
            #expect(ourQuery == theirQuery, "\(op): query")
            if let theirBody = expected.body {
                let ourBody = try? JSONValue.parse(actual.body)
                #expect(ourBody == theirBody, "\(op): body\n ours:   \(String(decoding: actual.body, as: UTF8.self))\n theirs: \(expected.rawBody ?? "")")
            } else {
                #expect(actual.body.isEmpty, "\(op): botocore sends no body")
            }
            let ourContentType = actual.headers.first { $0.name.lowercased() == "content-type" }?.value
            #expect(ourContentType == expected.contentType, "\(op): Content-Type")
            compared += 1
        }
        #expect(compared == 91)
    }
}
