/// "Did you mean" suggestions by Levenshtein distance.
enum EditDistance {
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.lowercased().unicodeScalars), b = Array(b.lowercased().unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The closest candidate within a distance that scales with the word's length, ties broken
    /// alphabetically; `nil` when nothing is close.
    static func suggestion(for word: String, among candidates: some Sequence<String>) -> String? {
        let candidates = Array(candidates)
        // Bound the work when many references fail against a large kind (e.g. thousands of users).
        guard candidates.count <= 5_000, word.count <= 256 else { return nil }
        let limit = max(2, word.count / 3)
        var best: (distance: Int, name: String)?
        for candidate in candidates where candidate != word {
            // Cheap length filter before the quadratic distance.
            if abs(candidate.count - word.count) > limit { continue }
            let d = distance(word, candidate)
            guard d <= limit else { continue }
            if best == nil || d < best!.distance || (d == best!.distance && candidate < best!.name) {
                best = (d, candidate)
            }
        }
        if let best { return best.name }
        // A unique candidate that starts with the word ("prod" → "production").
        guard word.count >= 3 else { return nil }
        let prefixed = candidates.filter { $0.lowercased().hasPrefix(word.lowercased()) && $0 != word }
        return prefixed.count == 1 ? prefixed[0] : nil
    }

    /// `"; did you mean 'X'?"` or the empty string.
    static func didYouMean(_ word: String, among candidates: some Sequence<String>) -> String {
        suggestion(for: word, among: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }
}
