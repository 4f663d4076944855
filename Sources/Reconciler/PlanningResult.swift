import Model

/// A plan plus what apply needs to carry it out.
public struct PlanningResult: Sendable {
    public var plan: Plan
    /// Parallel to `plan.changes`: each change with its calls and dependencies.
    public var details: [PlannedStep]
    /// Write-only values the calls name (`CallValue.secret`), by resource and field. Never
    /// rendered and never saved with a plan.
    var secrets: [ResourceAddress: [String: SensitiveValue]]
    /// Problems found while planning (a resource owned by another stack, a missing
    /// external, an unsupported change). A plan with errors must not be applied.
    public var diagnostics: [Diagnostic]
    /// Information for the reader of the plan (resources of this stack left in place
    /// because `--prune` was not given).
    public var notes: [String]
}
