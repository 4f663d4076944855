import Foundation
import Testing
@testable import ConnectEmulator

/// Issue #13 "must show": over HTTP, the emulator rejects at publish what `patchbay validate`
/// rejects offline (an unknown action type, a missing required parameter, an action not allowed
/// in the flow's type) with InvalidContactFlowException, and accepts the same content SAVED.
@Suite struct FlowPublishOverHTTPTests {
    static func flow(_ action: String) -> String {
        #"{"Version":"2019-10-30","StartAction":"a","Actions":[\#(action),{"Identifier":"end","Type":"DisconnectParticipant","Parameters":{},"Transitions":{}}]}"#
    }

    static let cases: [(what: String, type: String, expect: String, content: String)] = [
        ("unknown action type", "CONTACT_FLOW", "PlayPromptz",
         flow(#"{"Identifier":"a","Type":"PlayPromptz","Parameters":{},"Transitions":{"NextAction":"end"}}"#)),
        ("missing required parameter", "CONTACT_FLOW", "ContactFlowId",
         flow(#"{"Identifier":"a","Type":"TransferToFlow","Parameters":{},"Transitions":{"NextAction":"end","Errors":[{"NextAction":"end","ErrorType":"NoMatchingError"}]}}"#)),
        ("action not allowed in the flow type", "CUSTOMER_WHISPER", "CUSTOMER_WHISPER",
         flow(#"{"Identifier":"a","Type":"TransferContactToQueue","Parameters":{},"Transitions":{"NextAction":"end","Errors":[{"NextAction":"end","ErrorType":"NoMatchingError"}]}}"#)),
    ]

    /// Associates every Lambda function and Lex V2 alias ARN the content names, as a console user
    /// would before publishing a flow that uses them.
    static func associateIntegrations(in content: String, _ c: EmulatorTestClient, _ iid: String) async throws {
        let pattern = try Regex(#"arn:aws:(lambda|lex):[^"]+"#)
        for match in content.matches(of: pattern) {
            let arn = String(content[match.range])
            let response = arn.contains(":lambda:")
                ? try await c.call("PUT", "/instance/\(iid)/lambda-function", body: ["FunctionArn": .string(arn)])
                : try await c.call("PUT", "/instance/\(iid)/bot", body: ["LexV2Bot": ["AliasArn": .string(arn)]])
            #expect(response.status == 200, "\(arn): \(String(describing: response.json))")
        }
    }

    /// "a Lambda not associated with the instance": refused at publish until AssociateLambdaFunction.
    @Test func lambdaMustBeAssociatedToPublish() async throws {
        try await withEmulator { c, iid in
            let lambda = "arn:aws:lambda:us-east-1:123456789012:function:lookup"
            let content = Self.flow(#"{"Identifier":"a","Type":"InvokeLambdaFunction","Parameters":{"LambdaFunctionARN":"\#(lambda)"},"Transitions":{"NextAction":"end","Errors":[{"NextAction":"end","ErrorType":"NoMatchingError"}]}}"#)
            let refused = try await c.call("PUT", "/contact-flows/\(iid)", body: ["Name": "L", "Type": "CONTACT_FLOW", "Content": .string(content)])
            #expect(refused.status == 400 && refused.errorType == "InvalidContactFlowException")
            #expect(refused.json?.at("problems.0.message")?.stringValue?.contains("not associated") == true, "\(String(describing: refused.json))")

            let associate = try await c.call("PUT", "/instance/\(iid)/lambda-function", body: ["FunctionArn": .string(lambda)])
            #expect(associate.status == 200)
            let listed = try await c.call("GET", "/instance/\(iid)/lambda-functions")
            #expect(listed.json?.at("LambdaFunctions.0")?.stringValue == lambda)
            let published = try await c.call("PUT", "/contact-flows/\(iid)", body: ["Name": "L", "Type": "CONTACT_FLOW", "Content": .string(content)])
            #expect(published.status == 200, "\(String(describing: published.json))")

            let removed = try await c.call("DELETE", "/instance/\(iid)/lambda-function", query: [("functionArn", lambda)])
            #expect(removed.status == 200)
            let again = try await c.call("DELETE", "/instance/\(iid)/lambda-function", query: [("functionArn", lambda)])
            #expect(again.errorType == "ResourceNotFoundException")
        }
    }

    /// The very files `patchbay validate` rejects (Tests/ManifestTests/Fixtures/invalid), published.
    @Test func theValidateFixturesAreRejectedAtPublish() async throws {
        let fixtures: [(file: String, type: String, culprit: String)] = [
            ("invalid/flow-unknown-action-type/main.json", "CONTACT_FLOW", "TransferContactToQue"),
            ("invalid/flow-missing-required-parameter/lookup.json", "CONTACT_FLOW", "LambdaFunctionARN"),
            ("invalid/flow-action-not-allowed-in-type/whisper.json", "CUSTOMER_WHISPER", "not allowed in a CUSTOMER_WHISPER flow"),
        ]
        try await withEmulator { c, iid in
            for (n, item) in fixtures.enumerated() {
                let content = try FlowPublishValidationTests.fixture(item.file)
                let published = try await c.call("PUT", "/contact-flows/\(iid)", body: [
                    "Name": .string("Fixture \(n)"), "Type": .string(item.type), "Content": .string(content)])
                #expect(published.status == 400 && published.errorType == "InvalidContactFlowException",
                        "\(item.file): \(String(describing: published.json))")
                let messages = (0..<10).compactMap { published.json?.at("problems.\($0).message")?.stringValue }
                #expect(messages.contains { $0.contains(item.culprit) }, "\(item.file): \(messages)")
            }
        }
    }

    @Test func publishRejectsWhatValidateRejects() async throws {
        try await withEmulator { c, iid in
            for (n, item) in Self.cases.enumerated() {
                let published = try await c.call("PUT", "/contact-flows/\(iid)", body: [
                    "Name": .string("Published \(n)"), "Type": .string(item.type), "Content": .string(item.content)])
                #expect(published.status == 400 && published.errorType == "InvalidContactFlowException", "\(item.what)")
                let message = published.json?.at("problems.0.message")?.stringValue ?? ""
                #expect(message.contains(item.expect), "\(item.what): \(message)")
                let saved = try await c.call("PUT", "/contact-flows/\(iid)", body: [
                    "Name": .string("Saved \(n)"), "Type": .string(item.type), "Content": .string(item.content), "Status": "SAVED"])
                #expect(saved.status == 200, "\(item.what): a SAVED flow gets the basic checks only")
            }
        }
    }
}
