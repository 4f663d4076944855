import Foundation
import Testing
@testable import ConnectEmulator

/// Publish-time validation of flow content (FlowValidator.publishProblems, backed by the
/// FlowLanguage catalogue), on the same content as the manifest fixtures
/// (Tests/ManifestTests/Fixtures/invalid/flow-*) and the same real-world flows
/// (Tests/ManifestTests/Fixtures/valid/aws-samples).
@Suite("Flow content validated at publish time")
struct FlowPublishValidationTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ManifestTests/Fixtures")

    /// A fixture file with its keycap markers (`1️⃣`) removed.
    static func fixture(_ path: String) throws -> String {
        var text = try String(contentsOf: fixtures.appendingPathComponent(path), encoding: .utf8)
        for digit in 1...9 { text = text.replacingOccurrences(of: "\(digit)\u{FE0F}\u{20E3}", with: "") }
        return text
    }

    static func problems(_ content: String, _ type: String?, existing: Set<String> = []) -> [String] {
        FlowValidator.publishProblems(content, flowType: type, referenceProblem: { ref in
            existing.contains(ref.id) ? nil : "Referenced \(ref.kind.label) \(ref.raw) does not exist"
        })
    }

    @Test("the invalid manifest fixtures are rejected with the same problems")
    func invalidFixtures() throws {
        // ${queue:BasicQueue} is resolved before upload; here it stands for a resolved id.
        let unknown = try Self.fixture("invalid/flow-unknown-action-type/main.json")
            .replacingOccurrences(of: "${queue:BasicQueue}", with: "$.Attributes.queue")
        #expect(Self.problems(unknown, "CONTACT_FLOW")
                == ["action 'transfer' has unknown type 'TransferContactToQue'; did you mean 'TransferContactToQueue'?"])
        let missing = try Self.fixture("invalid/flow-missing-required-parameter/lookup.json")
        #expect(Self.problems(missing, "CONTACT_FLOW") == [
            "parameter 'LambdaFunctionARN' of action 'lookup' (InvokeLambdaFunction) is required",
            "parameter 'LoopCount' of action 'retry' (Loop) must be a string or a number, found an object",
        ])
        let whisper = try Self.fixture("invalid/flow-action-not-allowed-in-type/whisper.json")
        #expect(Self.problems(whisper, "CUSTOMER_WHISPER") == [
            "action 'transfer': TransferContactToQueue is not allowed in a CUSTOMER_WHISPER flow; it is allowed in every flow type "
            + "except AGENT_HOLD, AGENT_WHISPER, CUSTOMER_HOLD, CUSTOMER_QUEUE, CUSTOMER_WHISPER, OUTBOUND_WHISPER",
        ])
        #expect(Self.problems(whisper, "CONTACT_FLOW").isEmpty)
        let template = try Self.fixture("invalid/flow-unfilled-template-text/customer-queue.json")
        #expect(Self.problems(template, "CUSTOMER_QUEUE") == [
            "parameter 'PromptId' of action '7c3cfb6e-2d8c-481f-8ec7-f259ce0b09c3' is 'PROMPT#CustomerQueue', which is not a prompt ID or ARN (unfilled template text?)",
        ])
    }

    @Test("the problems are InvalidContactFlowException's lower-case problems[].message")
    func exceptionShape() throws {
        let whisper = try Self.fixture("invalid/flow-action-not-allowed-in-type/whisper.json")
        let error = ConnectError.invalidFlow(Self.problems(whisper, "CUSTOMER_WHISPER"))
        #expect(error.code == "InvalidContactFlowException" && error.status == 400)
        #expect(error.body()["problems"]?.arrayValue?.first?["message"]?.stringValue?.contains("TransferContactToQueue") == true)
    }

    @Test("references resolve against the instance: missing resources and unassociated Lambda functions")
    func references() {
        let iid = "11111111-2222-4333-8444-555555555555", qid = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"
        let lambda = "arn:aws:lambda:us-east-1:123456789012:function:lookup"
        let content = #"{"Version":"2019-10-30","StartAction":"l","Actions":[{"Identifier":"l","Type":"InvokeLambdaFunction","Parameters":{"LambdaFunctionARN":"\#(lambda)"},"Transitions":{"NextAction":"q"}},{"Identifier":"q","Type":"UpdateContactTargetQueue","Parameters":{"QueueId":"arn:aws:connect:us-east-1:123456789012:instance/\#(iid)/queue/\#(qid)"},"Transitions":{"NextAction":"e"}},{"Identifier":"e","Type":"DisconnectParticipant","Parameters":{},"Transitions":{}}]}"#
        let missing = FlowValidator.publishProblems(content, flowType: "CONTACT_FLOW", referenceProblem: { _ in "Referenced queue does not exist" },
                                                    integration: { _, _ in false })
        #expect(missing == [
            "parameter 'LambdaFunctionARN' of action 'l': Lambda function \(lambda) is not associated with this instance (AssociateLambdaFunction)",
            "parameter 'QueueId' of action 'q': Referenced queue does not exist",
        ])
        #expect(FlowValidator.publishProblems(content, flowType: "CONTACT_FLOW", referenceProblem: { _ in nil },
                                              integration: { kind, arn in kind == .lambdaFunction && arn == lambda }).isEmpty)
        #expect(FlowValidator.publishProblems(content, flowType: "CONTACT_FLOW", referenceProblem: { _ in nil }).isEmpty,
                "the caller cannot tell: accepted")
    }

    @Test("real-world flows and the default flows pass full validation")
    func validFlows() throws {
        for (file, type) in [("acme-customer-whisper.json", "CUSTOMER_WHISPER"), ("acme-queue-transfer.json", "QUEUE_TRANSFER"),
                             ("acme-main.json", "CONTACT_FLOW")] {
            let content = try Self.fixture("valid/aws-samples/flows/" + file)
            #expect(Self.problems(content, type).isEmpty, "\(file)")
        }
        for type in ContactFlowKind.types.sorted() {
            #expect(Self.problems(FlowValidator.minimalContent(identifier: "a"), type).isEmpty, "\(type)")
        }
    }

    @Test("over HTTP: published template text is rejected, SAVED content is not; real-world flows publish")
    func overHTTP() async throws {
        try await withEmulator { c, iid in
            let template = #"{"Version":"2019-10-30","StartAction":"q","Actions":[{"Identifier":"q","Type":"UpdateContactTargetQueue","Parameters":{"QueueId":"QUEUE_ARN_HERE"},"Transitions":{"NextAction":"e"}},{"Identifier":"e","Type":"DisconnectParticipant","Parameters":{},"Transitions":{}}]}"#
            let published = try await c.call("PUT", "/contact-flows/\(iid)", body: ["Name": "T", "Type": "CONTACT_FLOW", "Content": .string(template)])
            #expect(published.status == 400 && published.errorType == "InvalidContactFlowException")
            #expect(published.json?.at("problems.0.message")?.stringValue?.contains("QUEUE_ARN_HERE") == true, "\(String(describing: published.json))")
            let saved = try await c.call("PUT", "/contact-flows/\(iid)", body: ["Name": "T", "Type": "CONTACT_FLOW", "Content": .string(template),
                                                                               "Status": "SAVED"])
            #expect(saved.status == 200)
            for (file, type) in [("acme-customer-whisper.json", "CUSTOMER_WHISPER"), ("acme-queue-transfer.json", "QUEUE_TRANSFER"),
                                 ("acme-main.json", "CONTACT_FLOW")] {
                let content = try Self.fixture("valid/aws-samples/flows/" + file)
                try await FlowPublishOverHTTPTests.associateIntegrations(in: content, c, iid)
                let created = try await c.call("PUT", "/contact-flows/\(iid)", body: ["Name": .string(file), "Type": .string(type),
                                                                                     "Content": .string(content)])
                #expect(created.status == 200, "\(file): \(String(describing: created.json))")
            }
        }
    }
}
