import Yams

/// Guards against "billion laughs": Yams shares aliased nodes, so a document that expands to
/// billions of nodes composes in milliseconds but any naive walk over it takes forever.
/// This computes the expanded size in time linear in the *written* nodes (memoising anchored
/// nodes by their position) and reports the limit when the expansion is out of proportion.
enum AliasBudget {
    /// `nil` when the document is fine, otherwise the limit that was exceeded.
    static func check(_ root: Node) -> Int? {
        var memo: [Position: Int] = [:]
        var written = 0
        var depth = 0
        var tooDeep = false

        func size(_ node: Node) -> Int {
            if node.anchor != nil, let mark = node.mark, let known = memo[Position(line: mark.line, column: mark.column)] {
                return known
            }
            written += 1
            depth += 1
            defer { depth -= 1 }
            if depth > 2_000 { tooDeep = true; return 1 }
            var total = 1
            switch node {
            case .scalar, .alias:
                break
            case .mapping(let mapping):
                for (key, value) in mapping {
                    total = total &+ size(key) &+ size(value)
                    if total > Int.max / 4 { total = Int.max / 4 }
                }
            case .sequence(let sequence):
                for element in sequence {
                    total = total &+ size(element)
                    if total > Int.max / 4 { total = Int.max / 4 }
                }
            }
            if node.anchor != nil, let mark = node.mark {
                memo[Position(line: mark.line, column: mark.column)] = total
            }
            return total
        }

        let expanded = size(root)
        let limit = 10 * written + ManifestLimits.aliasExpansionSlack
        if tooDeep || expanded > limit { return limit }
        return nil
    }
}
