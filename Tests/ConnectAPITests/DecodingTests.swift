import AWSClient
import ConnectHTTP
import Foundation
import Testing
@testable import ConnectAPI

/// Decodes `data` as `T` and encodes it back the rest-json way.
func roundTrip<T: Codable>(_ type: T.Type) -> (Data) throws -> JSONValue {
    { data in try JSONValue.parse(WireJSON.encoder().encode(WireJSON.decode(T.self, from: data, operation: "test"))) }
}

/// Every response type, keyed by operation.
var responseTypes: [(String, (Data) throws -> JSONValue)] { [
    ("ListInstances", roundTrip(ListResponse<Listings.Instances>.self)),
    ("DescribeInstance", roundTrip(DescribeInstanceResponse.self)),
    ("CreateHoursOfOperation", roundTrip(CreateHoursOfOperationResponse.self)),
    ("DescribeHoursOfOperation", roundTrip(DescribeResponse<HoursOfOperation>.self)),
    ("ListHoursOfOperations", roundTrip(ListResponse<Listings.HoursOfOperations>.self)),
    ("SearchHoursOfOperations", roundTrip(SearchResponse<HoursOfOperation>.self)),
    ("CreateQueue", roundTrip(CreateQueueResponse.self)),
    ("DescribeQueue", roundTrip(DescribeResponse<Queue>.self)),
    ("ListQueues", roundTrip(ListResponse<Listings.Queues>.self)),
    ("SearchQueues", roundTrip(SearchResponse<Queue>.self)),
    ("ListQueueQuickConnects", roundTrip(ListResponse<Listings.QueueQuickConnects>.self)),
    ("ListHoursOfOperationOverrides", roundTrip(ListResponse<Listings.HoursOfOperationOverrides>.self)),
    ("CreateHoursOfOperationOverride", roundTrip(CreateHoursOfOperationOverrideResponse.self)),
    ("SearchAgentStatuses", roundTrip(SearchResponse<AgentStatus>.self)),
    ("CreateAgentStatus", roundTrip(CreateAgentStatusResponse.self)),
    ("CreateRoutingProfile", roundTrip(CreateRoutingProfileResponse.self)),
    ("DescribeRoutingProfile", roundTrip(DescribeResponse<RoutingProfile>.self)),
    ("ListRoutingProfiles", roundTrip(ListResponse<Listings.RoutingProfiles>.self)),
    ("ListRoutingProfileQueues", roundTrip(ListResponse<Listings.RoutingProfileQueues>.self)),
    ("SearchRoutingProfiles", roundTrip(SearchResponse<RoutingProfile>.self)),
    ("CreateContactFlow", roundTrip(CreateContactFlowResponse.self)),
    ("DescribeContactFlow", roundTrip(DescribeResponse<ContactFlow>.self)),
    ("ListContactFlows", roundTrip(ListResponse<Listings.ContactFlows>.self)),
    ("SearchContactFlows", roundTrip(SearchResponse<ContactFlow>.self)),
    ("CreateContactFlowModule", roundTrip(CreateContactFlowModuleResponse.self)),
    ("DescribeContactFlowModule", roundTrip(DescribeResponse<ContactFlowModule>.self)),
    ("ListContactFlowModules", roundTrip(ListResponse<Listings.ContactFlowModules>.self)),
    ("SearchContactFlowModules", roundTrip(SearchResponse<ContactFlowModule>.self)),
    ("CreateSecurityProfile", roundTrip(CreateSecurityProfileResponse.self)),
    ("DescribeSecurityProfile", roundTrip(DescribeResponse<SecurityProfile>.self)),
    ("ListSecurityProfiles", roundTrip(ListResponse<Listings.SecurityProfiles>.self)),
    ("ListSecurityProfilePermissions", roundTrip(ListResponse<Listings.SecurityProfilePermissions>.self)),
    ("SearchSecurityProfiles", roundTrip(SearchResponse<SecurityProfileSearchSummary>.self)),
    ("DescribeUserHierarchyStructure", roundTrip(DescribeResponse<HierarchyStructure>.self)),
    ("CreateUserHierarchyGroup", roundTrip(CreateUserHierarchyGroupResponse.self)),
    ("DescribeUserHierarchyGroup", roundTrip(DescribeResponse<HierarchyGroup>.self)),
    ("ListUserHierarchyGroups", roundTrip(ListResponse<Listings.UserHierarchyGroups>.self)),
    ("SearchUserHierarchyGroups", roundTrip(SearchResponse<HierarchyGroup>.self)),
    ("CreateUser", roundTrip(CreateUserResponse.self)),
    ("DescribeUser", roundTrip(DescribeResponse<User>.self)),
    ("ListUsers", roundTrip(ListResponse<Listings.Users>.self)),
    ("SearchUsers", roundTrip(SearchResponse<UserSearchSummary>.self)),
    ("DescribeQuickConnect", roundTrip(DescribeResponse<QuickConnect>.self)),
    ("ListQuickConnects", roundTrip(ListResponse<Listings.QuickConnects>.self)),
    ("SearchQuickConnects", roundTrip(SearchResponse<QuickConnect>.self)),
    ("CreateQuickConnect", roundTrip(CreateQuickConnectResponse.self)),
    ("ListTagsForResource", roundTrip(ListTagsForResourceResponse.self)),
] }

