import GoStd

/// go-yaml's map key order (`sorter.go`, `keyList.Less`), used by both
/// `Marshal`s when they write a Go map.
///
/// Numbers (and bools, as 0/1) come before strings and sort by value; two
/// strings are compared rune by rune, digit runs by numeric value, letters
/// by code point. v2 and v3 differ in one case: at the first difference
/// between a letter and a non-letter, v2 always puts the non-letter first,
/// while v3 puts the letter first when the equal run just before it ended in
/// a digit (v3: `a1b` < `a1_`; v2: `a1_` < `a1b`).
public enum NaturalOrder {
    /// A map key as go-yaml's sorter sees it.
    public enum Key: Sendable, Hashable {
        /// A Go bool key: sorts as the number 0 or 1; on an equal value it
        /// comes before numbers (it has the lowest `reflect.Kind`).
        case bool(Bool)
        /// A Go signed integer key.
        case int(Int64)
        /// A Go unsigned integer key.
        case uint(UInt64)
        /// A Go float key.
        case float(Double)
        /// A Go string key.
        case string(String)

        /// Go's `reflect.Kind` ordinal, the tie-breaker between kinds.
        var kindRank: Int {
            switch self {
            case .bool: return 1
            case .int: return 6  // reflect.Int64
            case .uint: return 11  // reflect.Uint64
            case .float: return 14  // reflect.Float64
            case .string: return 24
            }
        }

        var numeric: Double? {
            switch self {
            case .bool(let b): return b ? 1 : 0
            case .int(let n): return Double(n)
            case .uint(let n): return Double(n)
            case .float(let f): return f
            case .string: return nil
            }
        }
    }

    /// `keyList.Less` for two keys.
    public static func less(_ a: Key, _ b: Key, dialect: EmitDialect) -> Bool {
        if let af = a.numeric, let bf = b.numeric {
            if af != bf { return af < bf }
            if a.kindRank != b.kindRank { return a.kindRank < b.kindRank }
            switch (a, b) {
            case (.int(let x), .int(let y)): return x < y
            case (.uint(let x), .uint(let y)): return x < y
            case (.float(let x), .float(let y)): return x < y
            case (.bool(let x), .bool(let y)): return !x && y
            default: return false
            }
        }
        guard case .string(let sa) = a, case .string(let sb) = b else {
            return a.kindRank < b.kindRank
        }
        return less(sa, sb, dialect: dialect)
    }

    /// `keyList.Less` for two string keys.
    public static func less(_ a: String, _ b: String, dialect: EmitDialect) -> Bool {
        less(Array(a.unicodeScalars), Array(b.unicodeScalars), dialect: dialect)
    }

    /// `keyList.Less` for two string keys given as their runes.
    static func less(_ ar: [Unicode.Scalar], _ br: [Unicode.Scalar], dialect: EmitDialect) -> Bool {
        var digits = false
        var i = 0
        while i < ar.count && i < br.count {
            if ar[i] == br[i] {
                digits = isDigit(ar[i])
                i += 1
                continue
            }
            let al = isLetter(ar[i]), bl = isLetter(br[i])
            if al && bl { return ar[i].value < br[i].value }
            if al || bl {
                if dialect == .v3 && digits { return al }
                return bl
            }
            var an: Int64 = 0, bn: Int64 = 0
            if ar[i] == "0" || br[i] == "0" {
                var j = i - 1
                while j >= 0 && isDigit(ar[j]) {
                    if ar[j] != "0" {
                        an = 1
                        bn = 1
                        break
                    }
                    j -= 1
                }
            }
            var ai = i
            while ai < ar.count && isDigit(ar[ai]) {
                an = an &* 10 &+ (Int64(ar[ai].value) - 48)
                ai += 1
            }
            var bi = i
            while bi < br.count && isDigit(br[bi]) {
                bn = bn &* 10 &+ (Int64(br[bi].value) - 48)
                bi += 1
            }
            if an != bn { return an < bn }
            if ai != bi { return ai < bi }
            return ar[i].value < br[i].value
        }
        return ar.count < br.count
    }

