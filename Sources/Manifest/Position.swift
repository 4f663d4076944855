/// A line and column (1-based, Unicode scalars) inside a file being read.
struct Position: Hashable, Comparable {
    var line: Int
    var column: Int
    static func < (lhs: Position, rhs: Position) -> Bool { (lhs.line, lhs.column) < (rhs.line, rhs.column) }
}
