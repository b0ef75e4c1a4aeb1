/// The valid name a mistyped one most likely meant, for "did you mean"
/// notes: the closest by edit distance (case and `-`/`_` ignored), when it
/// is close enough to be a typo (at most a third of the name's length, rounded up, and
/// at least 1, edits away).
public enum NearestName {
    /// The closest of `candidates` to `name`, or nil when none is close.
    public static func suggestion(for name: String, among candidates: [String]) -> String? {
        let target = normalized(name)
        var best: (name: String, distance: Int)?
        for candidate in candidates.sorted() {
            let d = distance(target, normalized(candidate))
            if d < (best?.distance ?? Int.max) { best = (candidate, d) }
        }
        guard let best, best.distance <= max(1, (target.count + 2) / 3) else { return nil }
        return best.name
    }

    private static func normalized(_ s: String) -> [Character] {
        Array(s.lowercased().filter { $0 != "-" && $0 != "_" })
    }

    /// Levenshtein distance, with a swap of two neighbours as one edit.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
