import Model

/// Computes the plan: matches declared resources to live ones by name (or `renamedFrom`),
/// diffs them, maps changes to Connect calls, and orders everything by the reference
/// graph, breaking flow cycles with placeholders. Pure: no I/O.
public enum Planner {
    public struct Options: Sendable {
        public var prune: Bool
        public init(prune: Bool = false) { self.prune = prune }
    }

    public static func plan(desired: DesiredState, live original: LiveState, instance: Plan.Instance,
                            options: Options = Options()) -> PlanningResult {
        var diagnostics: [Diagnostic] = []
        var notes: [String] = []
        let stack = desired.stack
        // References to resources being renamed are compared under their new names.
        let renames = RenameTranslation.renames(desired: desired, live: original)
        let live = RenameTranslation.apply(renames, to: original)
        let arns = RenameTranslation.apply(renames, to: live.addressesByARN)
        let contentForm: (FlowContent) -> FlowContentForm = { content in
            FlowContentCanonicalizer.canonicalForm(FlowContentCanonicalizer.unresolve(content.text, arns: arns))
        }
        func location(_ address: ResourceAddress) -> SourceLocation? { desired.declarations[address] }

        var details: [ChangeDetail] = []
        var claimed = Set<ResourceAddress>()  // live resources matched by a declaration

        // The hierarchy structure (a singleton) goes first: groups need their levels.
        if !desired.userHierarchy.levels.isEmpty && desired.userHierarchy.levels != live.hierarchyLevels {
            let change = PlannedChange(
                kind: "userHierarchy", name: "levels", action: live.hierarchyLevels.isEmpty ? .create : .update,
                fields: [FieldChange(path: "levels",
                                     before: live.hierarchyLevels.isEmpty ? nil : .list(live.hierarchyLevels.map(FieldValue.string)),
                                     after: .list(desired.userHierarchy.levels.map(FieldValue.string)))],
                calls: ["UpdateUserHierarchyStructure"])
            details.append(ChangeDetail(change: change, address: nil, desired: nil, live: nil,
                                        desiredFields: ["levels": .list(desired.userHierarchy.levels.map(FieldValue.string))]))
        }

        // Phone numbers are not read yet: a number is passed to Connect as written.
        for queue in desired.queues {
            if let number = queue.outboundCallerId?.number, number.hasPrefix("+") {
                diagnostics.append(.warning("queue '\(queue.name)': outboundCallerId.number '\(number)' is sent to Connect as the outbound caller number id; Patchbay does not yet look phone numbers up (ListPhoneNumbersV2), so Connect will reject a number that is not an id",
                                            at: location(queue.address)))
            }
        }

        // Externals must exist.
        for external in desired.externals where live[external] == nil {
            diagnostics.append(.error("\(external.kind.displayName) '\(external.name)' is declared external but does not exist in instance \(instance.id)",
                                      at: location(external)))
        }

        for resource in DesiredResource.all(in: desired) {
            let address = resource.address
            let fields = Projection.fields(of: resource, stack: stack, stackTags: desired.tags, flowContent: contentForm)
            var current = live[address]
            var previousName: String?
            if current == nil {
                for old in resource.renamedFrom {
                    if let candidate = live[ResourceAddress(address.kind, old)] {
                        current = candidate
                        previousName = old
                        break
                    }
                }
            }
            guard let current else {
                var change = PlannedChange(kind: address.kind.rawValue, name: address.name, action: .create,
                                           fields: Differ.listing(fields.filter { !isEmpty($0.value) }, asCreate: true))
                if case .user = resource, fields["password"] != nil, !change.fields.contains(where: { $0.path == "password" }) {
                    change.fields.append(FieldChange(path: "password", before: nil, after: .sensitive))
                    change.fields.sort { $0.path < $1.path }
                }
                details.append(ChangeDetail(change: change, address: address, desired: resource, live: nil, desiredFields: fields))
                continue
            }
            claimed.insert(current.address)
            if let owner = current.owner, owner != stack {
                diagnostics.append(.error("\(address.kind.displayName) '\(current.address.name)' exists in the instance but belongs to stack '\(owner)' (tag \(Ownership.stackTag)); refusing to take it over",
                                          at: location(address)))
                continue
            }
            var fieldChanges = Differ.diff(before: current.fields, after: fields)
            if let previousName {
                fieldChanges.insert(FieldChange(path: "name", before: .string(previousName), after: .string(address.name)), at: 0)
            }
            // A fingerprint tag that is merely stale (the fields it covers agree, e.g. after a
            // referenced queue was renamed) is not worth a change of its own: it is rewritten
            // with the next real change, and until then a fast read just doesn't trust it.
            if current.owner == stack, fieldChanges.allSatisfy({ Fingerprint.isFingerprintPath($0.path) }) { continue }
            guard !fieldChanges.isEmpty else { continue }

            var action: ChangeAction = previousName != nil ? .rename : (current.owner == nil ? .adopt : .update)
            var warnings: [String] = []
            let changed = Set(fieldChanges.map(\.topLevelField))
            if address.kind == .flow && changed.contains("type") {
                action = .replace
                warnings.append("a flow's type cannot change in place: the flow is deleted and created again with a new id")
            }
            if address.kind == .user && previousName != nil {
                action = .replace
                warnings.append("Connect cannot change a username: user '\(previousName!)' is deleted and '\(address.name)' created in its place; the old user's id, history and metrics are lost")
            }
            if address.kind == .hierarchyGroup && changed.contains("parent") {
                action = .replace
                warnings.append("a hierarchy group cannot move: it is deleted and created under its new parent")
            }
            if (address.kind == .flow || address.kind == .flowModule),
               current.fields["status"] == "PUBLISHED", fields["status"] == "SAVED" {
                diagnostics.append(.error("\(address.kind.displayName) '\(address.name)' is published; Connect cannot turn a published \(address.kind.displayName) back into a saved draft (status: SAVED)",
                                          at: location(address)))
            }
            let calls: [String]
            if action == .replace {
                calls = [CallPlanner.deleteCall(address.kind)] + CallPlanner.createCalls(
                    ChangeDetail(change: PlannedChange(kind: "", name: "", action: .create), address: address,
                                 desired: resource, live: nil, desiredFields: fields))
            } else {
                calls = CallPlanner.updateCalls(kind: address.kind, changes: fieldChanges, before: current.fields, after: fields)
            }
            let change = PlannedChange(kind: address.kind.rawValue, name: address.name, action: action,
                                       fields: fieldChanges, calls: calls, id: current.id,
                                       previousName: previousName, warnings: warnings)
            details.append(ChangeDetail(change: change, address: address, desired: resource, live: current, desiredFields: fields))
        }

        // References must resolve to something that exists or will.
        let declared = Set(desired.managedAddresses)
        let graph = desired.dependencyGraph()
        let edges = graph.edges
        for edge in edges where !declared.contains(edge.to) && live[edge.to] == nil
            && !desired.externals.contains(edge.to) {
            diagnostics.append(.error("\(edge.from) refers to \(edge.to.kind.displayName) '\(edge.to.name)', which does not exist in instance \(instance.id)",
                                      at: location(edge.from)))
        }

        // Resources of this stack no longer declared.
        var orphans: [LiveResource] = []
        for resource in live.resources.values where resource.owner == stack && !claimed.contains(resource.address)
            && !declared.contains(resource.address) && !resource.isDefault {
            orphans.append(resource)
        }
        orphans.sort { a, b in a.address.kind != b.address.kind ? a.address.kind > b.address.kind : deleteOrder(a.address, b.address) }
        if options.prune {
            for orphan in orphans {
                let change = PlannedChange(kind: orphan.address.kind.rawValue, name: orphan.address.name, action: .delete,
                                           fields: Differ.listing(orphan.fields.filter { !isEmpty($0.value) }, asCreate: false),
                                           calls: [CallPlanner.deleteCall(orphan.address.kind)], id: orphan.id)
                details.append(ChangeDetail(change: change, address: orphan.address, desired: nil, live: orphan, desiredFields: [:]))
            }
        } else if !orphans.isEmpty {
            notes.append("\(orphans.count) resource\(orphans.count == 1 ? "" : "s") tagged \(Ownership.stackTag)=\(stack) \(orphans.count == 1 ? "is" : "are") no longer declared and will be kept (run with --prune to delete): "
                         + orphans.map(\.address.description).joined(separator: ", "))
        }

        var ordered = order(details, edges: edges, diagnostics: &diagnostics)
        for i in ordered.indices where ordered[i].change.action == .create || (ordered[i].placeholder) {
            ordered[i].change.calls = CallPlanner.createCalls(ordered[i])
        }
        let plan = Plan(stack: stack, instance: instance, stateFingerprint: original.fingerprint,
                        changes: ordered.map(\.change), readCalls: live.readCalls)
        return PlanningResult(plan: plan, details: ordered, diagnostics: diagnostics.sorted(), notes: notes)
    }