/// Operations whose output has no members.
var emptyOutputOperations: [String] { wireCases.map(\.operation).filter { op in
    !responseTypes.contains { $0.0 == op }
} }

@Suite("Response decoding")
struct DecodingTests {
    @Test("every response type holds every model member (botocore skeleton round trip)",
          .enabled(if: WireScripts.botocoreAvailable, "python3 with botocore is needed to generate skeletons"))
    func skeletonRoundTrip() throws {
        let output = try WireScripts.run("response_skeletons.py",
                                         arguments: responseTypes.map(\.0) + emptyOutputOperations)
        guard case let .object(skeletons) = try JSONValue.parse(output),
              let raw = try JSONSerialization.jsonObject(with: output) as? [String: Any] else {
            Issue.record("skeleton output is not an object")
            return
        }
        for (op, decode) in responseTypes {
            guard let skeleton = skeletons[op], let rawSkeleton = raw[op] else {
                Issue.record("\(op): no skeleton")
                continue
            }
            let data = try JSONSerialization.data(withJSONObject: rawSkeleton)
            do {
                let back = try decode(data)
                #expect(back == skeleton, "\(op):\n model: \(skeleton)\n ours:  \(back)")
            } catch {
                Issue.record("\(op): \(error)")
            }
        }
        // The rest have empty outputs in the model.
        for op in emptyOutputOperations {
            #expect(skeletons[op] == .object([:]), "\(op) has output members in the model")
        }
        #expect(responseTypes.count + emptyOutputOperations.count == 91)
    }

