/// Limits that protect the loader from hostile input. Documented in docs/manifest.md.
public enum ManifestLimits {
    /// Manifest files larger than this are refused unread (10 MiB).
    public static let maxFileBytes = 10 * 1024 * 1024
    /// Flow content files larger than this are refused (Connect's `Content` limit is 256,000 characters;
    /// `${…}` references shrink or grow on resolution, so allow some slack).
    public static let maxFlowContentBytes = 1024 * 1024
    /// Deepest `[`/`{` nesting accepted in a YAML file.
    public static let maxFlowNesting = 100
    /// Widest indentation accepted (columns); deeper block nesting is refused.
    public static let maxIndentation = 400
    /// Alias expansion budget: a document may expand (through aliases) to at most this many nodes
    /// beyond ten times the nodes actually written.
    public static let aliasExpansionSlack = 100_000
    /// Duplicate keys reported per file before giving up on that file.
    public static let maxDuplicateKeysPerFile = 50
}