    /// Sorts string keys the way go-yaml writes them: byte order first, then
    /// a stable sort by ``less(_:_:dialect:)`` (deterministic even for keys
    /// the comparison does not order consistently).
    @inlinable
    public static func sorted(_ keys: some Sequence<String>, dialect: EmitDialect) -> [String] {
        sorted(Array(keys), dialect: dialect)
    }

    /// The same order for an array of keys (not generic: the generic entry
    /// points only gather their keys into an array, in the caller's module).
    public static func sorted(_ keys: [String], dialect: EmitDialect) -> [String] {
        // For ASCII keys without digits the order is total (non-letters
        // before letters, each by byte value), so any sort gives the merge
        // sort's result.
        if keys.allSatisfy(isASCIIWithoutDigits) { return keys.sorted(by: asciiLess) }
        return stableSorted(keys.sorted(by: goLess), dialect: dialect)
    }

    /// ``sorted(_:dialect:)`` for Go string keys (runes as Go's `[]rune`
    /// conversion reads them).
    @inlinable
    public static func sorted(_ keys: some Sequence<GoString>, dialect: EmitDialect) -> [GoString] {
        sorted(Array(keys), dialect: dialect)
    }

    /// The same order for an array of Go string keys.
    public static func sorted(_ keys: [GoString], dialect: EmitDialect) -> [GoString] {
        if keys.allSatisfy({ $0.validText.map(isASCIIWithoutDigits) ?? false }) {
            return keys.sorted { asciiLess($0.validText!, $1.validText!) }
        }
        let byBytes = keys.sorted()
        return stableOrder(byBytes.map(\.runes), dialect: dialect).map { byBytes[$0] }
    }

    private static func isASCIIWithoutDigits(_ s: String) -> Bool {
        s.utf8.allSatisfy { $0 < 0x80 && ($0 < 0x30 || $0 > 0x39) }
    }

    /// ``less(_:_:dialect:)`` for ASCII keys without digits.
    private static func asciiLess(_ a: String, _ b: String) -> Bool {
        var ia = a.utf8.makeIterator(), ib = b.utf8.makeIterator()
        while true {
            guard let ca = ia.next() else { return ib.next() != nil }
            guard let cb = ib.next() else { return false }
            if ca == cb { continue }
            let la = isASCIILetter(ca), lb = isASCIILetter(cb)
            if la == lb { return ca < cb }
            return lb
        }
    }

    private static func isASCIILetter(_ c: UInt8) -> Bool {
        (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
    }

    /// Sorts with a stable merge sort, which gives a deterministic result
    /// even where v2's comparison is not transitive (Go's own result there
    /// depends on its random map iteration order).
    public static func stableSorted(_ keys: [String], dialect: EmitDialect) -> [String] {
        guard keys.count > 1 else { return keys }
        return stableOrder(keys.map { Array($0.unicodeScalars) }, dialect: dialect).map { keys[$0] }
    }

    /// The indexes of `runes` in the order of a stable merge sort by
    /// ``less(_:_:dialect:)``.
    private static func stableOrder(_ runes: [[Unicode.Scalar]], dialect: EmitDialect) -> [Int] {
        func sort(_ range: Range<Int>) -> [Int] {
            guard range.count > 1 else { return Array(range) }
            let mid = range.lowerBound + range.count / 2
            let left = sort(range.lowerBound..<mid), right = sort(mid..<range.upperBound)
            var out: [Int] = []
            out.reserveCapacity(range.count)
            var i = 0, j = 0
            while i < left.count && j < right.count {
                if less(runes[right[j]], runes[left[i]], dialect: dialect) {
                    out.append(right[j]); j += 1
                } else {
                    out.append(left[i]); i += 1
                }
            }
            out.append(contentsOf: left[i...])
            out.append(contentsOf: right[j...])
            return out
        }
        return sort(0..<runes.count)
    }

    /// Go's `unicode.IsLetter` (categories Lu, Ll, Lt, Lm, Lo).
    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII {
            let v = s.value
            return (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    /// Go's `unicode.IsDigit` (category Nd).
    static func isDigit(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return s.value >= 0x30 && s.value <= 0x39 }
        return s.properties.generalCategory == .decimalNumber
    }
}
