import Model

/// The outcome of loading manifests: the desired state when there are no errors, and every
/// diagnostic found (sorted by location).
public struct ManifestLoadResult: Sendable {
    /// `nil` when any diagnostic is an error.
    public var desired: DesiredState?
    public var diagnostics: [Diagnostic]
    /// The manifest files read, in the order they were read.
    public var files: [String]

    public init(desired: DesiredState?, diagnostics: [Diagnostic], files: [String]) {
        self.desired = desired
        self.diagnostics = diagnostics
        self.files = files
    }

    public var hasErrors: Bool { diagnostics.hasErrors }
}
