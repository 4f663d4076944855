import Foundation
import Testing
@testable import ConnectEmulator

/// Issue 13: behaviours where the emulator follows the API reference / botocore's model.
@Suite("Emulator fidelity: ACW units, flow lifecycle, error shapes, stable tokens")
struct EmulatorFidelityTests {
    static func user(_ c: EmulatorTestClient, _ iid: String, _ name: String, acw: Int) async throws -> String {
        let rp = try #require(try await c.call("GET", "/routing-profiles-summary/\(iid)").json?.at("RoutingProfileSummaryList.0.Id")?.stringValue)
        let sp = try #require(try await c.call("GET", "/security-profiles-summary/\(iid)").json?.at("SecurityProfileSummaryList.0.Id")?.stringValue)
        let r = try await c.call("PUT", "/users/\(iid)", body: ["Username": .string(name), "RoutingProfileId": .string(rp),
                                                                 "SecurityProfileIds": [.string(sp)],
                                                                 "PhoneConfig": ["PhoneType": "SOFT_PHONE", "AfterContactWorkTimeLimit": .int(acw)]])
        return try #require(r.json?["UserId"]?.stringValue)
    }

    static func searchACW(_ c: EmulatorTestClient, _ iid: String, _ name: String) async throws -> Int? {
        let s = try await c.call("POST", "/search-users", body: ["InstanceId": .string(iid), "SearchCriteria":
            ["StringCondition": ["FieldName": "Username", "Value": .string(name), "ComparisonType": "EXACT"]]])
        return s.json?.at("Users.0.PhoneConfig.AfterContactWorkTimeLimit")?.intValue
    }

    @Test("SearchUsers returns AfterContactWorkTimeLimit in milliseconds, DescribeUser in seconds; the knob turns it off")
    func afterContactWorkUnits() async throws {
        try await withEmulator { c, iid in
            let uid = try await Self.user(c, iid, "acw", acw: 20)
            #expect(try await Self.searchACW(c, iid, "acw") == 20_000)
            #expect(try await c.call("GET", "/users/\(iid)/\(uid)").json?.at("User.PhoneConfig.AfterContactWorkTimeLimit") == 20)
        }
        try await withEmulator({ $0.searchUsersAfterContactWorkInMilliseconds = false }) { c, iid in
            _ = try await Self.user(c, iid, "acw", acw: 20)
            #expect(try await Self.searchACW(c, iid, "acw") == 20)
        }
    }

