import Model

/// Computes the plan: matches declared resources to live ones by name (or `renamedFrom`),
/// diffs them, asks each kind's handler for the Connect calls, and orders everything by the
/// reference graph, breaking flow cycles with placeholders. Pure: no I/O.
public enum Planner {
    public struct Options: Sendable {
        public var prune: Bool
        /// Resources `--prune` may delete although they are protected (the instance's administrators).
        public var allowPrune: Set<ResourceAddress>
        /// `--target`: plan only these resources and the changes they need (what they refer to,
        /// transitively); empty plans everything.
        public var targets: Set<ResourceAddress>
        /// `--quota KEY=N`: the account's resource quotas where they differ from Connect's defaults.
        public var quotas: [String: Int]
        public init(prune: Bool = false, allowPrune: Set<ResourceAddress> = [], targets: Set<ResourceAddress> = [],
                    quotas: [String: Int] = [:]) {
            self.prune = prune
            self.allowPrune = allowPrune
            self.targets = targets
            self.quotas = quotas
        }
    }

    /// A change before ordering: the create calls wait until it is known whether a
    /// placeholder is needed.
    struct Candidate {
        var change: PlannedChange
        var address: ResourceAddress
        var item: DesiredItem?
        var live: LiveResource?
        var calls: [PlannedCall]
        /// For a replace: the delete calls that come before the create calls.
        var replaceDeletes: [PlannedCall] = []
        /// For a delete: live resources whose changes (letting go of it) must run first.
        /// A reference from flow content can give way to break a cycle of deletes.
        var deleteWaitsFor: [ResourceAddress] = []
        var placeholder = false
        var dependsOn: Set<Int> = []
        var fillDependsOn: Set<Int> = []
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
        let items = KindRegistry.items(in: desired) { content in
            FlowContentCanonicalizer.canonicalForm(FlowContentCanonicalizer.unresolve(content.text, arns: arns))
        }
        func location(_ address: ResourceAddress) -> SourceLocation? { desired.declarations[address] }

        diagnostics += preflight(desired, live: live, instance: instance)
        var candidates: [Candidate] = []
        var claimed = Set<ResourceAddress>()  // live resources matched by a declaration
        var secrets: [ResourceAddress: [String: SensitiveValue]] = [:]
        for item in items {
            guard let handler = KindRegistry.handler(for: item.address.kind) else { continue }
            if !item.secrets.isEmpty { secrets[item.address] = item.secrets }
            let (current, previousName) = match(item, in: live)
            guard let current else {
                if let problem = handler.missingProblem(item.address, instance.id) {
                    diagnostics.append(.error(problem, at: location(item.address)))
                } else {
                    candidates.append(createCandidate(item))
                }
                continue
            }
            claimed.insert(current.address)
            if let owner = current.owner, owner != stack {
                diagnostics.append(.error("\(item.address.kind.displayName) '\(current.address.name)' exists in the instance but belongs to stack '\(owner)' (tag \(Ownership.stackTag)); refusing to take it over",
                                          at: location(item.address)))
                continue
            }
            for problem in handler.problems(item.address, current, item.fields) {
                diagnostics.append(.error(problem, at: location(item.address)))
            }
            if let candidate = changeCandidate(item, handler, current: current, previousName: previousName, stack: stack) {
                candidates.append(candidate)
            }
        }

        // References must resolve to something that exists or will.
        let declared = Set(desired.managedAddresses)
        let edges = desired.dependencyGraph().edges
        for edge in edges where !declared.contains(edge.to) && live[edge.to] == nil && !desired.externals.contains(edge.to)
            && !integrationKinds.contains(edge.to.kind) {
            diagnostics.append(.error("\(edge.from) refers to \(edge.to.kind.displayName) '\(edge.to.name)', which does not exist in instance \(instance.id)",
                                      at: location(edge.from)))
        }
        diagnostics += unassociatedIntegrations(desired, live: live, declared: declared, instance: instance)

        // Resources of this stack no longer declared: deleted with --prune where safe, else kept.
        let orphans = orphans(of: stack, in: live, claimed: claimed, declared: declared)
        let kept = prune(orphans, live: live, desired: desired, renames: renames, options: options,
                         candidates: &candidates, diagnostics: &diagnostics, notes: &notes)

