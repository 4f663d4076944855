import Foundation
import Model
import Reconciler

// MARK: flow canonicalisation at real size (issue 17)

/// A flow of about `targetBytes` bytes: a chain of actions with parameters, conditions,
/// error branches and designer metadata (positions as fractions), like flows exported from
/// real instances.
func realSizeFlow(_ index: Int, targetBytes: Int = 98_000) -> String {
    var actions: [String] = [], positions: [String] = []
    var n = 0
    while actions.joined().count + positions.joined().count < targetBytes - 200 {
        let id = "a\(index)-\(n)", next = "a\(index)-\(n + 1)"
        actions.append(#"{"Identifier":"\#(id)","Type":"Compare","Parameters":{"ComparisonValue":"$.Attributes.menu\#(n % 7)"},"Transitions":{"NextAction":"\#(next)","Conditions":[{"NextAction":"\#(next)","Condition":{"Operator":"Equals","Operands":["\#(n % 10)"]}}],"Errors":[{"NextAction":"\#(next)","ErrorType":"NoMatchingCondition"}]}}"#)
        positions.append(#""\#(id)":{"position":{"x":\#(Double(n) * 212.5 + 0.25),"y":\#(Double(n % 9) * 97.75)},"isFriendlyName":true,"conditionMetadata":[{"id":"c\#(n)","operator":{"name":"Equals","value":"Equals","shortDisplay":"="},"value":"\#(n % 10)"}]}"#)
        n += 1
    }
    actions.append(#"{"Identifier":"a\#(index)-\#(n)","Type":"DisconnectParticipant","Parameters":{},"Transitions":{}}"#)
    return #"{"Version":"2019-10-30","StartAction":"a\#(index)-0","Metadata":{"entryPointPosition":{"x":40,"y":40},"ActionMetadata":{\#(positions.joined(separator: ","))}},"Actions":[\#(actions.joined(separator: ","))]}"#
}

/// What canonicalisation was before issue 17: JSONSerialization with sorted keys.
func legacyCanonicalForm(_ text: String) -> FlowContentForm {
    guard var object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] else {
        return FlowContentForm(behaviour: text, layout: "")
    }
    let metadata = object.removeValue(forKey: "Metadata")
    func json(_ value: Any) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
    return FlowContentForm(behaviour: json(object), layout: metadata.map(json) ?? "")
}

func flowBenchmark() {
    let flows = (0..<100).map { realSizeFlow($0) }
    let bytes = flows.reduce(0) { $0 + $1.utf8.count }
    print("flows: \(flows.count), \(bytes / flows.count) bytes each on average")
    for (label, canonicalise) in [("JSONSerialization (before)", legacyCanonicalForm), ("CanonicalJSON (now)", FlowContentCanonicalizer.canonicalForm)] {
        var best = Double.infinity
        for _ in 0..<3 {
            let start = cpuSeconds()
            for flow in flows { _ = canonicalise(flow) }
            best = min(best, cpuSeconds() - start)
        }
        print(String(format: "canonical form of 100 flows, %@: %.3f s CPU (best of 3)", label, best))
    }
    var desired = DesiredState(stack: "bench")
    desired.flows = flows.enumerated().map { n, text in
        Flow(name: String(format: "Flow %03d", n), type: .contactFlow,
             content: FlowContent(path: "f\(n).json", resolvedPath: "/bench/f\(n).json", text: text, references: []))
    }
    let live = convergedLiveState(desired)
    var best = Double.infinity
    for _ in 0..<3 {
        let start = cpuSeconds()
        let result = Planner.plan(desired: desired, live: live, instance: Plan.Instance(id: "bench", region: "us-east-1"))
        best = min(best, cpuSeconds() - start)
        precondition(result.plan.changes.isEmpty, "a converged instance plans no changes")
    }
    print(String(format: "no-change plan of 100 real-size flows: %.3f s CPU (best of 3)", best))
}
