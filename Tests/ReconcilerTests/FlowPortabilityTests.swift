import AWSClient
import ConnectAPI
import ConnectEmulator
import ConnectHTTP
import Foundation
import Model
import SigV4
import PatchbayTestSupport
import Testing
@testable import Reconciler

/// Flow content with `${kind:NAME}` references, applied to two emulated instances over real
/// HTTP: each instance's stored content holds its own ARNs; key order and designer moves
/// are not behavioural changes; one changed transition shows as exactly that.
@Suite struct FlowPortabilityTests {
    static func content(transitionTo next: String = "to-queue", metadata: String = #"{"entryPointPosition":{"x":10,"y":10}}"#) -> String {
        """
        {"Version":"2019-10-30","StartAction":"check","Metadata":\(metadata),"Actions":[
          {"Identifier":"check","Type":"CheckHoursOfOperation","Parameters":{"HoursOfOperationId":"${hours:Office}"},
           "Transitions":{"NextAction":"\(next)","Errors":[{"NextAction":"after-hours","ErrorType":"NoMatchingError"}],
             "Conditions":[{"NextAction":"to-queue","Condition":{"Operator":"Equals","Operands":["True"]}}]}},
          {"Identifier":"to-queue","Type":"UpdateContactTargetQueue","Parameters":{"QueueId":"${queue:Sales}"},
           "Transitions":{"NextAction":"module","Errors":[{"NextAction":"overflow","ErrorType":"NoMatchingError"}]}},
          {"Identifier":"overflow","Type":"UpdateContactTargetQueue","Parameters":{"QueueId":"${queue:Support}"},
           "Transitions":{"NextAction":"module","Errors":[{"NextAction":"after-hours","ErrorType":"NoMatchingError"}]}},
          {"Identifier":"module","Type":"InvokeFlowModule","Parameters":{"FlowModuleId":"${module:Greeting}"},
           "Transitions":{"NextAction":"after-hours","Errors":[{"NextAction":"after-hours","ErrorType":"NoMatchingError"}]}},
          {"Identifier":"after-hours","Type":"TransferToFlow","Parameters":{"ContactFlowId":"${flow:After Hours}"},
           "Transitions":{"NextAction":"end","Errors":[{"NextAction":"end","ErrorType":"NoMatchingError"}]}},
          {"Identifier":"end","Type":"DisconnectParticipant","Parameters":{},"Transitions":{}}]}
        """
    }

    static let simple = #"{"Version":"2019-10-30","StartAction":"end","Actions":[{"Identifier":"end","Type":"DisconnectParticipant","Parameters":{},"Transitions":{}}]}"#

    static func flowContent(_ text: String) -> FlowContent {
        FlowContent(path: "main.json", resolvedPath: "main.json", text: text, references: FlowContentCanonicalizer.references(in: text))
    }

    static func desired(main: String = content()) -> DesiredState {
        DesiredState(
            stack: "flows",
            hoursOfOperation: [HoursOfOperation(name: "Office", timeZone: "Europe/Paris") {
                $0.schedule = [.monday: [TimeRange(parsing: "09:00-17:00")!]]
            }],
            queues: [Queue(name: "Sales", hoursOfOperation: "Office"), Queue(name: "Support", hoursOfOperation: "Office")],
            flows: [Flow(name: "Main", type: .contactFlow, content: flowContent(main)),
                    Flow(name: "After Hours", type: .contactFlow, content: flowContent(simple))],
            flowModules: [FlowModule(name: "Greeting", content: flowContent(simple))])
    }

    struct Instance {
        var emulator: TestEmulator
        var server: EmulatorServer { emulator.server }
        var client: ConnectClient { emulator.client }
        var id: String { server.instanceId }

        static func start(seed: UInt64) async throws -> Instance {
            Instance(emulator: try await TestEmulator(seed: seed))
        }

