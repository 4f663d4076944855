import AWSClient
import ConnectHTTP
import Foundation
import Testing
@testable import ConnectAPI

@Suite("Typed errors")
struct ConnectErrorTests {
    /// A client whose transport fails every call with the given service error.
    func failing(code: String, status: Int, body: String, message: String = "boom") -> ConnectClient {
        ConnectClient(transport: RecordingTransport { request, _ in
            throw AWSServiceError(code: code, message: message, status: status, requestId: "req-123",
                                  operation: request.operation, rawBody: Data(body.utf8))
        })
    }

    func error(code: String, status: Int, body: String = "{}",
               _ call: (ConnectClient) async throws -> Void) async -> ConnectError? {
        do {
            try await call(failing(code: code, status: status, body: body))
            return nil
        } catch let error as ConnectError {
            return error
        } catch {
            Issue.record("unexpected error type \(type(of: error)): \(error)")
            return nil
        }
    }

    @Test("simple kinds", arguments: [
        ("ThrottlingException", 429, ConnectError.Kind.throttling),
        ("ResourceNotFoundException", 404, .resourceNotFound),
        ("DuplicateResourceException", 409, .duplicateResource),
        ("InvalidParameterException", 400, .invalidParameter),
        ("LimitExceededException", 429, .limitExceeded),
        ("AccessDeniedException", 403, .accessDenied),
        ("ContactFlowNotPublishedException", 404, .contactFlowNotPublished),
        ("IdempotencyException", 409, .idempotency),
        ("InternalServiceException", 500, .internalService),
        ("ResourceConflictException", 409, .resourceConflict),
        ("ConditionalOperationFailedException", 409, .other(code: "ConditionalOperationFailedException")),
        ("HTTP 502", 502, .other(code: "HTTP 502")),
    ])
    func simpleKinds(code: String, status: Int, kind: ConnectError.Kind) async {
        let e = await error(code: code, status: status, body: #"{"Message":"boom"}"#) {
            _ = try await $0.describe(Queue.self, instanceId: "i", id: "q")
        }
        #expect(e?.kind == kind)
        #expect(e?.code == code)
        #expect(e?.status == status)
        #expect(e?.message == "boom")
        #expect(e?.requestId == "req-123")
        #expect(e?.operation == "DescribeQueue")
        #expect(e?.rawBody == Data(#"{"Message":"boom"}"#.utf8))
    }

    @Test("ResourceInUseException keeps ResourceType and ResourceId")
    func resourceInUse() async {
        let body = #"{"Message":"in use","ResourceType":"USER","ResourceId":"arn:aws:connect:us-east-1:1:instance/i/agent/u"}"#
        let e = await error(code: "ResourceInUseException", status: 409, body: body) {
            try await $0.write(.deleteRoutingProfile, ["InstanceId": "i", "RoutingProfileId": "r"])
        }
        #expect(e?.kind == .resourceInUse(resourceType: "USER", resourceId: "arn:aws:connect:us-east-1:1:instance/i/agent/u"))
        #expect(e?.description.contains("USER") == true)
    }

    @Test("InvalidContactFlowException carries lower-case problems")
    func invalidFlow() async {
        let body = #"{"problems":[{"message":"StartAction does not exist"},{"message":"Action a2 unreachable"}]}"#
        let e = await error(code: "InvalidContactFlowException", status: 400, body: body) {
            try await $0.write(.updateContactFlowContent, ["InstanceId": "i", "ContactFlowId": "f"], ["Content": "{}"])
        }
        #expect(e?.kind == .invalidContactFlow(problems: ["StartAction does not exist", "Action a2 unreachable"]))
        #expect(e?.description.contains("Action a2 unreachable") == true)
    }

    @Test("InvalidContactFlowModuleException carries Problems")
    func invalidModule() async {
        let e = await error(code: "InvalidContactFlowModuleException", status: 400,
                            body: #"{"Problems":[{"message":"bad"}]}"#) {
            try await $0.write(.updateContactFlowModuleContent, ["InstanceId": "i", "ContactFlowModuleId": "m"], ["Content": "{}"])
        }
        #expect(e?.kind == .invalidContactFlowModule(problems: ["bad"]))
    }

    @Test("InvalidRequestException and ServiceQuotaExceededException flatten their Reason union")
    func reasons() async {
        let e = await error(code: "InvalidRequestException", status: 400,
                            body: #"{"Message":"m","Reason":{"AttachedFileInvalidRequestExceptionReason":"INVALID_FILE_SIZE"}}"#) {
            _ = try await $0.describe(User.self, instanceId: "i", id: "u")
        }
        #expect(e?.kind == .invalidRequest(reason: "AttachedFileInvalidRequestExceptionReason: INVALID_FILE_SIZE"))
        let plain = await error(code: "InvalidRequestException", status: 400, body: #"{"Message":"m"}"#) {
            _ = try await $0.describe(User.self, instanceId: "i", id: "u")
        }
        #expect(plain?.kind == .invalidRequest(reason: nil))
        let quota = await error(code: "ServiceQuotaExceededException", status: 402,
                                body: #"{"Reason":{"AttachedFileServiceQuotaExceededExceptionReason":"TOTAL_FILE_COUNT_EXCEEDS_QUOTA"}}"#) {
            _ = try await $0.write(.createHoursOfOperation, ["InstanceId": "i"], CreateHoursOfOperationRequest(Name: "n", TimeZone: "UTC", Config: []))
        }
        #expect(quota?.kind == .serviceQuotaExceeded(reason: "AttachedFileServiceQuotaExceededExceptionReason: TOTAL_FILE_COUNT_EXCEEDS_QUOTA"))
    }

    @Test("a body that is not JSON still yields a typed error")
    func nonJSONBody() async {
        let e = await error(code: "ResourceInUseException", status: 409, body: "<html>oops</html>") {
            try await $0.write(.deleteQueue, ["InstanceId": "i", "QueueId": "q"])
        }
        #expect(e?.kind == .resourceInUse(resourceType: nil, resourceId: nil))
    }

    @Test("transport failures pass through untouched")
    func transportErrors() async {
        let client = ConnectClient(transport: RecordingTransport { request, _ in
            throw AWSTransportError(.connection, "connection refused", operation: request.operation)
        })
        do {
            _ = try await client.send(DescribeInstanceRequest(instanceId: "i"))
            Issue.record("expected an error")
        } catch let error as AWSTransportError {
            #expect(error.kind == .connection)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("an undecodable success body is an invalidResponse transport error")
    func malformedResponse() async {
        let client = ConnectClient(transport: RecordingTransport(bodies: [#"{"Queue": 42}"#]))
        do {
            _ = try await client.describe(Queue.self, instanceId: "i", id: "q")
            Issue.record("expected an error")
        } catch let error as AWSTransportError {
            #expect(error.kind == .invalidResponse)
            #expect(error.operation == "DescribeQueue")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