    @Test("flow lifecycle: $SAVED content beside the published one; never-published flows need :$SAVED")
    func flowLifecycle() async throws {
        try await withEmulator { c, iid in
            func flow(_ id: String, _ text: String) -> String {
                FlowValidator.minimalContent(identifier: id).replacingOccurrences(of: #""Parameters":{}"#, with: #""Parameters":{"Text":"\#(text)"}"#)
            }
            let dangling = "arn:aws:connect:us-east-1:123456789012:instance/\(iid)/queue/00000000-0000-4000-8000-000000000000"
            let withDangling = FlowValidator.minimalContent(identifier: "d").replacingOccurrences(
                of: #""Parameters":{}"#, with: #""Parameters":{"QueueId":"\#(dangling)"}"#)
            let created = try await c.call("PUT", "/contact-flows/\(iid)", body: ["Name": "Draft", "Type": "CONTACT_FLOW",
                                                                                    "Content": .string(flow("a", "v1")), "Status": "SAVED"])
            let fid = try #require(created.json?["ContactFlowId"]?.stringValue)
            let saved = "/contact-flows/\(iid)/\(EmulatorTestClient.label(fid + ":$SAVED"))"
            let plain = try await c.call("GET", "/contact-flows/\(iid)/\(fid)")
            #expect(plain.status == 404 && plain.errorType == "ContactFlowNotPublishedException")
            #expect(plain.json?["Message"] == "The flow has not been published.")
            // SAVED content: basic validation only (a dangling reference is accepted) ...
            #expect(try await c.call("POST", saved + "/content", body: ["Content": .string(withDangling)]).status == 200)
            let broken = try await c.call("POST", saved + "/content", body: ["Content": "not json"])
            #expect(broken.errorType == "InvalidContactFlowException")
            #expect(try await c.call("GET", saved).json?.at("ContactFlow.Content")?.stringValue == withDangling)
            // ... PUBLISHED content: full validation.
            let refused = try await c.call("POST", "/contact-flows/\(iid)/\(fid)/content", body: ["Content": .string(withDangling)])
            #expect(refused.errorType == "InvalidContactFlowException")
            #expect(try await c.call("POST", "/contact-flows/\(iid)/\(fid)/content", body: ["Content": .string(flow("a", "v2"))]).status == 200)
            let published = try await c.call("GET", "/contact-flows/\(iid)/\(fid)")
            #expect(published.json?.at("ContactFlow.Status") == "PUBLISHED")
            #expect(published.json?.at("ContactFlow.Content")?.stringValue == flow("a", "v2"))
            // A draft beside the published content: plain Describe keeps the published one.
            #expect(try await c.call("POST", saved + "/content", body: ["Content": .string(flow("a", "v3"))]).status == 200)
            #expect(try await c.call("GET", "/contact-flows/\(iid)/\(fid)").json?.at("ContactFlow.Content")?.stringValue == flow("a", "v2"))
            let draft = try await c.call("GET", saved)
            #expect(draft.json?.at("ContactFlow.Content")?.stringValue == flow("a", "v3"))
            #expect(draft.json?.at("ContactFlow.Status") == "SAVED")
            let bad = try await c.call("POST", "/contact-flows/\(iid)/\(EmulatorTestClient.label(fid + ":$NOPE"))/content",
                                       body: ["Content": .string(flow("a", "v4"))])
            #expect(bad.errorType == "InvalidParameterException")
        }
    }

    @Test("modelled errors carry Message; front-door errors keep message; unlisted codes are not returned")
    func errorShapes() async throws {
        try await withEmulator { c, iid in
            let missing = try await c.call("GET", "/queues/\(iid)/00000000-0000-4000-8000-000000000000")
            #expect(missing.errorType == "ResourceNotFoundException" && missing.json?["Message"]?.stringValue != nil)
            #expect(missing.json?["message"] == nil)
            #expect(try await c.call("GET", "/nowhere").json?["message"] != nil)
            // UpdatePrompt does not list DuplicateResourceException in the model.
            #expect(try await c.putObject("/b/k.wav", Data("RIFF".utf8)) == 200)
            for name in ["P1", "P2"] {
                _ = try await c.call("PUT", "/prompts/\(iid)", body: ["Name": .string(name), "S3Uri": "s3://b/k.wav"])
            }
            let prompts = try await c.call("GET", "/prompts-summary/\(iid)").json?["PromptSummaryList"]?.arrayValue ?? []
            let p2 = try #require(prompts.first { $0["Name"] == "P2" }?["Id"]?.stringValue)
            let dup = try await c.call("POST", "/prompts/\(iid)/\(p2)", body: ["Name": "P1"])
            #expect(dup.status == 400 && dup.errorType == "InvalidParameterException")
            // UpdateQueueName lists it.
            let queues = try await c.call("GET", "/queues-summary/\(iid)", query: [("queueTypes", "STANDARD")]).json
            let basic = try #require(queues?.at("QueueSummaryList.0.Id")?.stringValue)
            let hid = try #require(try await c.call("GET", "/hours-of-operations-summary/\(iid)").json?.at("HoursOfOperationSummaryList.0.Id")?.stringValue)
            _ = try await c.call("PUT", "/queues/\(iid)", body: ["Name": "Other", "HoursOfOperationId": .string(hid)])
            #expect(try await c.call("POST", "/queues/\(iid)/\(basic)/name", body: ["Name": "Other"]).errorType == "DuplicateResourceException")
        }
    }

    @Test("every operation's errors are the model's (plus the documented DeleteHoursOfOperation exception)")
    func conformRule() {
        #expect(ModelErrors.listed.count == Router.operations.count)
        let dup = ConnectError.duplicate("taken")
        #expect((ModelErrors.conform(dup, operation: "UpdatePrompt") as? ConnectError)?.code == "InvalidParameterException")
        #expect((ModelErrors.conform(dup, operation: "UpdateQueueName") as? ConnectError)?.code == "DuplicateResourceException")
        let limit = ConnectError.limitExceeded("too many")
        #expect((ModelErrors.conform(limit, operation: "AssociateRoutingProfileQueues") as? ConnectError)?.code == "InvalidParameterException")
        let inUse = ConnectError.inUse("used", type: "QUEUE", id: "arn")
        #expect((ModelErrors.conform(inUse, operation: "DeleteHoursOfOperation") as? ConnectError)?.code == "ResourceInUseException")
        #expect((ModelErrors.conform(ConnectError.invalidParameter("x"), operation: "UpdateContactFlowModuleContent") as? ConnectError)?.code
                == "InvalidRequestException")
    }

    @Test("NextToken: items deleted between pages skip nothing")
    func stableTokens() async throws {
        try await withEmulator({ $0.quotas.quickConnectsPerInstance = 50 }) { c, iid in
            var ids: [String: String] = [:]
            for i in 0..<7 {
                let r = try await c.call("PUT", "/quick-connects/\(iid)", body: ["Name": .string("QC\(i)"), "QuickConnectConfig":
                    ["QuickConnectType": "PHONE_NUMBER", "PhoneConfig": ["PhoneNumber": "+15550100"]]])
                ids["QC\(i)"] = r.json?["QuickConnectId"]?.stringValue
            }
            let first = try await c.call("GET", "/quick-connects/\(iid)", query: [("maxResults", "3")])
            #expect(first.json?.names("QuickConnectSummaryList") == ["QC0", "QC1", "QC2"])
            let token = try #require(first.json?["NextToken"]?.stringValue)
            for name in ["QC0", "QC1"] { _ = try await c.call("DELETE", "/quick-connects/\(iid)/\(ids[name] ?? "")") }
            let second = try await c.call("GET", "/quick-connects/\(iid)", query: [("maxResults", "3"), ("nextToken", token)])
            #expect(second.json?.names("QuickConnectSummaryList") == ["QC3", "QC4", "QC5"])
            let search = try await c.call("POST", "/search-quick-connects", body: ["InstanceId": .string(iid), "MaxResults": 2])
            let st = try #require(search.json?["NextToken"]?.stringValue)
            _ = try await c.call("DELETE", "/quick-connects/\(iid)/\(ids["QC2"] ?? "")")
            let next = try await c.call("POST", "/search-quick-connects", body: ["InstanceId": .string(iid), "MaxResults": 2, "NextToken": .string(st)])
            #expect(next.json?.names("QuickConnects") == ["QC4", "QC5"])
        }
    }

    @Test("NextToken on a List without a filter (paged from the table's order): deletions between pages skip nothing")
    func stableTokensUnfilteredList() async throws {
        try await withEmulator { c, iid in
            var ids: [String: String] = [:]
            for i in 0..<7 {
                let r = try await c.call("PUT", "/security-profiles/\(iid)", body: ["SecurityProfileName": .string("zz\(i)")])
                ids["zz\(i)"] = r.json?["SecurityProfileId"]?.stringValue
            }
            let all = try await c.call("GET", "/security-profiles-summary/\(iid)", query: [("maxResults", "1000")])
            let names = all.json?.names("SecurityProfileSummaryList") ?? []
            #expect(names == names.sorted() && names.suffix(7) == ["zz0", "zz1", "zz2", "zz3", "zz4", "zz5", "zz6"])
            let first = try await c.call("GET", "/security-profiles-summary/\(iid)", query: [("maxResults", "\(names.count - 4)")])
            #expect(first.json?.names("SecurityProfileSummaryList").suffix(3) == ["zz0", "zz1", "zz2"])
            let token = try #require(first.json?["NextToken"]?.stringValue)
            for name in ["zz1", "zz2"] { _ = try await c.call("DELETE", "/security-profiles/\(iid)/\(ids[name] ?? "")") }
            let second = try await c.call("GET", "/security-profiles-summary/\(iid)", query: [("maxResults", "3"), ("nextToken", token)])
            #expect(second.json?.names("SecurityProfileSummaryList") == ["zz3", "zz4", "zz5"])
            let last = try await c.call("GET", "/security-profiles-summary/\(iid)",
                                        query: [("maxResults", "3"), ("nextToken", try #require(second.json?["NextToken"]?.stringValue))])
            #expect(last.json?.names("SecurityProfileSummaryList") == ["zz6"] && last.json?["NextToken"] == nil)
        }
    }

    @Test("hierarchy group names are unique in the instance, also under different parents")
    func hierarchyNames() async throws {
        try await withEmulator { c, iid in
            _ = try await c.call("POST", "/user-hierarchy-structure/\(iid)", body: ["HierarchyStructure":
                ["LevelOne": ["Name": "Region"], "LevelTwo": ["Name": "Site"]]])
            var parents: [String] = []
            for name in ["Americas", "EMEA"] {
                let r = try await c.call("PUT", "/user-hierarchy-groups/\(iid)", body: ["Name": .string(name)])
                parents.append(try #require(r.json?["HierarchyGroupId"]?.stringValue))
            }
            let a = try await c.call("PUT", "/user-hierarchy-groups/\(iid)", body: ["Name": "Support", "ParentGroupId": .string(parents[0])])
            #expect(a.status == 200)
            let b = try await c.call("PUT", "/user-hierarchy-groups/\(iid)", body: ["Name": "Support", "ParentGroupId": .string(parents[1])])
            #expect(b.status == 409 && b.errorType == "DuplicateResourceException")
        }
    }
}