        if !options.targets.isEmpty {
            candidates = targeted(candidates, options.targets, edges: edges, diagnostics: &diagnostics, notes: &notes)
        }
        diagnostics += QuotaHeadroom.check(candidates, live: live, stated: options.quotas, location: location)
        let ordered = PlanOrder.order(candidates, edges: edges, diagnostics: &diagnostics)
        let steps = ordered.map(step)
        var plan = Plan(stack: stack, instance: instance, stateFingerprint: original.fingerprint,
                        changes: steps.map(\.change), readCalls: live.readCalls)
        plan.kept = kept
        return PlanningResult(plan: plan, details: steps, secrets: secrets, diagnostics: diagnostics.sorted(), notes: notes)
    }

    /// Delete candidates for the orphans `--prune` may delete; returns the addresses kept (all of
    /// them without `--prune`, the refused ones with it), each said in the notes.
    private static func prune(_ orphans: [LiveResource], live: LiveState, desired: DesiredState, renames: Renames,
                              options: Options, candidates: inout [Candidate], diagnostics: inout [Diagnostic],
                              notes: inout [String]) -> [String] {
        if options.prune, live.resources.keys.contains(where: { $0.kind == .phoneNumber }) {
            notes.append("--prune never releases phone numbers (nor changes the ones the manifests do not declare)")
        }
        guard options.prune else {
            let owned = orphans.filter { $0.owner == desired.stack }, listed = orphans.filter { $0.owner != desired.stack }
            if !owned.isEmpty {
                notes.append("\(owned.count) resource\(owned.count == 1 ? "" : "s") tagged \(Ownership.stackTag)=\(desired.stack) \(owned.count == 1 ? "is" : "are") no longer declared and will be kept (run with --prune to delete): "
                             + owned.map { orphan in
                                 // What prune does instead where Connect cannot delete (agent statuses: disable).
                                 KindRegistry.handler(for: orphan.address.kind)?.pruneInstead(orphan)
                                     .map { "\(orphan.address) (\($0.reason))" } ?? orphan.address.description
                             }.joined(separator: ", "))
            }
            if !listed.isEmpty {
                notes.append("\(listed.count) instance-level association\(listed.count == 1 ? " is" : "s are") not declared and will be kept (they belong to no stack; run with --prune to remove): "
                             + listed.map(\.address.description).joined(separator: ", "))
            }
            return orphans.map(\.address.description).sorted()
        }
        let safety = PruneSafety(orphans: orphans, live: live, desired: desired, renames: renames, allowPrune: options.allowPrune)
        for (orphan, waitsFor) in safety.deletable {
            if let instead = KindRegistry.handler(for: orphan.address.kind)?.pruneInstead(orphan) {
                notes.append("\(orphan.address): \(instead.reason)")
                candidates.append(pruneInsteadCandidate(orphan, instead))
                continue
            }
            var candidate = deleteCandidate(orphan)
            candidate.deleteWaitsFor = waitsFor
            candidates.append(candidate)
        }
        for refusal in safety.refused {
            let why = "not deleting \(refusal.resource.address): \(refusal.reason)"
                + (refusal.protected ? " (name it with --allow-prune to delete it)" : "")
            notes.append(why)
            diagnostics.append(.warning(why, at: nil))
        }
        return safety.refused.map(\.resource.address.description).sorted()
    }

    /// The candidates `--target` keeps: the targets and what they refer to, transitively (so a
    /// targeted queue brings the creation of its new hours along). Said loudly: the plan is partial.
    private static func targeted(_ candidates: [Candidate], _ targets: Set<ResourceAddress>, edges: [DependencyGraph.Edge],
                                 diagnostics: inout [Diagnostic], notes: inout [String]) -> [Candidate] {
        let edgesByFrom = Dictionary(grouping: edges, by: \.from)
        var keep = targets, queue = Array(targets)
        while let next = queue.popLast() {
            for edge in edgesByFrom[next] ?? [] where keep.insert(edge.to).inserted { queue.append(edge.to) }
        }
        for target in targets.sorted() where !candidates.contains(where: { $0.address == target }) {
            diagnostics.append(.warning("--target \(target): no change is planned for it", at: nil))
        }
        let kept = candidates.filter { keep.contains($0.address) }
        let left = candidates.count - kept.count
        if left > 0 {
            let message = "--target: this plan is partial; \(left) other change\(left == 1 ? " is" : "s are") not planned "
                + "(run without --target to see everything)"
            notes.append(message)
            diagnostics.append(.warning(message, at: nil))
        }
        return kept
    }

