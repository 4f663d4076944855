import AWSClient
import Foundation
import Testing

@Suite("restJson1 error decoding over loopback HTTP")
struct ErrorDecodingTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var status: Int
        var headers: [(String, String)]
        var body: String
        var code: String
        var message: String
        var testDescription: String { code }
    }

    static let cases: [Case] = [
        Case(status: 429, headers: [("x-amzn-ErrorType", "ThrottlingException:http://internal.amazon.com/coral/com.amazonaws.connect/")],
             body: #"{"message":"Rate exceeded"}"#, code: "ThrottlingException", message: "Rate exceeded"),
        Case(status: 404, headers: [("x-amzn-ErrorType", "ResourceNotFoundException")],
             body: #"{"Message":"Queue not found"}"#, code: "ResourceNotFoundException", message: "Queue not found"),
        Case(status: 409, headers: [], body: #"{"__type":"com.amazonaws.connect#DuplicateResourceException","Message":"Name exists"}"#,
             code: "DuplicateResourceException", message: "Name exists"),
        Case(status: 409, headers: [("X-Amzn-Errortype", "ResourceInUseException:http://internal.amazon.com/coral/")],
             body: #"{"Message":"Queue in use","ResourceType":"ROUTING_PROFILE","ResourceId":"rp-1"}"#,
             code: "ResourceInUseException", message: "Queue in use"),
        Case(status: 400, headers: [], body: #"{"code":"InvalidParameterException","message":"Bad name"}"#,
             code: "InvalidParameterException", message: "Bad name"),
        Case(status: 400, headers: [], body: #"{"Code":"InvalidRequestException","Message":"Bad","Reason":{"AttachedFileInvalidRequestExceptionReason":"INVALID_FILE_NAME"}}"#,
             code: "InvalidRequestException", message: "Bad"),
        Case(status: 429, headers: [("x-amzn-ErrorType", "LimitExceededException")],
             body: #"{"Message":"The allowed limit for the resource has been exceeded."}"#,
             code: "LimitExceededException", message: "The allowed limit for the resource has been exceeded."),
        Case(status: 400, headers: [("x-amzn-ErrorType", "InvalidContactFlowException")],
             body: #"{"message":"Invalid flow","problems":[{"message":"StartAction missing"},{"message":"Unknown action type"}]}"#,
             code: "InvalidContactFlowException", message: "Invalid flow"),
        Case(status: 403, headers: [("x-amzn-ErrorType", "AccessDeniedException:http://internal.amazon.com/coral/com.amazon.coral.service/")],
             body: #"{"Message":"User is not authorized"}"#, code: "AccessDeniedException", message: "User is not authorized"),
        Case(status: 402, headers: [], body: #"{"__type":"ServiceQuotaExceededException","Message":"Quota","Reason":{"reason":"ServiceQuotaExceededExceptionReason"}}"#,
             code: "ServiceQuotaExceededException", message: "Quota"),
        Case(status: 500, headers: [("x-amzn-ErrorType", "com.amazonaws.connect#InternalServiceException:http://internal.amazon.com/coral/com.amazonaws.connect/")],
             body: #"{"message":"boom"}"#, code: "InternalServiceException", message: "boom"),
        Case(status: 502, headers: [], body: "<html>Bad Gateway</html>", code: "HTTP 502", message: ""),
    ]

    @Test("each error type decoded", arguments: cases)
    func decoded(_ c: Case) async throws {
        try await withServer { server in
            server.enqueue(.respond(status: c.status, headers: c.headers + [("x-amzn-RequestId", "req-\(c.status)")], body: c.body))
            try await withTransport(server: server, maxAttempts: 1) { transport in
                let error = try await #require(throws: AWSServiceError.self) {
                    try await transport.send(AWSRequest(operation: "CreateQueue", method: "PUT", path: "/queues/i-1", body: Data("{}".utf8)))
                }
                #expect(error.code == c.code)
                #expect(error.message == c.message)
                #expect(error.status == c.status)
                #expect(error.requestId == "req-\(c.status)")
                #expect(error.operation == "CreateQueue")
                #expect(String(decoding: error.rawBody, as: UTF8.self) == c.body)
                if error.code == "InvalidContactFlowException" {
                    #expect(error.problems == ["StartAction missing", "Unknown action type"])
                    #expect(error.connectCode == .invalidContactFlow)
                }
                if error.code == "ResourceInUseException" {
                    #expect(error.resourceType == "ROUTING_PROFILE")
                    #expect(error.resourceId == "rp-1")
                }
                if error.code == "InvalidRequestException" {
                    #expect(error.reason == "AttachedFileInvalidRequestExceptionReason: INVALID_FILE_NAME")
                }
                #expect(error.description.contains(c.code))
            }
            #expect(server.requests.count == 1)
        }
    }

    @Test func precedenceHeaderThenCodeThenType() {
        let body = Data(#"{"code":"FromCode","__type":"FromType"}"#.utf8)
        let withHeader = AWSServiceError.decode(status: 400, headers: [(name: "X-AMZN-ERRORTYPE", value: "FromHeader")], body: body, operation: "Op")
        #expect(withHeader.code == "FromHeader")
        let withCode = AWSServiceError.decode(status: 400, headers: [], body: body, operation: "Op")
        #expect(withCode.code == "FromCode")
        let withType = AWSServiceError.decode(status: 400, headers: [], body: Data(#"{"__type":"a.b#FromType"}"#.utf8), operation: "Op")
        #expect(withType.code == "FromType")
        let none = AWSServiceError.decode(status: 418, headers: [], body: Data("not json".utf8), operation: "Op")
        #expect(none.code == "HTTP 418")
        #expect(none.message == "")
    }

    @Test func sanitising() {
        #expect(AWSServiceError.sanitizeErrorCode("com.amazonaws.connect#ThrottlingException:http://internal.amazon.com/coral/com.amazonaws.connect/") == "ThrottlingException")
        #expect(AWSServiceError.sanitizeErrorCode("ResourceNotFoundException:http://internal.amazon.com/") == "ResourceNotFoundException")
        #expect(AWSServiceError.sanitizeErrorCode("aws.protocoltests.restjson#FooError") == "FooError")
        #expect(AWSServiceError.sanitizeErrorCode("FooError") == "FooError")
    }
}