    /// Children before parents for hierarchy groups; otherwise by name.
    private static func deleteOrder(_ a: ResourceAddress, _ b: ResourceAddress) -> Bool {
        if a.kind == .hierarchyGroup {
            let da = a.name.split(separator: "/").count, db = b.name.split(separator: "/").count
            if da != db { return da > db }
        }
        return a.name < b.name
    }

    private static func isEmpty(_ value: FieldValue) -> Bool {
        switch value {
        case .null: true
        case let .string(s): s.isEmpty
        case let .object(o): o.isEmpty
        case let .list(l), let .unorderedSet(l): l.isEmpty
        default: false
        }
    }

    /// Orders changes and fills in their dependencies. Creates and updates follow the
    /// reference graph (ties by address); where creates form a cycle through flow content,
    /// the flow is created with placeholder content and filled in afterwards; deletes come
    /// last, dependents first.
    static func order(_ details: [ChangeDetail], edges: [DependencyGraph.Edge], diagnostics: inout [Diagnostic]) -> [ChangeDetail] {
        let structureIndex = details.firstIndex { $0.address == nil }
        let deletes = details.indices.filter { details[$0].change.action == .delete }
        let others = details.indices.filter { details[$0].change.action != .delete && details[$0].address != nil }
        var indexByAddress: [ResourceAddress: Int] = [:]
        for i in others { indexByAddress[details[i].address!] = i }
        let creates = Set(others.filter { [.create, .replace].contains(details[$0].change.action) })

        // Dependencies between changes: a change waits for the creation of what it references.
        var deps: [Int: [(target: Int, breakable: Bool)]] = [:]
        let edgesByFrom = Dictionary(grouping: edges, by: \.from)
        for i in others {
            for edge in edgesByFrom[details[i].address!] ?? [] {
                if let t = indexByAddress[edge.to], creates.contains(t), t != i {
                    deps[i, default: []].append((t, edge.breakable))
                }
            }
        }
        // Break cycles among creates by deferring breakable (flow content) edges.
        var deferred: [Int: Set<Int>] = [:]
        while let cycle = findCycle(nodes: others, deps: deps) {
            var broke = false
            for (k, from) in cycle.enumerated() {
                let to = cycle[(k + 1) % cycle.count]
                if let e = deps[from]?.firstIndex(where: { $0.target == to && $0.breakable }) {
                    deps[from]!.remove(at: e)
                    deferred[from, default: []].insert(to)
                    broke = true
                    break
                }
            }
            if !broke {
                let names = (cycle + [cycle[0]]).map { details[$0].change.address }.joined(separator: " -> ")
                diagnostics.append(.error("reference cycle that no placeholder can break: \(names)", at: nil))
                for from in cycle { deps[from] = [] }
            }
        }

        // Topological order, ties by address.
        var remaining: [Int: Int] = [:]
        var dependents: [Int: [Int]] = [:]
        for i in others {
            let targets = Set((deps[i] ?? []).map(\.target))
            remaining[i] = targets.count
            for t in targets { dependents[t, default: []].append(i) }
        }
        func key(_ i: Int) -> ResourceAddress { details[i].address! }
        var ready = MinHeap(others.filter { remaining[$0] == 0 }) { key($0) < key($1) }
        var order: [Int] = []
        while let next = ready.pop() {
            order.append(next)
            for d in dependents[next] ?? [] {
                remaining[d]! -= 1
                if remaining[d] == 0 { ready.push(d) }
            }
        }
        // (Every cycle was cut above, so `order` holds every change.)
        var sequence: [Int] = []
        if let structureIndex { sequence.append(structureIndex) }
        sequence += order
        sequence += deletes
        var newIndex: [Int: Int] = [:]
        for (n, old) in sequence.enumerated() { newIndex[old] = n }

        var result: [ChangeDetail] = sequence.map { details[$0] }
        let nonDeleteCount = (structureIndex == nil ? 0 : 1) + order.count
        for (n, old) in sequence.enumerated() {
            var detail = result[n]
            if detail.change.action == .delete {
                // After every create and update; after deletes of kinds that may refer to it.
                detail.dependsOn = Set(0..<nonDeleteCount)
                for m in nonDeleteCount..<n where result[m].address!.kind > detail.address!.kind
                    || (result[m].address!.kind == detail.address!.kind && detail.address!.kind == .hierarchyGroup) {
                    detail.dependsOn.insert(m)
                }
            } else if detail.address != nil {
                detail.dependsOn = Set((deps[old] ?? []).map { newIndex[$0.target]! })
                if let structureIndex, detail.address!.kind == .hierarchyGroup { detail.dependsOn.insert(newIndex[structureIndex]!) }
                if let targets = deferred[old], detail.change.action == .create || detail.change.action == .replace {
                    detail.placeholder = true
                    detail.fillDependsOn = Set(targets.map { newIndex[$0]! })
                }
            }
            result[n] = detail
        }
        return result
    }

    private static func findCycle(nodes: [Int], deps: [Int: [(target: Int, breakable: Bool)]]) -> [Int]? {
        var state: [Int: Int] = [:]  // 1 visiting, 2 done
        var stack: [Int] = []
        func visit(_ n: Int) -> [Int]? {
            state[n] = 1
            stack.append(n)
            for (t, _) in (deps[n] ?? []).sorted(by: { $0.target < $1.target }) {
                if state[t] == 1 { return Array(stack[stack.lastIndex(of: t)!...]) }
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
