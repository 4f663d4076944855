import Yams

/// One YAML file read into Yams nodes, with everything hostile refused up front.
struct ParsedYAMLFile {
    let source: SourceText
    /// The documents of the file (`---` separates several), in order.
    let documents: [Node]
    /// Positions (line, column) of duplicate keys that were renamed so that parsing could go on;
    /// pairs whose key starts here are skipped by the manifest reader.
    let skippedKeys: Set<Position>
}
