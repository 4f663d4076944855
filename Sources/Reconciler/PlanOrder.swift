import Model

/// Orders a plan's changes and fills in their dependencies. Creates and updates follow the
/// reference graph (ties by address); where creates form a cycle through flow content, the
/// flow is created with placeholder content and filled in afterwards; deletes come last,
/// dependents first.
enum PlanOrder {
    typealias Deps = [Int: [(target: Int, breakable: Bool)]]

    static func order(_ candidates: [Planner.Candidate], edges: [DependencyGraph.Edge],
                      diagnostics: inout [Diagnostic]) -> [Planner.Candidate] {
        let deletes = candidates.indices.filter { candidates[$0].change.action == .delete }
        let others = candidates.indices.filter { candidates[$0].change.action != .delete }
        var deps = dependencies(candidates, others: others, edges: edges)
        let deferred = breakCycles(candidates, others: others, deps: &deps, diagnostics: &diagnostics)
        let order = topologicalOrder(candidates, others: others, deps: deps)
        let sequence = order + deletes
        var newIndex: [Int: Int] = [:]
        for (n, old) in sequence.enumerated() { newIndex[old] = n }

        var result = sequence.map { candidates[$0] }
        let nonDeleteCount = order.count
        for (n, old) in sequence.enumerated() {
            var candidate = result[n]
            let kind = candidate.address.kind
            if candidate.change.action == .delete {
                // After every create and update; after deletes of kinds that may refer to it.
                candidate.dependsOn = Set(0..<nonDeleteCount)
                for m in nonDeleteCount..<n where result[m].address.kind > kind
                    || (result[m].address.kind == kind && kind == .hierarchyGroup) {
                    candidate.dependsOn.insert(m)
                }
            } else {
                candidate.dependsOn = Set((deps[old] ?? []).compactMap { newIndex[$0.target] })
                if let targets = deferred[old], [.create, .replace].contains(candidate.change.action) {
                    candidate.placeholder = true
                    candidate.fillDependsOn = Set(targets.compactMap { newIndex[$0] })
                }
            }
            result[n] = candidate
        }
        return result
    }

    /// A change waits for the creation of what it references, and for every change of the
    /// kinds its handler waits for.
    private static func dependencies(_ candidates: [Planner.Candidate], others: [Int], edges: [DependencyGraph.Edge]) -> Deps {
        var indexByAddress: [ResourceAddress: Int] = [:]
        for i in others { indexByAddress[candidates[i].address] = i }
        let creates = Set(others.filter { [.create, .replace].contains(candidates[$0].change.action) })
        let byKind = Dictionary(grouping: others, by: { candidates[$0].address.kind })
        var deps: Deps = [:]
        let edgesByFrom = Dictionary(grouping: edges, by: \.from)
        for i in others {
            let address = candidates[i].address
            for edge in edgesByFrom[address] ?? [] {
                if let t = indexByAddress[edge.to], creates.contains(t), t != i {
                    deps[i, default: []].append((t, edge.breakable))
                }
            }
            for kind in KindRegistry.handler(for: address.kind)?.waitsFor ?? [] {
                for t in byKind[kind] ?? [] where t != i { deps[i, default: []].append((t, false)) }
            }
        }
        return deps
    }

    /// Breaks cycles among creates by deferring breakable (flow content) edges; returns
    /// the deferred targets per change.
    private static func breakCycles(_ candidates: [Planner.Candidate], others: [Int], deps: inout Deps,
                                    diagnostics: inout [Diagnostic]) -> [Int: Set<Int>] {
        var deferred: [Int: Set<Int>] = [:]
        while let cycle = findCycle(nodes: others, deps: deps) {
            var broke = false
            for (k, from) in cycle.enumerated() {
                let to = cycle[(k + 1) % cycle.count]
                if let e = deps[from]?.firstIndex(where: { $0.target == to && $0.breakable }) {
                    deps[from]?.remove(at: e)
                    deferred[from, default: []].insert(to)
                    broke = true
                    break
                }
            }
            if !broke {
                let names = (cycle + cycle.prefix(1)).map { candidates[$0].change.address }.joined(separator: " -> ")
                diagnostics.append(.error("reference cycle that no placeholder can break: \(names)", at: nil))
                for from in cycle { deps[from] = [] }
            }
        }
        return deferred
    }

    /// Topological order, ties by address. Every cycle was cut before, so it holds every change.
    private static func topologicalOrder(_ candidates: [Planner.Candidate], others: [Int], deps: Deps) -> [Int] {
        var remaining: [Int: Int] = [:]
        var dependents: [Int: [Int]] = [:]
        for i in others {
            let targets = Set((deps[i] ?? []).map(\.target))
            remaining[i] = targets.count
            for t in targets { dependents[t, default: []].append(i) }
        }
        var ready = MinHeap(others.filter { remaining[$0] == 0 }) { candidates[$0].address < candidates[$1].address }
        var order: [Int] = []
        while let next = ready.pop() {
            order.append(next)
            for d in dependents[next] ?? [] {
                let left = (remaining[d] ?? 1) - 1
                remaining[d] = left
                if left == 0 { ready.push(d) }
            }
        }
        return order
    }

    private static func findCycle(nodes: [Int], deps: Deps) -> [Int]? {
        var state: [Int: Int] = [:]  // 1 visiting, 2 done
        var stack: [Int] = []
        func visit(_ n: Int) -> [Int]? {
            state[n] = 1
            stack.append(n)
            for (t, _) in (deps[n] ?? []).sorted(by: { $0.target < $1.target }) {
                if state[t] == 1, let start = stack.lastIndex(of: t) { return Array(stack[start...]) }
                if state[t] == nil, let c = visit(t) { return c }
            }
            stack.removeLast()
            state[n] = 2
            return nil
        }
        for n in nodes.sorted() where state[n] == nil {
            if let c = visit(n) { return c }
        }
        return nil
    }
}
