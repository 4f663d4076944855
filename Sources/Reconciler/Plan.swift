/// What a plan does to one resource.
public enum ChangeAction: String, Sendable, CaseIterable, Comparable {
    case create, update, delete, replace, rename, adopt

    /// Terraform-like marker used by the text view.
    public var symbol: String {
        switch self {
        case .create: "+"
        case .update: "~"
        case .delete: "-"
        case .replace: "-/+"
        case .rename: "~"
        case .adopt: "~"
        }
    }

    public static func < (a: ChangeAction, b: ChangeAction) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }
}

/// One resource's change, with the Connect calls that will make it.
public struct PlannedChange: Equatable, Sendable {
    public var kind: String
    public var name: String
    public var action: ChangeAction
    public var fields: [FieldChange]
    /// Connect operations apply will call for this change, in order (`UpdateQueueMaxContacts`).
    public var calls: [String]
    /// The live id when the resource exists.
    public var id: String?
    /// For a rename: the name the resource has now.
    public var previousName: String?
    /// Warnings shown loudly next to the change (a username change that replaces a user).
    public var warnings: [String]

    public init(kind: String, name: String, action: ChangeAction, fields: [FieldChange] = [],
                calls: [String] = [], id: String? = nil, previousName: String? = nil, warnings: [String] = []) {
        self.kind = kind
        self.name = name
        self.action = action
        self.fields = fields
        self.calls = calls
        self.id = id
        self.previousName = previousName
        self.warnings = warnings
    }

    /// `queue.Support`
    public var address: String { kind + "." + name }
}

/// Counts by action, as printed on the plan's last line.
public struct PlanSummary: Equatable, Sendable {
    public var create = 0, update = 0, delete = 0, replace = 0, rename = 0, adopt = 0

    public init(_ changes: [PlannedChange] = []) {
        for change in changes {
            switch change.action {
            case .create: create += 1
            case .update: update += 1
            case .delete: delete += 1
            case .replace: replace += 1
            case .rename: rename += 1
            case .adopt: adopt += 1
            }
        }
    }

    public var total: Int { create + update + delete + replace + rename + adopt }
}

/// A computed plan: a value, rendered separately (text, JSON, Markdown).
public struct Plan: Equatable, Sendable {
    public struct Instance: Equatable, Sendable {
        public var id: String
        public var region: String
        public init(id: String, region: String) { self.id = id; self.region = region }
    }

    public static let formatVersion = 1

    public var stack: String
    public var instance: Instance
    /// `sha256:…` over the live state the plan was computed from.
    public var stateFingerprint: String
    /// In the order apply will run them.
    public var changes: [PlannedChange]
    /// Connect API calls made to read the live state.
    public var readCalls: Int
    /// This stack's resources the manifests no longer declare, kept because `--prune` was not
    /// given (or refused, with the reason in the notes); addresses, sorted.
    public var kept: [String] = []

    public init(stack: String, instance: Instance, stateFingerprint: String,
                changes: [PlannedChange], readCalls: Int) {
        self.stack = stack
        self.instance = instance
        self.stateFingerprint = stateFingerprint
        self.changes = changes
        self.readCalls = readCalls
    }

    public var summary: PlanSummary { PlanSummary(changes) }
    public var hasChanges: Bool { !changes.isEmpty }
}