    @Test("DescribeQueue: fractional epoch timestamp, unknown members ignored, absent members nil")
    func describeQueue() async throws {
        let body = #"""
        {"Queue":{"Name":"Support","QueueArn":"arn:aws:connect:eu-central-1:123456789012:instance/i/queue/q1",
          "QueueId":"q1","HoursOfOperationId":"h1","MaxContacts":25,"Status":"ENABLED",
          "OutboundCallerConfig":{"OutboundCallerIdName":"ACME","OutboundFlowId":"f1","SomethingNew":{"x":1}},
          "Tags":{"team":"support"},"LastModifiedTime":1718035200.123,"LastModifiedRegion":"eu-central-1",
          "BrandNewMember":[1,2,3]},"AlsoNew":true}
        """#
        let queue = try await ConnectClient(transport: RecordingTransport(bodies: [body]))
            .describe(Queue.self, instanceId: "i", id: "q1")
        #expect(queue.Name == "Support")
        #expect(queue.Status == .ENABLED)
        #expect(queue.MaxContacts == 25)
        #expect(queue.OutboundCallerConfig == OutboundCallerConfig(OutboundCallerIdName: "ACME", OutboundFlowId: "f1"))
        #expect(queue.Description == nil)
        #expect(queue.Tags == ["team": "support"])
        let t = try #require(queue.LastModifiedTime)
        #expect(abs(t.timeIntervalSince1970 - 1718035200.123) < 0.0005)
    }

    @Test("integer epoch timestamps decode too")
    func integerTimestamp() throws {
        let data = Data(#"{"Id":"u1","LastModifiedTime":1718035200}"#.utf8)
        let user = try WireJSON.decode(UserSummary.self, from: data, operation: "t")
        #expect(user.LastModifiedTime == Date(timeIntervalSince1970: 1718035200))
    }

    @Test("unknown enum values decode as open values")
    func openEnums() throws {
        let data = Data(#"{"Id":"f","Type":"SOMETHING_NEW","State":"ACTIVE","Status":"PUBLISHED"}"#.utf8)
        let flow = try WireJSON.decode(ContactFlow.self, from: data, operation: "t")
        #expect(flow.Type == ContactFlowType(rawValue: "SOMETHING_NEW"))
        #expect(flow.State == .ACTIVE)
        #expect(flow.Status == .PUBLISHED)
    }

    @Test("DescribeRoutingProfile")
    func describeRoutingProfile() async throws {
        let body = #"""
        {"RoutingProfile":{"InstanceId":"i","Name":"Basic Routing Profile","RoutingProfileArn":"arn:rp","RoutingProfileId":"rp1",
         "Description":"Default routing profile","DefaultOutboundQueueId":"q1","IsDefault":true,
         "MediaConcurrencies":[{"Channel":"VOICE","Concurrency":1,"CrossChannelBehavior":{"BehaviorType":"ROUTE_CURRENT_CHANNEL_ONLY"}},
                               {"Channel":"CHAT","Concurrency":2,"CrossChannelBehavior":{"BehaviorType":"ROUTE_ANY_CHANNEL"}}],
         "NumberOfAssociatedQueues":1,"NumberOfAssociatedUsers":12,"AgentAvailabilityTimer":"TIME_SINCE_LAST_ACTIVITY",
         "AssociatedQueueIds":["q1"],"Tags":{},"LastModifiedTime":1700000000,"LastModifiedRegion":"us-east-1"}}
        """#
        let rp = try await ConnectClient(transport: RecordingTransport(bodies: [body]))
            .describe(RoutingProfile.self, instanceId: "i", id: "rp1")
        #expect(rp.IsDefault == true)
        #expect(rp.MediaConcurrencies?.count == 2)
        #expect(rp.MediaConcurrencies?[1] == MediaConcurrency(Channel: .CHAT, Concurrency: 2,
                                                              CrossChannelBehavior: .init(BehaviorType: .ROUTE_ANY_CHANNEL)))
        #expect(rp.NumberOfAssociatedUsers == 12)
        #expect(rp.AgentAvailabilityTimer == .TIME_SINCE_LAST_ACTIVITY)
    }

    @Test("ListRoutingProfileQueues")
    func listRoutingProfileQueues() async throws {
        let body = #"""
        {"RoutingProfileQueueConfigSummaryList":[
          {"QueueId":"q1","QueueArn":"arn:q1","QueueName":"BasicQueue","Priority":1,"Delay":0,"Channel":"VOICE"},
          {"QueueId":"q1","QueueArn":"arn:q1","QueueName":"BasicQueue","Priority":2,"Delay":15,"Channel":"CHAT"}],
         "LastModifiedTime":1700000000.5,"LastModifiedRegion":"us-east-1"}
        """#
        let items = try await ConnectClient(transport: RecordingTransport(bodies: [body]))
            .pages(ListRequest<Listings.RoutingProfileQueues>(instanceId: "i", parentId: "rp")).collect()
        #expect(items.map(\.Channel) == [.VOICE, .CHAT])
        #expect(items[1].Delay == 15 && items[1].Priority == 2 && items[1].QueueName == "BasicQueue")
    }

    @Test("DescribeContactFlow keeps Content as a string and the sha")
    func describeContactFlow() async throws {
        let content = #"{"Version":"2019-10-30","StartAction":"a","Actions":[]}"#
        let body = try String(decoding: JSONSerialization.data(withJSONObject: ["ContactFlow": [
            "Arn": "arn:f", "Id": "f1", "Name": "Main", "Type": "CONTACT_FLOW", "State": "ACTIVE", "Status": "SAVED",
            "Content": content, "FlowContentSha256": String(repeating: "a", count: 64), "Version": 3,
            "Tags": [String: String](), "LastModifiedTime": 1700000000.75,
        ]]), as: UTF8.self)
        let transport = RecordingTransport(bodies: [body])
        let flow = try await ConnectClient(transport: transport).describe(ContactFlow.self, instanceId: "i", id: "f1:$SAVED")
        #expect(flow.Content == content)
        #expect(flow.Status == .SAVED)
        #expect(flow.Version == 3)
        #expect(flow.FlowContentSha256?.count == 64)
        #expect(transport.requests.first?.path == "/contact-flows/i/f1%3A%24SAVED")
    }

    @Test("SearchUsers returns UserSearchSummary with the lite identity")
    func searchUsers() async throws {
        let body = #"""
        {"Users":[{"Arn":"arn:u","Id":"u1","Username":"zoe","IdentityInfo":{"FirstName":"Zoë","LastName":"O'Brien"},
          "PhoneConfig":{"PhoneType":"SOFT_PHONE","AutoAccept":false,"AfterContactWorkTimeLimit":0},
          "RoutingProfileId":"rp1","SecurityProfileIds":["sp1"],"HierarchyGroupId":"hg1","Tags":{"team":"a"},
          "AutoAcceptConfigs":[{"Channel":"VOICE","AutoAccept":false}]}],
         "ApproximateTotalCount":1}
        """#
        let page = try await ConnectClient(transport: RecordingTransport(bodies: [body]))
            .send(SearchRequest<UserSearchSummary>(instanceId: "i"))
        #expect(page.ApproximateTotalCount == 1)
        #expect(page.nextToken == nil)
        let user = try #require(page.items.first)
        #expect(user.IdentityInfo?.FirstName == "Zoë")
        #expect(user.PhoneConfig?.PhoneType == .SOFT_PHONE)
        #expect(user.SecurityProfileIds == ["sp1"])
    }

    @Test("DescribeUserHierarchyGroup with its path; empty structure")
    func hierarchy() async throws {
        let body = #"""
        {"HierarchyGroup":{"Id":"g2","Arn":"arn:g2","Name":"Berlin","LevelId":"2",
          "HierarchyPath":{"LevelOne":{"Id":"g1","Arn":"arn:g1","Name":"EMEA"},"LevelTwo":{"Id":"g2","Arn":"arn:g2","Name":"Berlin"}}}}
        """#
        let group = try await ConnectClient(transport: RecordingTransport(bodies: [body]))
            .describe(HierarchyGroup.self, instanceId: "i", id: "g2")
        #expect(group.HierarchyPath?.LevelOne?.Name == "EMEA")
        #expect(group.HierarchyPath?.LevelThree == nil)
        let structure = try await ConnectClient(transport: RecordingTransport(bodies: ["{}"]))
            .describe(HierarchyStructure.self, instanceId: "i")
        #expect(structure == HierarchyStructure())
    }

    @Test("Update/Delete accept an empty body and an empty object")
    func emptyBodies() async throws {
        try await ConnectClient(transport: RecordingTransport(bodies: [""])).write(.deleteQueue, ["InstanceId": "i", "QueueId": "q"])
        try await ConnectClient(transport: RecordingTransport(bodies: ["{}"]))
            .write(.updateQueueStatus, ["InstanceId": "i", "QueueId": "q"], ["Status": QueueStatus.ENABLED])
        let tags = try await ConnectClient(transport: RecordingTransport(bodies: [#"{"tags":{"a":"b"}}"#]))
            .send(ListTagsForResourceRequest(resourceArn: "arn:x"))
        #expect(tags.tags == ["a": "b"])
    }

    @Test("a Describe response without its member is an error, not a crash")
    func missingMember() async {
        await #expect(throws: AWSTransportError.self) {
            _ = try await ConnectClient(transport: RecordingTransport(bodies: ["{}"])).describe(User.self, instanceId: "i", id: "u")
        }
    }
}

@Suite("Request encoding")
struct EncodingTests {
    @Test("path labels are percent-encoded with no safe characters")
    func labels() {
        #expect(EncodedPath.encodeLabel("id:$SAVED") == "id%3A%24SAVED")
        #expect(EncodedPath.encodeLabel("arn:aws:connect:us-east-1:1:instance/i/queue/q")
                == "arn%3Aaws%3Aconnect%3Aus-east-1%3A1%3Ainstance%2Fi%2Fqueue%2Fq")
        #expect(EncodedPath.encodeLabel("a b+c~d.e_f-ü") == "a%20b%2Bc~d.e_f-%C3%BC")
        let path: EncodedPath = "/tags/\("a/b")/x"
        #expect(path.value == "/tags/a%2Fb/x")
    }

    @Test("nil optionals are omitted and path members stay out of the body")
    func omitsNil() async throws {
        let transport = RecordingTransport()
        let client = ConnectClient(transport: transport)
        try await client.write(.updateQueueName, ["InstanceId": "i", "QueueId": "q"], ["Name": "N"])
        try await client.write(.updateUserHierarchy, ["InstanceId": "i", "UserId": "u"])
        let bodies = transport.requests.map { String(decoding: $0.body, as: UTF8.self) }
        #expect(bodies == [#"{"Name":"N"}"#, "{}"])
        #expect(transport.requests.allSatisfy {
            $0.headers.contains { $0.name == "Content-Type" && $0.value == "application/json" }
        })
    }

    @Test("CreateContactFlowModule fills ClientToken when absent, keeps it when given")
    func clientToken() async throws {
        let transport = RecordingTransport(bodies: [#"{"Id":"m1","Arn":"arn:m1"}"#])
        let client = ConnectClient(transport: transport, makeClientToken: { "generated-token" })
        let created = try await client.write(.createContactFlowModule, ["InstanceId": "i"], CreateContactFlowModuleRequest(Name: "m", Content: "{}"),
                                             as: CreateContactFlowModuleResponse.self)
        #expect(created.Id == "m1")
        _ = try await client.write(.createContactFlowModule, ["InstanceId": "i"], CreateContactFlowModuleRequest(Name: "m", Content: "{}", ClientToken: "mine"))
        let tokens = try transport.requests.map { try JSONValue.parse($0.body)["ClientToken"] }
        #expect(tokens == [.string("generated-token"), .string("mine")])
    }

    @Test("the default ClientToken is a fresh UUID")
    func defaultClientToken() async throws {
        let transport = RecordingTransport(bodies: ["{}"])
        let client = ConnectClient(transport: transport)
        _ = try await client.write(.createContactFlowModule, ["InstanceId": "i"], CreateContactFlowModuleRequest(Name: "m", Content: "{}"))
        _ = try await client.write(.createContactFlowModule, ["InstanceId": "i"], CreateContactFlowModuleRequest(Name: "m", Content: "{}"))
        let tokens = try transport.requests.compactMap { try JSONValue.parse($0.body)["ClientToken"]?.stringValue }
        #expect(tokens.count == 2 && tokens[0] != tokens[1])
        #expect(tokens.allSatisfy { UUID(uuidString: $0) != nil })
    }

    @Test("timestamps in request values encode as epoch seconds")
    func dates() throws {
        struct Probe: Codable { var T: Date }
        let data = try WireJSON.encoder().encode(Probe(T: Date(timeIntervalSince1970: 1700000000.5)))
        #expect(String(decoding: data, as: UTF8.self) == #"{"T":1700000000.5}"#)
    }
}
