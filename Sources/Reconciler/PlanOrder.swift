import Model

/// Orders a plan's changes and fills in their dependencies, all in one graph. A create or
/// update waits for the creation of what it references; where creates form a cycle through
/// flow content (or a queue's quick connects), the create uses a placeholder and is filled in
/// afterwards. A delete waits exactly for the changes of the live resources that refer to it
/// (they let go first, or are deleted first) and nothing else, so a refused delete blocks only
/// what depends on it. Ties: creates and updates by address before deletes, deletes by
/// reverse kind order.
enum PlanOrder {
    typealias Deps = [Int: [(target: Int, breakable: Bool)]]

    static func order(_ candidates: [Planner.Candidate], edges: [DependencyGraph.Edge],
                      diagnostics: inout [Diagnostic]) -> [Planner.Candidate] {
        var deps = dependencies(candidates, edges: edges)
        let nodes = Array(candidates.indices)
        let deferred = breakCycles(candidates, nodes: nodes, deps: &deps, diagnostics: &diagnostics)
        let sequence = topologicalOrder(candidates, nodes: nodes, deps: deps)
        var newIndex: [Int: Int] = [:]
        for (n, old) in sequence.enumerated() { newIndex[old] = n }

        var result = sequence.map { candidates[$0] }
        for (n, old) in sequence.enumerated() {
            var candidate = result[n]
            candidate.dependsOn = Set((deps[old] ?? []).compactMap { newIndex[$0.target] })
            if let targets = deferred[old], [.create, .replace].contains(candidate.change.action) {
                candidate.placeholder = true
                candidate.fillDependsOn = Set(targets.compactMap { newIndex[$0] })
            }
            result[n] = candidate
        }
        return result
    }

    private static func isDelete(_ c: Planner.Candidate) -> Bool { c.change.action == .delete }

    private static func dependencies(_ candidates: [Planner.Candidate], edges: [DependencyGraph.Edge]) -> Deps {
        var indexByAddress: [ResourceAddress: Int] = [:], indexByLive: [ResourceAddress: Int] = [:]
        for (i, c) in candidates.enumerated() {
            if !isDelete(c) { indexByAddress[c.address] = i }
            if let live = c.live { indexByLive[live.address] = i }
        }
        let creates = Set(candidates.indices.filter { [.create, .replace].contains(candidates[$0].change.action) })
        let byKind = Dictionary(grouping: candidates.indices.filter { !isDelete(candidates[$0]) }, by: { candidates[$0].address.kind })
        let deletesByKind = Dictionary(grouping: candidates.indices.filter { isDelete(candidates[$0]) },
                                       by: { candidates[$0].address.kind })
        let edgesByFrom = Dictionary(grouping: edges, by: \.from)
        var deps: Deps = [:]
        for (i, c) in candidates.enumerated() {
            if isDelete(c) {
                for holder in c.deleteWaitsFor {
                    // Flow content referring to a resource does not keep it from being deleted
                    // first when both go (a flow and the queue whose whisper it is).
                    let content = KindRegistry.handler(for: holder.kind)?.breaksCycles ?? false
                    if let t = indexByLive[holder], t != i { deps[i, default: []].append((t, content)) }
                }
                continue
            }
            for edge in edgesByFrom[c.address] ?? [] {
                if let t = indexByAddress[edge.to], creates.contains(t), t != i { deps[i, default: []].append((t, edge.breakable)) }
            }
            let handler = KindRegistry.handler(for: c.address.kind)
            for kind in handler?.waitsFor ?? [] {
                for t in byKind[kind] ?? [] where t != i { deps[i, default: []].append((t, false)) }
            }
            for kind in handler?.waitsForDeletes(c.change) ?? [] {
                for t in deletesByKind[kind] ?? [] { deps[i, default: []].append((t, false)) }
            }
        }
        return deps
    }

    /// Breaks cycles by deferring breakable (flow content, quick connect) edges; returns the
    /// deferred targets per change.
    private static func breakCycles(_ candidates: [Planner.Candidate], nodes: [Int], deps: inout Deps,
                                    diagnostics: inout [Diagnostic]) -> [Int: Set<Int>] {
        var deferred: [Int: Set<Int>] = [:]
        while let cycle = findCycle(nodes: nodes, deps: deps) {
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

    /// Creates and updates by address; deletes after them, by reverse kind order, children first.
    private static func precedes(_ a: Planner.Candidate, _ b: Planner.Candidate) -> Bool {
        switch (isDelete(a), isDelete(b)) {
        case (false, true): return true
        case (true, false): return false
        case (false, false): return a.address < b.address
        case (true, true):
            if a.address.kind != b.address.kind { return a.address.kind > b.address.kind }
            return Planner.deleteOrder(a.address, b.address)
        }
    }

    /// Topological order, ties by `precedes`. Every cycle was cut before, so it holds every change.
    private static func topologicalOrder(_ candidates: [Planner.Candidate], nodes: [Int], deps: Deps) -> [Int] {
        var remaining: [Int: Int] = [:]
        var dependents: [Int: [Int]] = [:]
        for i in nodes {
            let targets = Set((deps[i] ?? []).map(\.target))
            remaining[i] = targets.count
            for t in targets { dependents[t, default: []].append(i) }
        }
        var ready = MinHeap(nodes.filter { remaining[$0] == 0 }) { precedes(candidates[$0], candidates[$1]) }
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
