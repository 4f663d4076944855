import AWSClient
import ConnectHTTP
import Foundation
import Testing
@testable import ConnectAPI

@Suite("Pagination")
struct PaginationTests {
    func queryValue(_ request: AWSRequest, _ name: String) -> String? {
        request.query.first { $0.name == name }?.value
    }

    @Test("List: follows query nextToken until the response has none; default maxResults 1000")
    func listFollowsTokens() async throws {
        let transport = RecordingTransport(bodies: [
            #"{"QueueSummaryList":[{"Id":"q1","Name":"A","QueueType":"STANDARD"},{"Id":"q2","Name":"B","QueueType":"AGENT"}],"NextToken":"t/1+"}"#,
            #"{"QueueSummaryList":[{"Id":"q3","Name":"C","QueueType":"STANDARD"}],"NextToken":"t2"}"#,
            #"{"QueueSummaryList":[{"Id":"q4","Name":"D"}]}"#,
        ])
        let client = ConnectClient(transport: transport)
        var pages = 0
        for try await page in client.pages(ListRequest<Listings.Queues>(instanceId: "i", filter: [.STANDARD])) {
            pages += 1
            #expect(!page.items.isEmpty)
        }
        #expect(pages == 3)
        let sent = transport.requests
        #expect(sent.count == 3)
        #expect(sent.map { queryValue($0, "nextToken") } == [nil, "t/1+", "t2"])
        #expect(sent.allSatisfy { queryValue($0, "maxResults") == "1000" })
        #expect(sent.allSatisfy { queryValue($0, "queueTypes") == "STANDARD" })
        #expect(sent.allSatisfy { $0.body.isEmpty && $0.method == "GET" })
    }

    @Test("items flattens pages in order; collect gathers all")
    func itemsFlatten() async throws {
        let bodies = [
            #"{"UserSummaryList":[{"Id":"u1","Username":"a"},{"Id":"u2","Username":"b"}],"NextToken":"n"}"#,
            #"{"UserSummaryList":[],"NextToken":"m"}"#,
            #"{"UserSummaryList":[{"Id":"u3","Username":"c"}],"NextToken":""}"#,
        ]
        let client = ConnectClient(transport: RecordingTransport(bodies: bodies))
        var names: [String] = []
        for try await user in client.pages(ListRequest<Listings.Users>(instanceId: "i")).items { names.append(user.Username ?? "") }
        #expect(names == ["a", "b", "c"])

        let transport = RecordingTransport(bodies: bodies)
        let all = try await ConnectClient(transport: transport).pages(ListRequest<Listings.Users>(instanceId: "i"), pageSize: 2).collect()
        #expect(all.map(\.Id) == ["u1", "u2", "u3"])
        #expect(transport.requests.allSatisfy { queryValue($0, "maxResults") == "2" })
    }

    @Test("Search: NextToken and MaxResults travel in the body; SearchUsers defaults to 500")
    func searchUsesBody() async throws {
        let transport = RecordingTransport(bodies: [
            #"{"Users":[{"Id":"u1","Username":"a"}],"NextToken":"abc","ApproximateTotalCount":2}"#,
            #"{"Users":[{"Id":"u2","Username":"b"}],"ApproximateTotalCount":2}"#,
        ])
        let client = ConnectClient(transport: transport)
        let users = try await client.pages(SearchRequest<UserSearchSummary>(
            instanceId: "i", criteria: .init(StringCondition: .exact("Username", "a")))).collect()
        #expect(users.map(\.Username) == ["a", "b"])
        let bodies = try transport.requests.map { try JSONValue.parse($0.body) }
        #expect(bodies.count == 2)
        #expect(bodies[0]["NextToken"] == nil)
        #expect(bodies[1]["NextToken"] == .string("abc"))
        #expect(bodies.allSatisfy { $0["MaxResults"] == .number(500) && $0["InstanceId"] == .string("i") })
        #expect(transport.requests.allSatisfy { $0.query.isEmpty && $0.method == "POST" })
    }

