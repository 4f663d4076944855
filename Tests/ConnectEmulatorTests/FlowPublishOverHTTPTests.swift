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
