/// Character classes of parsed Go regexps.

/// A set of code points: a union of items, possibly negated as a whole.
struct RegexClass: Sendable {
    /// One member of the union.
    enum Item: Sendable {
        /// Sorted, merged inclusive ranges.
        case ranges([ClosedRange<UInt32>])
        /// A Unicode table (`\pL`, `\p{Greek}`), optionally negated and case-folded.
        case table(UnicodeTable, negated: Bool, fold: Bool)
    }

    let items: [Item]
    let negated: Bool
    /// Membership of the 128 ASCII code points, bit `c` of `(low, high)`.
    private let ascii: (low: UInt64, high: UInt64)

    init(items: [Item] = [], negated: Bool = false) {
        self.items = items
        self.negated = negated
        var low: UInt64 = 0, high: UInt64 = 0
        for c in UInt32(0)..<128 where Self.computeContains(items, negated, c) {
            if c < 64 { low |= 1 << UInt64(c) } else { high |= 1 << UInt64(c - 64) }
        }
        ascii = (low, high)
    }

    @inline(__always)
    func contains(_ c: UInt32) -> Bool {
        if c < 64 { return ascii.low & (1 << UInt64(c)) != 0 }
        if c < 128 { return ascii.high & (1 << UInt64(c - 64)) != 0 }
        return Self.computeContains(items, negated, c)
    }

    private static func computeContains(_ items: [Item], _ negated: Bool, _ c: UInt32) -> Bool {
        var hit = false
        for item in items {
            switch item {
            case .ranges(let r):
                hit = RangeSet.contains(r, c)
            case .table(let t, let neg, let fold):
                var inTable = t.contains(c)
                if !inTable && fold { inTable = CaseFolding.orbit(c).contains { t.contains($0) } }
                hit = inTable != neg
            }
            if hit { break }
        }
        return hit != negated
    }
}

/// Helpers on sorted lists of inclusive code point ranges.
enum RangeSet {
    static let maxRune: UInt32 = 0x10FFFF

    static func contains(_ ranges: [ClosedRange<UInt32>], _ c: UInt32) -> Bool {
        var lo = 0, hi = ranges.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if ranges[mid].upperBound < c { lo = mid + 1 } else { hi = mid }
        }
        return lo < ranges.count && ranges[lo].contains(c)
    }

    /// Sorts and merges overlapping or adjacent ranges.
    static func clean(_ ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        let sorted = ranges.sorted { $0.lowerBound < $1.lowerBound }
        var out: [ClosedRange<UInt32>] = []
        for r in sorted {
            if let last = out.last, r.lowerBound <= last.upperBound &+ 1 {
                out[out.count - 1] = last.lowerBound...max(last.upperBound, r.upperBound)
            } else {
                out.append(r)
            }
        }
        return out
    }

    static func negate(_ ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        var out: [ClosedRange<UInt32>] = []
        var next: UInt32 = 0
        for r in clean(ranges) {
            if r.lowerBound > next { out.append(next...(r.lowerBound - 1)) }
            next = r.upperBound + 1
        }
        if next <= maxRune { out.append(next...maxRune) }
        return out
    }

    /// Adds the case-fold equivalents of every code point (Go's `appendFoldedRange`).
    static func fold(_ ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        let minFold: UInt32 = 0x41, maxFold: UInt32 = 0x1E943
        var out = ranges
        for r in ranges {
            if r.lowerBound <= minFold && r.upperBound >= maxFold { continue }
            if r.upperBound < minFold || r.lowerBound > maxFold { continue }
            for c in max(r.lowerBound, minFold)...min(r.upperBound, maxFold) {
                for f in CaseFolding.orbit(c) where f != c { out.append(f...f) }
            }
        }
        return clean(out)
    }
}
