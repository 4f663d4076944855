import Model
import Testing

@Suite struct ModelValueTests {
    @Test func addressesRenderAndParse() {
        let address = ResourceAddress(.queue, "Support")
        #expect(address.description == "queue.Support")
        #expect(ResourceAddress(parsing: "hours.Business Hours") == ResourceAddress(.hoursOfOperation, "Business Hours"))
        #expect(ResourceAddress(parsing: "flow.v1.2") == ResourceAddress(.flow, "v1.2"))
        #expect(ResourceAddress(parsing: "nonsense.x") == nil)
        #expect(ResourceAddress(parsing: "queue.") == nil)
        #expect([ResourceAddress(.user, "a"), ResourceAddress(.queue, "z"), ResourceAddress(.queue, "b")].sorted().map(\.description)
                == ["queue.b", "queue.z", "user.a"])
    }

    @Test func contentReferencePrefixes() {
        #expect(ResourceKind(contentReferencePrefix: "module") == .flowModule)
        #expect(ResourceKind(contentReferencePrefix: "flowModule") == nil)
        #expect(ResourceKind(contentReferencePrefix: "hours") == .hoursOfOperation)
        // Every kind flow content can name resolves back from its prefix; agent statuses cannot be
        // referred to, integrations are named by ARN.
        #expect(ResourceKind.allCases.filter { $0.referencePrefix != nil }
            .allSatisfy { ResourceKind(contentReferencePrefix: $0.contentReferencePrefix) == $0 })
        #expect(ResourceKind.agentStatus.referencePrefix == nil && ResourceKind(contentReferencePrefix: "agentStatus") == nil)
        #expect(ResourceKind.lambdaFunction.referencePrefix == nil && ResourceKind.lexBot.referencePrefix == nil)
        #expect(ResourceKind(contentReferencePrefix: "phoneNumber") == .phoneNumber)
    }

    @Test func sensitiveValueNeverRevealsItself() {
        let secret = SensitiveValue("Hunter2Hunter2")
        #expect(String(describing: secret) == "(sensitive)")
        #expect(String(reflecting: secret) == "(sensitive)")
        var dumped = ""
        dump(secret, to: &dumped)
        #expect(!dumped.contains("Hunter2"))
        #expect("\(secret)" == "(sensitive)")
        #expect(secret.revealedValue() == "Hunter2Hunter2")
        #expect(secret == SensitiveValue("Hunter2Hunter2"))
    }

    @Test func timeRanges() {
        #expect(TimeRange(parsing: "08:00-18:00")?.description == "08:00-18:00")
        #expect(TimeRange(parsing: "8:00-18:00") == nil)
        #expect(TimeRange(parsing: "08:00-24:00") == nil)
        #expect(TimeRange(parsing: "08:60-09:00") == nil)
        let morning = TimeRange(parsing: "08:00-12:00")!, noon = TimeRange(parsing: "12:00-13:00")!, late = TimeRange(parsing: "11:59-12:30")!
        #expect(!morning.overlaps(noon))
        #expect(morning.overlaps(late))
    }

    @Test func connectDefaults() {
        #expect(ConnectDefaults.flows.count == 8)
        #expect(ConnectDefaults.flowType(named: "Default outbound") == .outboundWhisper)
        #expect(ConnectDefaults.contains(ResourceAddress(.queue, "BasicQueue")))
        #expect(!ConnectDefaults.contains(ResourceAddress(.queue, "Basic Hours")))
        #expect(ConnectDefaults.names(of: .securityProfile) == ["Admin", "Agent", "CallCenterManager", "QualityAnalyst"])
    }

    @Test func diagnosticsSortByLocationThenSeverity() {
        let a = SourceLocation(file: "a.yaml", line: 2, column: 1)
        let b = SourceLocation(file: "a.yaml", line: 10, column: 1)
        let list: [Diagnostic] = [.warning("w", at: a), .error("late", at: b), .error("e", at: a), .error("global", at: nil)]
        #expect(list.sorted().map(\.description) == ["error: global", "a.yaml:2:1: error: e", "a.yaml:2:1: warning: w", "a.yaml:10:1: error: late"])
        #expect(list.errorCount == 3 && list.warningCount == 1 && list.hasErrors)
    }

    @Test func desiredStateSortsEverything() {
        let state = DesiredState(queues: [Queue(name: "b", hoursOfOperation: "h"), Queue(name: "a", hoursOfOperation: "h")],
                                 externals: [ResourceAddress(.user, "x"), ResourceAddress(.queue, "y")])
        #expect(state.queues.map(\.name) == ["a", "b"])
        #expect(state.externals.map(\.description) == ["queue.y", "user.x"])
        #expect(state.managedAddresses.map(\.description) == ["queue.a", "queue.b"])
        #expect(state.counts == [.queue: 2])
    }
}
