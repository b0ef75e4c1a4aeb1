/// pmezard/go-difflib's `GetUnifiedDiffString` as helm-unittest calls it:
/// `--- Expected` / `+++ Actual`, one line of context, lines split with
/// `SplitLines` (every line keeps its `\n`, and one extra `\n` line is
/// appended). Returns "" when the texts are equal.
func unifiedDiff(expected: String, actual: String, context: Int = 1) -> String {
    let a = difflibSplitLines(expected)
    let b = difflibSplitLines(actual)
    let matcher = SequenceMatcher(a: a, b: b)
    var out = ""
    var started = false
    for group in matcher.groupedOpcodes(context: context) {
        if !started {
            started = true
            out += "--- Expected\n+++ Actual\n"
        }
        guard let first = group.first, let last = group.last else { continue }
        out += "@@ -\(unifiedRange(first.i1, last.i2)) +\(unifiedRange(first.j1, last.j2)) @@\n"
        for code in group {
            switch code.tag {
            case .equal:
                for line in a[code.i1..<code.i2] { out += " " + line }
            case .replace, .delete, .insert:
                if code.tag != .insert { for line in a[code.i1..<code.i2] { out += "-" + line } }
                if code.tag != .delete { for line in b[code.j1..<code.j2] { out += "+" + line } }
            }
        }
    }
    return out
}

/// difflib's `SplitLines`: `strings.SplitAfter(s, "\n")` with `"\n"`
/// appended to the last piece.
func difflibSplitLines(_ text: String) -> [String] {
    var lines: [String] = []
    var current = ""
    for ch in text.unicodeScalars {
        current.unicodeScalars.append(ch)
        if ch == "\n" {
            lines.append(current)
            current = ""
        }
    }
    lines.append(current + "\n")
    return lines
}

private func unifiedRange(_ start: Int, _ stop: Int) -> String {
    let beginning = start + 1
    let length = stop - start
    if length == 1 { return "\(beginning)" }
    if length == 0 { return "\(beginning - 1),0" }
    return "\(beginning),\(length)"
}

/// One edit of difflib's opcodes.
struct DiffOpcode: Equatable {
    enum Tag { case equal, replace, delete, insert }
    var tag: Tag
    var i1: Int, i2: Int, j1: Int, j2: Int
}

/// Python's `difflib.SequenceMatcher` (as ported to Go) over lines, with
/// the automatic junk heuristic and no junk function.
struct SequenceMatcher {
    let a: [String]
    let b: [String]
    private var b2j: [String: [Int]] = [:]

    init(a: [String], b: [String]) {
        self.a = a
        self.b = b
        for (j, line) in b.enumerated() { b2j[line, default: []].append(j) }
        if b.count >= 200 {
            let limit = b.count / 100 + 1
            for (line, indices) in b2j where indices.count > limit { b2j[line] = nil }
        }
    }

    private func longestMatch(_ alo: Int, _ ahi: Int, _ blo: Int, _ bhi: Int) -> (Int, Int, Int) {
        var besti = alo, bestj = blo, bestsize = 0
        var j2len: [Int: Int] = [:]
        for i in alo..<ahi {
            var next: [Int: Int] = [:]
            for j in b2j[a[i]] ?? [] {
                if j < blo { continue }
                if j >= bhi { break }
                let k = (j2len[j - 1] ?? 0) + 1
                next[j] = k
                if k > bestsize { besti = i - k + 1; bestj = j - k + 1; bestsize = k }
            }
            j2len = next
        }
        while besti > alo, bestj > blo, a[besti - 1] == b[bestj - 1] {
            besti -= 1; bestj -= 1; bestsize += 1
        }
        while besti + bestsize < ahi, bestj + bestsize < bhi, a[besti + bestsize] == b[bestj + bestsize] {
            bestsize += 1
        }
        return (besti, bestj, bestsize)
    }

    func matchingBlocks() -> [(Int, Int, Int)] {
        var queue = [(0, a.count, 0, b.count)]
        var blocks: [(Int, Int, Int)] = []
        while let (alo, ahi, blo, bhi) = queue.popLast() {
            let (i, j, k) = longestMatch(alo, ahi, blo, bhi)
            if k > 0 {
                blocks.append((i, j, k))
                if alo < i && blo < j { queue.append((alo, i, blo, j)) }
                if i + k < ahi && j + k < bhi { queue.append((i + k, ahi, j + k, bhi)) }
            }
        }
        blocks.sort { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }
        var collapsed: [(Int, Int, Int)] = []
        var (i1, j1, k1) = (0, 0, 0)
        for (i2, j2, k2) in blocks {
            if i1 + k1 == i2 && j1 + k1 == j2 {
                k1 += k2
            } else {
                if k1 > 0 { collapsed.append((i1, j1, k1)) }
                (i1, j1, k1) = (i2, j2, k2)
            }
        }
        if k1 > 0 { collapsed.append((i1, j1, k1)) }
        collapsed.append((a.count, b.count, 0))
        return collapsed
    }

    func opcodes() -> [DiffOpcode] {
        var i = 0, j = 0
        var codes: [DiffOpcode] = []
        for (ai, bj, size) in matchingBlocks() {
            if i < ai && j < bj {
                codes.append(DiffOpcode(tag: .replace, i1: i, i2: ai, j1: j, j2: bj))
            } else if i < ai {
                codes.append(DiffOpcode(tag: .delete, i1: i, i2: ai, j1: j, j2: bj))
            } else if j < bj {
                codes.append(DiffOpcode(tag: .insert, i1: i, i2: ai, j1: j, j2: bj))
            }
            i = ai + size
            j = bj + size
            if size > 0 { codes.append(DiffOpcode(tag: .equal, i1: ai, i2: i, j1: bj, j2: j)) }
        }
        return codes
    }

    func groupedOpcodes(context n: Int) -> [[DiffOpcode]] {
        var codes = opcodes()
        if codes.isEmpty { codes = [DiffOpcode(tag: .equal, i1: 0, i2: 1, j1: 0, j2: 1)] }
        if codes[0].tag == .equal {
            let c = codes[0]
            codes[0] = DiffOpcode(tag: .equal, i1: max(c.i1, c.i2 - n), i2: c.i2, j1: max(c.j1, c.j2 - n), j2: c.j2)
        }
        if let c = codes.last, c.tag == .equal {
            codes[codes.count - 1] = DiffOpcode(tag: .equal, i1: c.i1, i2: min(c.i2, c.i1 + n), j1: c.j1, j2: min(c.j2, c.j1 + n))
        }
        var groups: [[DiffOpcode]] = []
        var group: [DiffOpcode] = []
        for var c in codes {
            if c.tag == .equal && c.i2 - c.i1 > 2 * n {
                group.append(DiffOpcode(tag: .equal, i1: c.i1, i2: min(c.i2, c.i1 + n), j1: c.j1, j2: min(c.j2, c.j1 + n)))
                groups.append(group)
                group = []
                c.i1 = max(c.i1, c.i2 - n)
                c.j1 = max(c.j1, c.j2 - n)
            }
            group.append(c)
        }
        if !group.isEmpty && !(group.count == 1 && group[0].tag == .equal) { groups.append(group) }
        return groups
    }
}