        func plan(_ desired: DesiredState) async throws -> (PlanningResult, LiveState) {
            let live = try await LiveStateReader(reader: client, instanceId: id).read(for: desired)
            return (Planner.plan(desired: desired, live: live, instance: .init(id: id, region: "us-east-1")), live)
        }

        func apply(_ desired: DesiredState) async throws {
            let (planning, live) = try await plan(desired)
            let report = await Applier(client: client, instanceId: id).apply(planning, live: live, desired: desired)
            #expect(report.succeeded, "\(report.failed.map { "\($0.change.address): \($0.outcome)" })")
        }

        func stop() async {
            await emulator.stop()
        }
    }

    @Test func referencesResolveToEachInstancesOwnArns() async throws {
        var contents: [String] = []
        for seed: UInt64 in [11, 12] {
            let instance = try await Instance.start(seed: seed)
            try await instance.apply(Self.desired())
            let flows = try await instance.client.pages(SearchRequest<ContactFlow>(instanceId: instance.id)).collect()
            let main = try #require(flows.first { $0.Name == "Main" })
            let stored = try #require(main.Content)
            #expect(!stored.contains("${"), "every reference resolved")
            let queues = try await instance.client.pages(SearchRequest<ConnectAPI.Queue>(instanceId: instance.id)).collect()
            let hours = try await instance.client.pages(SearchRequest<ConnectAPI.HoursOfOperation>(instanceId: instance.id)).collect()
            let modules = try await instance.client.pages(SearchRequest<ContactFlowModule>(instanceId: instance.id)).collect()
            let expected = [
                queues.first { $0.Name == "Sales" }?.QueueArn, queues.first { $0.Name == "Support" }?.QueueArn,
                hours.first { $0.Name == "Office" }?.HoursOfOperationArn, modules.first { $0.Name == "Greeting" }?.Arn,
                flows.first { $0.Name == "After Hours" }?.Arn,
            ]
            for arn in expected {
                let arn = try #require(arn)
                #expect(arn.contains(instance.id))
                #expect(stored.contains(arn), "\(arn) in the stored content")
            }
            contents.append(stored)
            // Converged: the next plan has nothing to do.
            #expect(try await instance.plan(Self.desired()).0.plan.changes.isEmpty)
            await instance.stop()
        }
        #expect(contents[0] != contents[1], "the two instances hold different ARNs")
    }

    @Test func keyOrderAndDesignerMovesAreNotBehaviouralChanges() async throws {
        let instance = try await Instance.start(seed: 13)
        try await instance.apply(Self.desired())
        // Same flow, keys reordered and re-indented.
        let reordered = try JSONSerialization.jsonObject(with: Data(Self.content().utf8))
        let reorderedText = String(decoding: try JSONSerialization.data(withJSONObject: reordered, options: [.prettyPrinted]), as: UTF8.self)
        #expect(try await instance.plan(Self.desired(main: reorderedText)).0.plan.changes.isEmpty)
        // A block moved in the designer: only the layout changes.
        let moved = Self.content(metadata: #"{"entryPointPosition":{"x":200,"y":10}}"#)
        let changes = try await instance.plan(Self.desired(main: moved)).0.plan.changes
        #expect(changes.map(\.address) == ["flow.Main"])
        #expect(changes.first?.fields.allSatisfy { $0.path.hasPrefix("layout") } == true)
        await instance.stop()
    }

    @Test func oneChangedTransitionShowsAsExactlyThat() async throws {
        let instance = try await Instance.start(seed: 14)
        try await instance.apply(Self.desired())
        let changes = try await instance.plan(Self.desired(main: Self.content(transitionTo: "overflow"))).0.plan.changes
        #expect(changes.map(\.address) == ["flow.Main"])
        #expect(changes.first?.fields == [FieldChange(path: #"content.Actions.check.Transitions.NextAction"#,
                                                      before: "to-queue", after: "overflow")])
        #expect(changes.first?.calls == ["UpdateContactFlowContent"])
        await instance.stop()
    }
}
