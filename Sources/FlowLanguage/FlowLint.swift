/// Warnings Connect does not give: content it accepts, but where a contact may not go where the
/// author meant. All are about the transition graph
/// (https://docs.aws.amazon.com/connect/latest/APIReference/flow-language-actions.html,
/// "Transitions": `NextAction`, `Conditions[].NextAction`, `Errors[].NextAction`).
enum FlowLint {
    struct Node {
        var index: Int
        var id: String
        var type: String
        var targets: [String]
    }

    /// Actions that make a cycle bounded (Loop counts) or paced (the others wait).
    static let pacing: Set<String> = ["Loop", "MessageParticipantIteratively", "Wait"]

    static func warnings(_ content: FlowJSON) -> [FlowProblem] {
        guard let actions = content["Actions"]?.array else { return [] }
        let root = JSONPath().appending("Actions")
        var nodes: [Node] = []
        var byId: [String: Int] = [:]
        var problems: [FlowProblem] = []
        func warn(_ rule: FlowProblem.Rule, _ message: String, at path: JSONPath, action: String) {
            problems.append(FlowProblem(severity: .warning, rule: rule, message: message, path: path, action: action))
        }
        for (index, action) in actions.enumerated() {
            guard let id = action["Identifier"]?.string, byId[id] == nil else { continue }
            let type = action["Type"]?.string ?? ""
            let transitions = action["Transitions"]
            var targets: [String] = []
            if let next = transitions?["NextAction"]?.string, !next.isEmpty { targets.append(next) }
            for key in ["Conditions", "Errors"] {
                for (i, branch) in (transitions?[key]?.array ?? []).enumerated() {
                    if let next = branch["NextAction"]?.string, !next.isEmpty {
                        targets.append(next)
                    } else if branch.members != nil {
                        let label = key == "Errors" ? "error branch" : "condition branch"
                        let name = branch["ErrorType"]?.string.map { " '\($0)'" } ?? ""
                        warn(.errorBranchGoesNowhere, "\(label)\(name) of action '\(id)' has no 'NextAction'; the contact stops there",
                             at: root.appending(index).appending("Transitions").appending(key).appending(i), action: id)
                    }
                }
            }
            byId[id] = nodes.count
            nodes.append(Node(index: index, id: id, type: type, targets: targets))
        }
        let identifierPath = { (node: Node) in root.appending(node.index).appending("Identifier") }

        // Dead ends: no way on, and not an action that ends (or holds) the flow.
        for node in nodes where node.targets.isEmpty {
            let terminal = FlowCatalogue.spec(for: node.type)?.terminal ?? true  // unknown types are reported elsewhere
            if !terminal {
                warn(.deadEnd, "action '\(node.id)' (\(node.type)) has no transition and does not end the flow; "
                     + "the contact stops there", at: identifierPath(node), action: node.id)
            }
        }

        // Unreachable: not reached from StartAction.
        if let start = content["StartAction"]?.string, let startIndex = byId[start] {
            var seen: Set<Int> = [startIndex]
            var stack = [startIndex]
            while let n = stack.popLast() {
                for t in nodes[n].targets { if let m = byId[t], seen.insert(m).inserted { stack.append(m) } }
            }
            for (n, node) in nodes.enumerated() where !seen.contains(n) {
                warn(.unreachableAction, "action '\(node.id)' can never run: no transition leads to it from the start action '\(start)'",
                     at: identifierPath(node), action: node.id)
            }
        }

        // Loops without a counter: a cycle with no Loop action in it can run forever. Cycles
        // paced by an action that waits (MessageParticipantIteratively's InterruptFrequencySeconds
        // in queue and hold flows, Wait's TimeoutSeconds) are how those flows keep a contact.
        for component in stronglyConnectedComponents(nodes, byId: byId) {
            let cyclic = component.count > 1 || nodes[component[0]].targets.contains(nodes[component[0]].id)
            guard cyclic, !component.contains(where: { pacing.contains(nodes[$0].type) }) else { continue }
            let members = component.sorted().map { nodes[$0] }
            let names = members.prefix(5).map { "'\($0.id)'" }.joined(separator: ", ") + (members.count > 5 ? ", …" : "")
            warn(.loopWithoutCounter, "actions \(names) form a loop with no Loop action to count the rounds; a contact can go round forever",
                 at: identifierPath(members[0]), action: members[0].id)
        }
        return problems
    }

    /// Tarjan's algorithm, iterative (flows have at most 250 actions, but no recursion is needed).
    static func stronglyConnectedComponents(_ nodes: [Node], byId: [String: Int]) -> [[Int]] {
        let edges = nodes.map { $0.targets.compactMap { byId[$0] } }
        var index = Array(repeating: -1, count: nodes.count), low = Array(repeating: 0, count: nodes.count)
        var onStack = Array(repeating: false, count: nodes.count)
        var stack: [Int] = [], components: [[Int]] = [], counter = 0
        for root in nodes.indices where index[root] == -1 {
            var work: [(node: Int, edge: Int)] = [(root, 0)]
            index[root] = counter; low[root] = counter; counter += 1
            stack.append(root); onStack[root] = true
            while let (v, e) = work.last {
                if e < edges[v].count {
                    work[work.count - 1].edge += 1
                    let w = edges[v][e]
                    if index[w] == -1 {
                        index[w] = counter; low[w] = counter; counter += 1
                        stack.append(w); onStack[w] = true
                        work.append((w, 0))
                    } else if onStack[w] {
                        low[v] = min(low[v], index[w])
                    }
                } else {
                    work.removeLast()
                    if let parent = work.last { low[parent.node] = min(low[parent.node], low[v]) }
                    if low[v] == index[v] {
                        var component: [Int] = []
                        while let w = stack.popLast() {
                            onStack[w] = false
                            component.append(w)
                            if w == v { break }
                        }
                        components.append(component)
                    }
                }
            }
        }
        return components
    }
}
