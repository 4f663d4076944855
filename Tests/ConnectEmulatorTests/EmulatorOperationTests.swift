import Foundation
import Testing
@testable import ConnectEmulator

@Suite("Emulator operations over loopback HTTP")
struct EmulatorOperationTests {
    @Test("a new instance holds Connect's defaults, without tags")
    func defaults() async throws {
        try await withEmulator { c, iid in
            let hours = try await c.call("GET", "/hours-of-operations-summary/\(iid)")
            #expect(hours.json?.names("HoursOfOperationSummaryList") == ["Basic Hours"])
            let queues = try await c.call("GET", "/queues-summary/\(iid)", query: [("queueTypes", "STANDARD")])
            #expect(queues.json?.names("QueueSummaryList") == ["BasicQueue"])
            let all = try await c.call("GET", "/queues-summary/\(iid)")
            #expect(all.json?["QueueSummaryList"]?.arrayValue?.contains { $0["QueueType"] == "AGENT" } == true)
            let rps = try await c.call("GET", "/routing-profiles-summary/\(iid)")
            #expect(rps.json?.names("RoutingProfileSummaryList") == ["Basic Routing Profile"])
            let sps = try await c.call("GET", "/security-profiles-summary/\(iid)")
            #expect(sps.json?.names("SecurityProfileSummaryList") == ["Admin", "Agent", "CallCenterManager", "QualityAnalyst"])
            let flows = try await c.call("GET", "/contact-flows-summary/\(iid)")
            let flowTypes = Dictionary(uniqueKeysWithValues: (flows.json?["ContactFlowSummaryList"]?.arrayValue ?? []).map {
                ($0["Name"]?.stringValue ?? "", $0["ContactFlowType"]?.stringValue ?? "")
            })
            #expect(flowTypes == ["Default agent hold": "AGENT_HOLD", "Default agent whisper": "AGENT_WHISPER",
                                  "Default customer hold": "CUSTOMER_HOLD", "Default customer queue": "CUSTOMER_QUEUE",
                                  "Default customer whisper": "CUSTOMER_WHISPER", "Default outbound": "OUTBOUND_WHISPER",
                                  "Default queue transfer": "QUEUE_TRANSFER", "Default agent transfer": "AGENT_TRANSFER"])
            let statuses = try await c.call("GET", "/agent-status/\(iid)")
            #expect(statuses.json?.names("AgentStatusSummaryList") == ["Available", "Offline"])
            let users = try await c.call("GET", "/users-summary/\(iid)")
            #expect(users.json?.names("UserSummaryList", nameKey: "Username") == ["admin"])
            let qid = queues.json?.at("QueueSummaryList.0.Id")?.stringValue ?? ""
            let q = try await c.call("GET", "/queues/\(iid)/\(qid)")
            #expect(q.json?.at("Queue.Tags") == .object([:]))
            #expect(q.json?.at("Queue.QueueArn")?.stringValue == "arn:aws:connect:us-east-1:123456789012:instance/\(iid)/queue/\(qid)")
            let instance = try await c.call("GET", "/instance/\(iid)")
            #expect(instance.json?.at("Instance.Id")?.stringValue == iid)
            #expect(instance.requestId?.isEmpty == false)
        }
    }

    @Test("hours and queues: create, describe, update, duplicate names, in-use deletes")
    func hoursQueuesCRUD() async throws {
        try await withEmulator { c, iid in
            let config: JSONValue = [["Day": "MONDAY", "StartTime": ["Hours": 9, "Minutes": 0], "EndTime": ["Hours": 17, "Minutes": 0]]]
            let h = try await c.call("PUT", "/hours-of-operations/\(iid)",
                                     body: ["Name": "Business", "TimeZone": "UTC", "Config": config, "Tags": ["stack": "t"]])
            #expect(h.status == 200)
            let hid = try #require(h.json?["HoursOfOperationId"]?.stringValue)
            #expect(h.json?["HoursOfOperationArn"]?.stringValue?.hasSuffix("/operating-hours/\(hid)") == true)
            let dup = try await c.call("PUT", "/hours-of-operations/\(iid)", body: ["Name": "Business", "TimeZone": "UTC", "Config": config])
            #expect(dup.status == 409 && dup.errorType == "DuplicateResourceException")
            #expect(dup.json?["Message"]?.stringValue?.isEmpty == false)

            let q = try await c.call("PUT", "/queues/\(iid)", body: ["Name": "Support", "HoursOfOperationId": .string(hid), "MaxContacts": 5])
            let qid = try #require(q.json?["QueueId"]?.stringValue)
            _ = try await c.call("POST", "/queues/\(iid)/\(qid)/name", body: ["Name": "Support 2", "Description": "d"])
            _ = try await c.call("POST", "/queues/\(iid)/\(qid)/max-contacts", body: ["MaxContacts": 9])
            _ = try await c.call("POST", "/queues/\(iid)/\(qid)/status", body: ["Status": "DISABLED"])
            let d = try await c.call("GET", "/queues/\(iid)/\(qid)")
            #expect(d.json?.at("Queue.Name") == "Support 2")
            #expect(d.json?.at("Queue.MaxContacts") == 9)
            #expect(d.json?.at("Queue.Status") == "DISABLED")
            #expect(d.json?.at("Queue.LastModifiedTime")?.doubleValue != nil)

            let inUse = try await c.call("DELETE", "/hours-of-operations/\(iid)/\(hid)")
            #expect(inUse.status == 409 && inUse.errorType == "ResourceInUseException")
            #expect(inUse.json?["ResourceType"] == "QUEUE")
            #expect(inUse.json?["ResourceId"]?.stringValue?.hasSuffix(qid) == true)

            let missing = try await c.call("GET", "/queues/\(iid)/00000000-0000-4000-8000-000000000000")
            #expect(missing.status == 404 && missing.errorType == "ResourceNotFoundException")
            let otherInstance = try await c.call("GET", "/queues-summary/00000000-0000-4000-8000-000000000000")
            #expect(otherInstance.status == 404)

            #expect(try await c.call("DELETE", "/queues/\(iid)/\(qid)").status == 200)
            #expect(try await c.call("DELETE", "/hours-of-operations/\(iid)/\(hid)").status == 200)
        }
    }

    @Test("routing profiles, users and security profiles: references, in-use, batch limits")
    func routingAndUsers() async throws {
        try await withEmulator { c, iid in
            let basicQueue = try #require(try await c.call("GET", "/queues-summary/\(iid)", query: [("queueTypes", "STANDARD")])
                .json?.at("QueueSummaryList.0.Id")?.stringValue)
            func cfg(_ p: Int, _ d: Int = 0, _ ch: String = "VOICE") -> JSONValue {
                ["QueueReference": ["QueueId": .string(basicQueue), "Channel": .string(ch)], "Priority": .int(p), "Delay": .int(d)]
            }
            let mc: JSONValue = [["Channel": "VOICE", "Concurrency": 1]]
            let tooMany = try await c.call("PUT", "/routing-profiles/\(iid)", body: [
                "Name": "RP", "Description": "d", "DefaultOutboundQueueId": .string(basicQueue), "MediaConcurrencies": mc,
                "QueueConfigs": .array((1...11).map { cfg($0) })])
            #expect(tooMany.status == 400 && tooMany.errorType == "InvalidParameterException")
            for bad in [cfg(100), cfg(1, 10000)] {
                let r = try await c.call("PUT", "/routing-profiles/\(iid)", body: [
                    "Name": "RP", "Description": "d", "DefaultOutboundQueueId": .string(basicQueue), "MediaConcurrencies": mc, "QueueConfigs": [bad]])
                #expect(r.errorType == "InvalidParameterException")
            }
            let voice2 = try await c.call("PUT", "/routing-profiles/\(iid)", body: [
                "Name": "RP", "Description": "d", "DefaultOutboundQueueId": .string(basicQueue),
                "MediaConcurrencies": [["Channel": "VOICE", "Concurrency": 2]]])
            #expect(voice2.errorType == "InvalidParameterException")

            let rp = try await c.call("PUT", "/routing-profiles/\(iid)", body: [
                "Name": "RP", "Description": "d", "DefaultOutboundQueueId": .string(basicQueue),
                "MediaConcurrencies": [["Channel": "VOICE", "Concurrency": 1], ["Channel": "CHAT", "Concurrency": 2]],
                "QueueConfigs": [cfg(1), cfg(2, 5, "CHAT")]])
            let rpid = try #require(rp.json?["RoutingProfileId"]?.stringValue)
            let refs: JSONValue = .array((0..<11).map { _ in ["QueueId": .string(basicQueue), "Channel": "CHAT"] })
            #expect(try await c.call("POST", "/routing-profiles/\(iid)/\(rpid)/disassociate-queues", body: ["QueueReferences": refs]).errorType
                    == "InvalidParameterException")
            let page1 = try await c.call("GET", "/routing-profiles/\(iid)/\(rpid)/queues", query: [("maxResults", "1")])
            #expect(page1.json?["RoutingProfileQueueConfigSummaryList"]?.arrayValue?.count == 1)
            let token = try #require(page1.json?["NextToken"]?.stringValue)
            let page2 = try await c.call("GET", "/routing-profiles/\(iid)/\(rpid)/queues", query: [("maxResults", "1"), ("nextToken", token)])
            #expect(page2.json?["NextToken"] == nil)
            #expect(try await c.call("GET", "/routing-profiles/\(iid)/\(rpid)/queues", query: [("maxResults", "101")]).errorType == "InvalidParameterException")

            let search = try await c.call("POST", "/search-routing-profiles", body: ["InstanceId": .string(iid),
                "SearchCriteria": ["StringCondition": ["FieldName": "name", "Value": "RP", "ComparisonType": "EXACT"]]])
            let item = try #require(search.json?.at("RoutingProfiles.0"))
            #expect(item["AgentAvailabilityTimer"] == nil)
            #expect(item.at("MediaConcurrencies.0.CrossChannelBehavior") == nil)
            let described = try await c.call("GET", "/routing-profiles/\(iid)/\(rpid)")
            #expect(described.json?.at("RoutingProfile.MediaConcurrencies.0.CrossChannelBehavior.BehaviorType") != nil)

            let sp = try await c.call("PUT", "/security-profiles/\(iid)", body: ["SecurityProfileName": "Lead", "Permissions": ["A", "B"]])
            let spid = try #require(sp.json?["SecurityProfileId"]?.stringValue)
            let elevenProfiles: JSONValue = .array((0..<11).map { _ in .string(spid) })
            let badUser = try await c.call("PUT", "/users/\(iid)", body: ["Username": "x", "SecurityProfileIds": elevenProfiles,
                                                                         "RoutingProfileId": .string(rpid)])
            #expect(badUser.errorType == "InvalidParameterException")
            let user = try await c.call("PUT", "/users/\(iid)", body: ["Username": "jdoe", "SecurityProfileIds": [.string(spid)],
                                                                      "RoutingProfileId": .string(rpid), "PhoneConfig": ["PhoneType": "SOFT_PHONE"]])
            let uid = try #require(user.json?["UserId"]?.stringValue)
            #expect(user.json?["UserArn"]?.stringValue?.hasSuffix("/agent/\(uid)") == true)
            #expect(try await c.call("DELETE", "/routing-profiles/\(iid)/\(rpid)").errorType == "ResourceInUseException")
            #expect(try await c.call("DELETE", "/security-profiles/\(iid)/\(spid)").errorType == "ResourceInUseException")
            #expect(try await c.call("DELETE", "/queues/\(iid)/\(basicQueue)").errorType == "ResourceInUseException")
            let dupUser = try await c.call("PUT", "/users/\(iid)", body: ["Username": "jdoe", "SecurityProfileIds": [.string(spid)],
                                                                         "RoutingProfileId": .string(rpid)])
            #expect(dupUser.status == 409)
            let summary = try await c.call("POST", "/search-users", body: ["InstanceId": .string(iid),
                "SearchCriteria": ["StringCondition": ["FieldName": "Username", "Value": "jd", "ComparisonType": "STARTS_WITH"]]])
            #expect(summary.json?.names("Users", nameKey: "Username") == ["jdoe"])
            #expect(summary.json?.at("Users.0.LastModifiedTime") == nil)
            #expect(try await c.call("DELETE", "/users/\(iid)/\(uid)").status == 200)
            #expect(try await c.call("DELETE", "/routing-profiles/\(iid)/\(rpid)").status == 200)
        }
    }

    @Test("hierarchy groups with members or children cannot be deleted")
    func hierarchy() async throws {
        try await withEmulator { c, iid in
            _ = try await c.call("POST", "/user-hierarchy-structure/\(iid)", body: ["HierarchyStructure": ["LevelOne": ["Name": "Region"], "LevelTwo": ["Name": "Site"]]])
            let parent = try #require(try await c.call("PUT", "/user-hierarchy-groups/\(iid)", body: ["Name": "Americas"]).json?["HierarchyGroupId"]?.stringValue)
            let child = try await c.call("PUT", "/user-hierarchy-groups/\(iid)", body: ["Name": "NYC", "ParentGroupId": .string(parent)])
            let cid = try #require(child.json?["HierarchyGroupId"]?.stringValue)
            let d = try await c.call("GET", "/user-hierarchy-groups/\(iid)/\(cid)")
            #expect(d.json?.at("HierarchyGroup.LevelId") == "2")
            #expect(d.json?.at("HierarchyGroup.HierarchyPath.LevelOne.Name") == "Americas")
            let r = try await c.call("DELETE", "/user-hierarchy-groups/\(iid)/\(parent)")
            #expect(r.status == 409 && r.errorType == "ResourceInUseException")
            #expect(try await c.call("DELETE", "/user-hierarchy-groups/\(iid)/\(cid)").status == 200)
            #expect(try await c.call("DELETE", "/user-hierarchy-groups/\(iid)/\(parent)").status == 200)
        }
    }

    @Test("quick connects: 50 per call, queue associations")
    func quickConnects() async throws {
        try await withEmulator { c, iid in
            let flows = try await c.call("GET", "/contact-flows-summary/\(iid)", query: [("contactFlowTypes", "QUEUE_TRANSFER")])
            let fid = try #require(flows.json?.at("ContactFlowSummaryList.0.Id")?.stringValue)
            let qid = try #require(try await c.call("GET", "/queues-summary/\(iid)", query: [("queueTypes", "STANDARD")]).json?.at("QueueSummaryList.0.Id")?.stringValue)
            let qc = try await c.call("PUT", "/quick-connects/\(iid)", body: ["Name": "To Basic",
                "QuickConnectConfig": ["QuickConnectType": "QUEUE", "QueueConfig": ["QueueId": .string(qid), "ContactFlowId": .string(fid)]]])
            let qcid = try #require(qc.json?["QuickConnectId"]?.stringValue)
            #expect(qc.json?["QuickConnectARN"]?.stringValue?.contains("/transfer-destination/") == true)
            let fiftyOne: JSONValue = .array((0..<51).map { _ in .string(qcid) })
            #expect(try await c.call("POST", "/queues/\(iid)/\(qid)/associate-quick-connects", body: ["QuickConnectIds": fiftyOne]).errorType == "InvalidParameterException")
            #expect(try await c.call("POST", "/queues/\(iid)/\(qid)/associate-quick-connects", body: ["QuickConnectIds": [.string(qcid)]]).status == 200)
            let l = try await c.call("GET", "/queues/\(iid)/\(qid)/quick-connects")
            #expect(l.json?.names("QuickConnectSummaryList") == ["To Basic"])
            _ = try await c.call("DELETE", "/quick-connects/\(iid)/\(qcid)")
            #expect(try await c.call("GET", "/queues/\(iid)/\(qid)/quick-connects").json?.names("QuickConnectSummaryList") == [])
        }
    }

    @Test("tags: by ARN (percent-encoded path label), 50-tag limit, unknown ARN")
    func tags() async throws {
        try await withEmulator { c, iid in
            let q = try await c.call("GET", "/queues-summary/\(iid)", query: [("queueTypes", "STANDARD")])
            let arn = try #require(q.json?.at("QueueSummaryList.0.Arn")?.stringValue)
            let path = "/tags/\(EmulatorTestClient.label(arn))"
            #expect(try await c.call("POST", path, body: ["tags": ["a": "1", "b c": "2"]]).status == 200)
            #expect(try await c.call("GET", path).json?["tags"] == ["a": "1", "b c": "2"])
            #expect(try await c.call("DELETE", path, query: [("tagKeys", "a"), ("tagKeys", "b c")]).status == 200)
            #expect(try await c.call("GET", path).json?["tags"] == .object([:]))
            var many: [String: JSONValue] = [:]
            for i in 0..<51 { many["k\(i)"] = "v" }
            #expect(try await c.call("POST", path, body: ["tags": .object(many)]).errorType == "InvalidParameterException")
            let unknown = "/tags/\(EmulatorTestClient.label(arn + "x"))"
            #expect(try await c.call("GET", unknown).errorType == "ResourceNotFoundException")
        }
    }

    @Test("pagination: opaque tokens across pages, MaxResults bounds")
    func pagination() async throws {
        try await withEmulator { c, iid in
            let hid = try #require(try await c.call("GET", "/hours-of-operations-summary/\(iid)").json?.at("HoursOfOperationSummaryList.0.Id")?.stringValue)
            for i in 0..<5 { _ = try await c.call("PUT", "/queues/\(iid)", body: ["Name": .string("Q\(i)"), "HoursOfOperationId": .string(hid)]) }
            var names: [String] = []
            var token: String?
            var pages = 0
            repeat {
                var query = [("queueTypes", "STANDARD"), ("maxResults", "2")]
                if let token { query.append(("nextToken", token)) }
                let r = try await c.call("GET", "/queues-summary/\(iid)", query: query)
                names += r.json?.names("QueueSummaryList") ?? []
                token = r.json?["NextToken"]?.stringValue
                pages += 1
            } while token != nil
            #expect(names == ["BasicQueue", "Q0", "Q1", "Q2", "Q3", "Q4"])
            #expect(pages == 3)
            var searched: [String] = []
            var next: JSONValue?
            repeat {
                var body: [String: JSONValue] = ["InstanceId": .string(iid), "MaxResults": 4]
                if let next { body["NextToken"] = next }
                let r = try await c.call("POST", "/search-queues", body: .object(body))
                searched += r.json?.names("Queues") ?? []
                #expect(r.json?["ApproximateTotalCount"] == 6)
                next = r.json?["NextToken"]
            } while next != nil
            #expect(searched == names)
            #expect(try await c.call("GET", "/queues-summary/\(iid)", query: [("maxResults", "1001")]).errorType == "InvalidParameterException")
            #expect(try await c.call("GET", "/queues-summary/\(iid)", query: [("maxResults", "0")]).errorType == "InvalidParameterException")
            #expect(try await c.call("POST", "/search-queues", body: ["InstanceId": .string(iid), "MaxResults": 501]).errorType == "InvalidParameterException")
            #expect(try await c.call("POST", "/search-prompts", body: ["InstanceId": .string(iid), "MaxResults": 101]).errorType == "InvalidParameterException")
            #expect(try await c.call("GET", "/queues-summary/\(iid)", query: [("nextToken", "garbage")]).errorType == "InvalidParameterException")
        }
    }

    @Test("search: string conditions, and/or, tag filters")
    func search() async throws {
        try await withEmulator { c, iid in
            let hid = try #require(try await c.call("GET", "/hours-of-operations-summary/\(iid)").json?.at("HoursOfOperationSummaryList.0.Id")?.stringValue)
            for (name, team) in [("Sales East", "sales"), ("Sales West", "sales"), ("Support", "support")] {
                _ = try await c.call("PUT", "/queues/\(iid)", body: ["Name": .string(name), "HoursOfOperationId": .string(hid),
                                                                     "Description": .string("team \(team)"), "Tags": ["team": .string(team)]])
            }
            func names(_ criteria: JSONValue?, _ filter: JSONValue? = nil) async throws -> [String] {
                var body: [String: JSONValue] = ["InstanceId": .string(iid)]
                if let criteria { body["SearchCriteria"] = criteria }
                if let filter { body["SearchFilter"] = filter }
                return try await c.call("POST", "/search-queues", body: .object(body)).json?.names("Queues") ?? []
            }
            func sc(_ f: String, _ v: String, _ t: String) -> JSONValue { ["StringCondition": ["FieldName": .string(f), "Value": .string(v), "ComparisonType": .string(t)]] }
            #expect(try await names(sc("name", "sales", "STARTS_WITH")) == ["Sales East", "Sales West"])
            #expect(try await names(sc("name", "West", "CONTAINS")) == ["Sales West"])
            #expect(try await names(sc("name", "Support", "EXACT")) == ["Support"])
            #expect(try await names(sc("description", "support", "CONTAINS")) == ["Support"])
            #expect(try await names(["OrConditions": [sc("name", "Support", "EXACT"), sc("name", "Sales East", "EXACT")]]) == ["Sales East", "Support"])
            #expect(try await names(["AndConditions": [sc("name", "Sales", "STARTS_WITH"), sc("name", "East", "CONTAINS")]]) == ["Sales East"])
            #expect(try await names(nil, ["TagFilter": ["TagCondition": ["TagKey": "team", "TagValue": "sales"]]]) == ["Sales East", "Sales West"])
            #expect(try await names(nil, ["TagFilter": ["OrConditions": [[["TagKey": "team", "TagValue": "support"]]]]]) == ["Support"])
            #expect(try await names(nil) == ["BasicQueue", "Sales East", "Sales West", "Support"])  // no AGENT queues
            let bad = try await c.call("POST", "/search-queues", body: ["InstanceId": .string(iid), "SearchCriteria": sc("name", "S", "CONTAINS")])
            #expect(bad.errorType == "InvalidParameterException")
        }
    }

    @Test("flows: Flow-language validation with problems, references checked when published, id:$SAVED")
    func flows() async throws {
        try await withEmulator { c, iid in
            let invalid = try await c.call("PUT", "/contact-flows/\(iid)", body: ["Name": "Bad", "Type": "CONTACT_FLOW",
                "Content": .string(#"{"Version":"2019-10-30","StartAction":"x","Actions":[]}"#)])
            #expect(invalid.status == 400 && invalid.errorType == "InvalidContactFlowException")
            #expect(invalid.json?.at("problems.0.message")?.stringValue?.contains("StartAction") == true)
            let dangling = "arn:aws:connect:us-east-1:123456789012:instance/\(iid)/queue/00000000-0000-4000-8000-000000000000"
            let content = FlowValidator.minimalContent(identifier: "a").replacingOccurrences(of: #""Parameters":{}"#,
                                                                                            with: #""Parameters":{"QueueId":"\#(dangling)"}"#)
            let published = try await c.call("PUT", "/contact-flows/\(iid)", body: ["Name": "F", "Type": "CONTACT_FLOW", "Content": .string(content)])
            #expect(published.errorType == "InvalidContactFlowException")
            let saved = try await c.call("PUT", "/contact-flows/\(iid)", body: ["Name": "F", "Type": "CONTACT_FLOW", "Content": .string(content), "Status": "SAVED"])
            let fid = try #require(saved.json?["ContactFlowId"]?.stringValue)
            #expect(saved.json?["FlowContentSha256"]?.stringValue?.count == 64)
            let d = try await c.call("GET", "/contact-flows/\(iid)/\(EmulatorTestClient.label(fid + ":$SAVED"))")
            #expect(d.json?.at("ContactFlow.Status") == "SAVED")
            #expect(d.json?.at("ContactFlow.Content")?.stringValue == content)
            _ = try await c.call("POST", "/contact-flows/\(iid)/\(fid)/metadata", body: ["ContactFlowState": "ARCHIVED"])
            // A flow never published is described with :$SAVED (a plain Describe fails, EmulatorFidelityTests).
            #expect(try await c.call("GET", "/contact-flows/\(iid)/\(EmulatorTestClient.label(fid + ":$SAVED"))").json?.at("ContactFlow.State") == "ARCHIVED")
        }
    }

    @Test("quotas are configurable and give LimitExceededException (429)")
    func quotas() async throws {
        try await withEmulator({ $0.quotas.queuesPerInstance = 2 }) { c, iid in
            let hid = try #require(try await c.call("GET", "/hours-of-operations-summary/\(iid)").json?.at("HoursOfOperationSummaryList.0.Id")?.stringValue)
            #expect(try await c.call("PUT", "/queues/\(iid)", body: ["Name": "Q1", "HoursOfOperationId": .string(hid)]).status == 200)
            let r = try await c.call("PUT", "/queues/\(iid)", body: ["Name": "Q2", "HoursOfOperationId": .string(hid)])
            #expect(r.status == 429 && r.errorType == "LimitExceededException")
        }
    }

    @Test("unknown routes get 404 UnknownOperationException; every response has a request id")
    func unknownRoute() async throws {
        try await withEmulator { c, _ in
            let r = try await c.call("GET", "/definitely/not/connect")
            #expect(r.status == 404 && r.errorType == "UnknownOperationException")
            #expect(r.requestId?.isEmpty == false)
            #expect(r.json?["message"] != nil)
        }
    }
}
