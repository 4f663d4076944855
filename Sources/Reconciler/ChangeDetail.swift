import Model

/// Everything the applier needs to carry out one planned change.
public struct ChangeDetail: Sendable {
    public var change: PlannedChange
    /// `nil` for the user hierarchy structure, which has no address.
    public var address: ResourceAddress?
    public var desired: DesiredResource?
    public var live: LiveResource?
    public var desiredFields: [String: FieldValue]
    /// Create with placeholder content first, fill the real content in once the resources
    /// it references exist (breaks flow ↔ queue and flow ↔ flow cycles).
    public var placeholder: Bool
    /// Indices (into the plan's changes) that must succeed before this change starts.
    public var dependsOn: Set<Int>
    /// For a placeholder: indices that must succeed before the content is filled in.
    public var fillDependsOn: Set<Int>

    public init(change: PlannedChange, address: ResourceAddress?, desired: DesiredResource?, live: LiveResource?,
                desiredFields: [String: FieldValue], placeholder: Bool = false,
                dependsOn: Set<Int> = [], fillDependsOn: Set<Int> = []) {
        self.change = change
        self.address = address
        self.desired = desired
        self.live = live
        self.desiredFields = desiredFields
        self.placeholder = placeholder
        self.dependsOn = dependsOn
        self.fillDependsOn = fillDependsOn
    }
}

/// A plan plus what apply needs to carry it out.
public struct PlanningResult: Sendable {
    public var plan: Plan
    /// Parallel to `plan.changes`.
    public var details: [ChangeDetail]
    /// Problems found while planning (a resource owned by another stack, a missing
    /// external, an unsupported change). A plan with errors must not be applied.
    public var diagnostics: [Diagnostic]
    /// Information for the reader of the plan (resources of this stack left in place
    /// because `--prune` was not given).
    public var notes: [String]
}