    static let integrationKinds: Set<ResourceKind> = [.lambdaFunction, .lexBot]

    /// Flows and modules that invoke a Lambda function or Lex bot alias that is neither associated
    /// with the instance nor declared under `integrations:` (Connect refuses to publish them), each
    /// at the place in the content file that names it.
    private static func unassociatedIntegrations(_ desired: DesiredState, live: LiveState, declared: Set<ResourceAddress>,
                                                 instance: Plan.Instance) -> [Diagnostic] {
        let contents = desired.flows.map { ($0.address, $0.content) } + desired.flowModules.map { ($0.address, $0.content) }
        return contents.flatMap { address, content in
            content.integrations.filter { !declared.contains($0.integration.address) && live[$0.integration.address] == nil }.map { use in
                let section = use.integration.kind == .lambdaFunction ? "lambdaFunctions" : "lexBots"
                return Diagnostic.error("\(address.kind.displayName) '\(address.name)' invokes \(use.integration.kind.displayName) '\(use.integration.arn)', which is not associated with instance \(instance.id); declare it under 'integrations.\(section)'",
                                        at: use.location)
            }
        }
    }

    /// Errors that need no diff: outbound caller numbers the instance has not claimed, missing externals.
    private static func preflight(_ desired: DesiredState, live: LiveState, instance: Plan.Instance) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // The E.164 number is sent as the id of the number claimed in the instance (ListPhoneNumbersV2).
        for queue in desired.queues {
            if let number = queue.outboundCallerId?.number, live[ResourceAddress(.phoneNumber, number)] == nil {
                diagnostics.append(.error("queue '\(queue.name)': outboundCallerId.number '\(number)' is not claimed in instance \(instance.id); Patchbay never claims numbers (claim it in the Connect console or with ClaimPhoneNumber)",
                                          at: desired.declarations[queue.address]))
            }
        }
        for external in desired.externals where live[external] == nil {
            diagnostics.append(.error("\(external.kind.displayName) '\(external.name)' is declared external but does not exist in instance \(instance.id)",
                                      at: desired.declarations[external]))
        }
        return diagnostics
    }

    /// This stack's resources that nothing declares any more (Connect's defaults never, nor what
    /// prune already left as it leaves what Connect cannot delete), and the undeclared entries of
    /// instance-level lists (integrations), in delete order.
    private static func orphans(of stack: String, in live: LiveState, claimed: Set<ResourceAddress>,
                                declared: Set<ResourceAddress>) -> [LiveResource] {
        live.resources.values.filter { resource in
            (resource.owner == stack || KindRegistry.handler(for: resource.address.kind)?.prunesUnowned == true)
                && !claimed.contains(resource.address) && !declared.contains(resource.address) && !resource.isDefault
                && KindRegistry.handler(for: resource.address.kind)?.pruneInstead(resource)?.calls.isEmpty != true
        }.sorted { a, b in a.address.kind != b.address.kind ? a.address.kind > b.address.kind : deleteOrder(a.address, b.address) }
    }

    private static func deleteCandidate(_ orphan: LiveResource) -> Candidate {
        let calls = KindRegistry.handler(for: orphan.address.kind)?.deleteCalls(orphan) ?? []
        let change = PlannedChange(kind: orphan.address.kind.rawValue, name: orphan.address.name, action: .delete,
                                   fields: Fingerprint.displayed(Differ.listing(orphan.fields.filter { !isEmpty($0.value) }, asCreate: false)),
                                   calls: calls.map(\.label), id: orphan.id)
        return Candidate(change: change, address: orphan.address, item: nil, live: orphan, calls: calls)
    }

    /// An update in place of a delete Connect has no API for (an agent status is disabled).
    private static func pruneInsteadCandidate(_ orphan: LiveResource, _ instead: PruneInstead) -> Candidate {
        let change = PlannedChange(kind: orphan.address.kind.rawValue, name: orphan.address.name, action: .update,
                                   fields: instead.fields, calls: instead.calls.map(\.label), id: orphan.id, warnings: [instead.reason])
        return Candidate(change: change, address: orphan.address, item: nil, live: orphan, calls: instead.calls)
    }

    /// The live resource a declaration describes: same name, else a name it was renamed from.
    private static func match(_ item: DesiredItem, in live: LiveState) -> (LiveResource?, String?) {
        if let current = live[item.address] { return (current, nil) }
        for old in item.renamedFrom {
            if let candidate = live[ResourceAddress(item.address.kind, old)] { return (candidate, old) }
        }
        return (nil, nil)
    }

    private static func createCandidate(_ item: DesiredItem) -> Candidate {
        var change = PlannedChange(kind: item.address.kind.rawValue, name: item.address.name, action: .create,
                                   fields: Fingerprint.displayed(Differ.listing(item.fields.filter { !isEmpty($0.value) }, asCreate: true)))
        if item.fields["password"] != nil, !change.fields.contains(where: { $0.path == "password" }) {
            change.fields.append(FieldChange(path: "password", before: nil, after: .sensitive))
            change.fields.sort { $0.path < $1.path }
        }
        return Candidate(change: change, address: item.address, item: item, live: nil, calls: item.createCalls(false))
    }

    private static func changeCandidate(_ item: DesiredItem, _ handler: AnyKindHandler, current: LiveResource,
                                        previousName: String?, stack: String) -> Candidate? {
        var fieldChanges = Differ.diff(before: current.fields, after: item.fields)
        if let previousName {
            fieldChanges.insert(FieldChange(path: "name", before: .string(previousName), after: .string(item.address.name)), at: 0)
        }
        // A fingerprint tag that is merely stale (the fields it covers agree, e.g. after a
        // referenced queue was renamed) is not worth a change of its own: it is rewritten
        // with the next real change, and until then a fast read just doesn't trust it.
        if current.owner == stack, fieldChanges.allSatisfy({ Fingerprint.isFingerprintPath($0.path) }) { return nil }
        guard !fieldChanges.isEmpty else { return nil }

        var action: ChangeAction = previousName != nil ? .rename : (current.owner == nil && handler.isOwned ? .adopt : .update)
        var warnings: [String] = []
        let changed = Set(fieldChanges.map(\.topLevelField))
        var calls: [PlannedCall]
        var replaceDeletes: [PlannedCall] = []
        if let reason = handler.replaceReason(item.address, changed, previousName, current) {
            action = .replace
            warnings.append(reason)
            replaceDeletes = handler.deleteCalls(current)
            calls = replaceDeletes + item.createCalls(false)
        } else {
            calls = item.updateCalls(current, changed)
            if changed.contains("tags") {
                calls += CallShapes.tagCalls(arn: current.arn, before: current.fields["tags"], after: item.fields["tags"])
            }
            calls = CallShapes.restamped(calls, arn: .string(current.arn), tags: item.fields["tags"])
        }
        let change = PlannedChange(kind: item.address.kind.rawValue, name: item.address.name, action: action,
                                   fields: Fingerprint.displayed(fieldChanges), calls: calls.map(\.label), id: current.id,
                                   previousName: previousName, warnings: warnings)
        return Candidate(change: change, address: item.address, item: item, live: current, calls: calls,
                         replaceDeletes: replaceDeletes)
    }

    /// The ordered candidate as the applier's step: a placeholder create gets its calls now.
    private static func step(_ c: Candidate) -> PlannedStep {
        var change = c.change
        let work: PlannedStep.Work
        let placeholder = c.placeholder ? c.item.map { (calls: $0.createCalls(true), fill: $0.fillCalls()) } : nil
        switch (change.action, c.live) {
        case let (.delete, live?): work = .delete(live: live, calls: c.calls)
        case let (.replace, live?):
            if let placeholder {
                work = .replace(live: live, calls: c.replaceDeletes + placeholder.calls, fill: placeholder.fill)
                change.calls = (c.replaceDeletes + placeholder.calls + placeholder.fill).map(\.label)
            } else {
                work = .replace(live: live, calls: c.calls, fill: nil)
            }
        case let (.rename, live?): work = .rename(live: live, calls: c.calls)
        case let (.update, live?), let (.adopt, live?): work = .update(live: live, calls: c.calls)
        default:
            if let placeholder {
                work = .create(calls: placeholder.calls, fill: placeholder.fill)
                change.calls = (placeholder.calls + placeholder.fill).map(\.label)
            } else {
                work = .create(calls: c.calls, fill: nil)
                change.calls = c.calls.map(\.label)
            }
        }
        return PlannedStep(change: change, address: c.address, work: work, dependsOn: c.dependsOn,
                           fillDependsOn: c.fillDependsOn, contentFile: c.item?.contentFile)
    }

    /// Children before parents for hierarchy groups; otherwise by name.
    static func deleteOrder(_ a: ResourceAddress, _ b: ResourceAddress) -> Bool {
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
}