    @Test("default page sizes are each operation's maximum")
    func defaultPageSizes() async throws {
        func maxResults(_ run: (ConnectClient) async throws -> Void) async throws -> String? {
            let transport = RecordingTransport(bodies: ["{}"])
            try await run(ConnectClient(transport: transport))
            guard let request = transport.requests.first else { return nil }
            if let value = queryValue(request, "maxResults") { return value }
            return try JSONValue.parse(request.body)["MaxResults"].map { "\($0)" }
        }
        #expect(try await maxResults { _ = try await $0.pages(SearchRequest<Queue>(instanceId: "i")).collect() } == "500.0")
        #expect(try await maxResults { _ = try await $0.pages(SearchRequest<RoutingProfile>(instanceId: "i")).collect() } == "500.0")
        #expect(try await maxResults { _ = try await $0.pages(SearchRequest<ContactFlow>(instanceId: "i")).collect() } == "100.0")
        #expect(try await maxResults { _ = try await $0.pages(SearchRequest<HoursOfOperation>(instanceId: "i")).collect() } == "100.0")
        #expect(try await maxResults { _ = try await $0.pages(SearchRequest<SecurityProfileSearchSummary>(instanceId: "i")).collect() } == "100.0")
        #expect(try await maxResults { _ = try await $0.pages(SearchRequest<HierarchyGroup>(instanceId: "i")).collect() } == "100.0")
        #expect(try await maxResults { _ = try await $0.pages(SearchRequest<QuickConnect>(instanceId: "i")).collect() } == "100.0")
        #expect(try await maxResults { _ = try await $0.pages(SearchRequest<ContactFlowModule>(instanceId: "i")).collect() } == "100.0")
        #expect(try await maxResults { _ = try await $0.pages(ListRequest<Listings.RoutingProfileQueues>(instanceId: "i", parentId: "r")).collect() } == "100")
        #expect(try await maxResults { _ = try await $0.pages(ListRequest<Listings.QueueQuickConnects>(instanceId: "i", parentId: "q")).collect() } == "100")
        #expect(try await maxResults { _ = try await $0.pages(ListRequest<Listings.ContactFlows>(instanceId: "i")).collect() } == "1000")
        #expect(try await maxResults { _ = try await $0.pages(ListRequest<Listings.SecurityProfilePermissions>(instanceId: "i", parentId: "s")).collect() } == "1000")
        #expect(try await maxResults { _ = try await $0.pages(ListRequest<Listings.Instances>(instanceId: nil)).collect() } == "10")
    }

    @Test("a repeated token ends iteration with an error instead of looping")
    func repeatedTokenThrows() async throws {
        let transport = RecordingTransport(bodies: [
            #"{"ContactFlowSummaryList":[{"Id":"f1"}],"NextToken":"same"}"#,
            #"{"ContactFlowSummaryList":[{"Id":"f2"}],"NextToken":"same"}"#,
        ])
        let client = ConnectClient(transport: transport)
        var seen: [String] = []
        await #expect(throws: ConnectPaginationError.self) {
            for try await flow in client.pages(ListRequest<Listings.ContactFlows>(instanceId: "i")).items { seen.append(flow.Id ?? "") }
        }
        #expect(transport.requests.count == 2)
        #expect(seen == ["f1"])
    }

    @Test("a token cycle (A, B, A) is caught too")
    func tokenCycleThrows() async throws {
        let transport = RecordingTransport(bodies: [
            #"{"Queues":[],"NextToken":"A"}"#, #"{"Queues":[],"NextToken":"B"}"#, #"{"Queues":[],"NextToken":"A"}"#,
        ])
        let client = ConnectClient(transport: transport)
        await #expect(throws: ConnectPaginationError.self) {
            _ = try await client.pages(SearchRequest<Queue>(instanceId: "i")).collect()
        }
        #expect(transport.requests.count == 3)
    }

    @Test("a service error on page 2 surfaces as ConnectError and stops")
    func errorMidway() async throws {
        let transport = RecordingTransport { request, index in
            if index == 0 { return ok(#"{"UserSummaryList":[{"Id":"u1"}],"NextToken":"n"}"#) }
            throw AWSServiceError(code: "ThrottlingException", message: "Rate exceeded", status: 429,
                                  requestId: "r", operation: request.operation, rawBody: Data())
        }
        var iterator = ConnectClient(transport: transport).pages(ListRequest<Listings.Users>(instanceId: "i")).makeAsyncIterator()
        _ = try await iterator.next()
        await #expect(throws: ConnectError.self) { _ = try await iterator.next() }
        #expect(try await iterator.next() == nil)
        #expect(transport.requests.count == 2)
    }
}
