import Foundation
import Testing
@testable import ConnectEmulator

/// The emulator's task templates over loopback HTTP, as docs/emulator.md describes them.
@Suite("Emulator task template operations")
struct TaskTemplateOperationTests {
    static let fields: JSONValue = [
        ["Id": ["Name": "Phone"], "Type": "TEXT"],
        ["Id": ["Name": "Reason"], "Type": "SINGLE_SELECT", "SingleSelectOptions": ["Billing", "Other"], "Description": "Why"],
    ]

    func flowId(_ c: EmulatorTestClient, _ iid: String) async throws -> String {
        let flows = try await c.call("GET", "/contact-flows-summary/\(iid)")
        let flow = flows.json?["ContactFlowSummaryList"]?.arrayValue?.first { $0["Name"] == "Default customer queue" }
        return try #require(flow?["Id"]?.stringValue)
    }

    @Test("create, get, list, full update, tags, delete")
    func lifeCycle() async throws {
        try await withEmulator { c, iid in
            let flow = try await flowId(c, iid)
            let created = try await c.call("PUT", "/instance/\(iid)/task/template", body: [
                "Name": "Callback", "Description": "Call back", "ContactFlowId": .string(flow), "Fields": Self.fields,
                "Constraints": ["RequiredFields": [["Id": ["Name": "Phone"]]]],
                "Defaults": ["DefaultFieldValues": [["Id": ["Name": "Reason"], "DefaultValue": "Other"]]],
                "ClientToken": "token-1",
            ])
            #expect(created.status == 200)
            let id = try #require(created.json?["Id"]?.stringValue)
            let arn = try #require(created.json?["Arn"]?.stringValue)
            #expect(arn == "arn:aws:connect:us-east-1:123456789012:instance/\(iid)/task-template/\(id)")
            // The same ClientToken again: the same template, not a second one.
            let again = try await c.call("PUT", "/instance/\(iid)/task/template", body: [
                "Name": "Callback", "Fields": Self.fields, "ClientToken": "token-1"])
            #expect(again.json?["Id"]?.stringValue == id)

            let got = try await c.call("GET", "/instance/\(iid)/task/template/\(id)")
            #expect(got.json?["Status"] == "ACTIVE" && got.json?["ContactFlowId"]?.stringValue == flow)
            #expect(got.json?.at("Constraints.RequiredFields.0.Id.Name") == "Phone")
            #expect(got.json?.at("Defaults.DefaultFieldValues.0.DefaultValue") == "Other")
            #expect(got.json?.at("Fields.1.SingleSelectOptions") == ["Billing", "Other"])
            #expect(got.json?["Tags"] == .object([:]))

            let tag = try await c.call("POST", "/tags/\(EmulatorTestClient.label(arn))", body: ["tags": ["patchbay:stack": "t"]])
            #expect(tag.status == 200)
            let list = try await c.call("GET", "/instance/\(iid)/task/template")
            #expect(list.json?.names("TaskTemplates") == ["Callback"])
            #expect(list.json?.at("TaskTemplates.0.Status") == "ACTIVE" && list.json?.at("TaskTemplates.0.Tags") == nil)
            let inactive = try await c.call("GET", "/instance/\(iid)/task/template", query: [("status", "INACTIVE")])
            #expect(inactive.json?.names("TaskTemplates") == [])

            // A full update: what it leaves out (the flow, constraints, defaults, description) is gone.
            let updated = try await c.call("POST", "/instance/\(iid)/task/template/\(id)", body: [
                "Status": "INACTIVE", "Fields": [["Id": ["Name": "Phone"], "Type": "TEXT"]]])
            #expect(updated.status == 200 && updated.json?["Status"] == "INACTIVE")
            let after = try await c.call("GET", "/instance/\(iid)/task/template/\(id)")
            #expect(after.json?["ContactFlowId"] == nil && after.json?["Constraints"] == nil && after.json?["Description"] == nil)
            #expect(after.json?["Name"] == "Callback")
            #expect(after.json?["Tags"]?["patchbay:stack"] == "t")

            #expect(try await c.call("DELETE", "/instance/\(iid)/task/template/\(id)").status == 200)
            let gone = try await c.call("GET", "/instance/\(iid)/task/template/\(id)")
            #expect(gone.status == 404 && gone.errorType == "ResourceNotFoundException")
        }
    }

    @Test("invalid content is a PropertyValidationException naming the property and its reason")
    func validation() async throws {
        try await withEmulator { c, iid in
            func reason(_ body: JSONValue) async throws -> String {
                let r = try await c.call("PUT", "/instance/\(iid)/task/template", body: body)
                #expect(r.status == 400 && r.errorType == "PropertyValidationException", "\(r.status) \(String(describing: r.json))")
                return "\(r.json?.at("PropertyList.0.PropertyPath")?.stringValue ?? "") \(r.json?.at("PropertyList.0.Reason")?.stringValue ?? "")"
            }
            let first = try await c.call("PUT", "/instance/\(iid)/task/template", body: ["Name": "T", "Fields": Self.fields])
            #expect(first.status == 200)
            var got: [String] = []
            got.append(try await reason(["Name": "T", "Fields": []]))
            got.append(try await reason(["Name": "U", "Fields": [["Id": ["Name": "A"], "Type": "TEXT"], ["Id": ["Name": "A"], "Type": "URL"]]]))
            got.append(try await reason(["Name": "U", "Fields": [["Id": ["Name": "A"], "Type": "STRING"]]]))
            got.append(try await reason(["Name": "U", "Fields": [["Id": ["Name": "A"], "Type": "SINGLE_SELECT"]]]))
            got.append(try await reason(["Name": "U", "Fields": [["Id": ["Name": "A"], "Type": "TEXT"]],
                                         "Constraints": ["ReadOnlyFields": [["Id": ["Name": "B"]]]]]))
            got.append(try await reason(["Name": "U", "Fields": [], "ContactFlowId": "nope"]))
            #expect(got == ["Name RESOURCE_NAME_ALREADY_EXISTS", "Fields[1].Id.Name UNIQUE_CONSTRAINT_VIOLATED", "Fields[0].Type INVALID_FORMAT",
                            "Fields[0].SingleSelectOptions REQUIRED_PROPERTY_MISSING", "Constraints.ReadOnlyFields[0] REFERENCED_RESOURCE_NOT_FOUND",
                            "ContactFlowId REFERENCED_RESOURCE_NOT_FOUND"])
        }
    }

    @Test("the per-instance quota gives ServiceQuotaExceededException (402)")
    func quota() async throws {
        try await withEmulator({ $0.quotas.taskTemplatesPerInstance = 1 }) { c, iid in
            #expect(try await c.call("PUT", "/instance/\(iid)/task/template", body: ["Name": "A", "Fields": []]).status == 200)
            let r = try await c.call("PUT", "/instance/\(iid)/task/template", body: ["Name": "B", "Fields": []])
            #expect(r.status == 402 && r.errorType == "ServiceQuotaExceededException")
        }
    }
}
