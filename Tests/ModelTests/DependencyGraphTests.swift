import Model
import Testing

@Suite struct DependencyGraphTests {
    let hours = ResourceAddress(.hoursOfOperation, "Business Hours")
    let support = ResourceAddress(.queue, "Support")
    let billing = ResourceAddress(.queue, "Billing")
    let tier1 = ResourceAddress(.routingProfile, "Tier 1")
    let jdoe = ResourceAddress(.user, "jdoe")
    let ivr = ResourceAddress(.flow, "Main IVR")

    @Test func topologicalOrderPutsDependenciesFirstAndBreaksTiesByAddress() throws {
        var graph = DependencyGraph()
        graph.addEdge(from: jdoe, to: tier1)
        graph.addEdge(from: tier1, to: support)
        graph.addEdge(from: tier1, to: billing)
        graph.addEdge(from: support, to: hours)
        graph.addEdge(from: billing, to: hours)
        graph.addNode(ResourceAddress(.securityProfile, "Leads"))
        let order = try graph.topologicalOrder().get().map(\.description)
        #expect(order == ["hours.Business Hours", "queue.Billing", "queue.Support", "routingProfile.Tier 1",
                          "securityProfile.Leads", "user.jdoe"])
    }

    @Test func cycleIsFoundAndRotatedToItsSmallestNode() {
        var graph = DependencyGraph()
        graph.addEdge(from: support, to: ivr)
        graph.addEdge(from: ivr, to: support, breakable: true)
        graph.addEdge(from: tier1, to: support)
        let cycle = graph.findCycle()
        #expect(cycle?.nodes == [support, ivr])
        #expect(cycle?.description == "queue.Support → flow.Main IVR → queue.Support")
        if case .failure(let failure) = graph.topologicalOrder() {
            #expect(failure == cycle)
        } else {
            Issue.record("expected a cycle")
        }
        // Without the breakable (flow content) edge there is no cycle.
        #expect(graph.findCycle(includingBreakable: false) == nil)
        #expect((try? graph.topologicalOrder(includingBreakable: false).get())?.map(\.description)
                == ["flow.Main IVR", "queue.Support", "routingProfile.Tier 1"])
    }

    @Test func unbreakableEdgeWinsOverBreakableDuplicate() {
        var graph = DependencyGraph()
        graph.addEdge(from: ivr, to: support, breakable: true)
        graph.addEdge(from: ivr, to: support)
        #expect(graph.edges == [DependencyGraph.Edge(from: ivr, to: support, breakable: false)])
        #expect(graph.dependencies(of: ivr, includingBreakable: false) == [support])
    }

    @Test func desiredStateGraphHasReferenceEdges() {
        let desired = DesiredState(
            hoursOfOperation: [HoursOfOperation(name: "Business Hours", timeZone: "UTC")],
            queues: [Queue(name: "Support", hoursOfOperation: "Business Hours") {
                $0.outboundCallerId = OutboundCallerId(flow: "Default outbound")
            }],
            routingProfiles: [RoutingProfile(name: "Tier 1", description: "d", defaultOutboundQueue: "Support",
                                             concurrency: [.voice: 1]) {
                                                 $0.queues = [RoutingProfileQueue(queue: "BasicQueue", channels: [.voice])]
                                             }],
            userHierarchy: UserHierarchy(levels: ["Region", "Site"],
                                         groups: [HierarchyGroup(path: ["Americas", "New York"]), HierarchyGroup(path: ["Americas"])]),
            users: [User(username: "jdoe", routingProfile: "Tier 1", securityProfiles: ["Agent"]) {
                $0.hierarchyGroup = "Americas/New York"
            }])
        let edges = desired.dependencyGraph().edges.map { "\($0.from) -> \($0.to)" }
        #expect(edges == [
            "queue.Support -> hours.Business Hours",
            "queue.Support -> flow.Default outbound",
            "routingProfile.Tier 1 -> queue.BasicQueue",
            "routingProfile.Tier 1 -> queue.Support",
            "hierarchyGroup.Americas/New York -> hierarchyGroup.Americas",
            "user.jdoe -> routingProfile.Tier 1",
            "user.jdoe -> securityProfile.Agent",
            "user.jdoe -> hierarchyGroup.Americas/New York",
        ])
        #expect(desired.userHierarchy.groups.map(\.pathString) == ["Americas", "Americas/New York"])
    }
}
