/// Go's regexp/syntax: parsing an RE2 pattern into its ``RegexNode`` tree.

/// Parses Go regexp syntax with the `syntax.Perl` flags `regexp.Compile` uses.
struct RegexParser {
    private struct Flags {
        var foldCase = false
        var oneLine = true
        var dotNL = false
        var nonGreedy = false
    }

    private enum Entry {
        case node(RegexNode)
        case leftParen(cap: Int, name: String, flags: Flags)
        case verticalBar
    }

    private let bytes: [UInt8]
    private let whole: String
    private var stack: [Entry] = []
    private var flags = Flags()
    private(set) var captureCount = 0
    private(set) var captureNames: [String] = [""]
    private var depth = 0

    /// Parses `pattern`; returns the tree, the number of capture groups and their names (index 0 is the whole match).
    static func parse(_ pattern: String) throws(GoRegexpError) -> (RegexNode, Int, [String]) {
        var p = RegexParser(bytes: Array(pattern.utf8), whole: pattern)
        let node = try p.run()
        return (node, p.captureCount, p.captureNames)
    }

    private init(bytes: [UInt8], whole: String) {
        self.bytes = bytes
        self.whole = whole
    }

    private func text(_ from: Int, _ to: Int) -> String {
        String(decoding: bytes[from..<min(to, bytes.count)], as: UTF8.self)
    }

    private func rune(at i: Int) -> (UInt32, Int) {
        let b0 = bytes[i]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        let n = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : 2
        var c = UInt32(b0) & (n == 4 ? 0x07 : n == 3 ? 0x0F : 0x1F)
        for k in 1..<n where i + k < bytes.count { c = c << 6 | UInt32(bytes[i + k] & 0x3F) }
        return (c, n)
    }

    /// regexp:
    ///
    ///     alternation
    ///     alternation:   concatenation ('|' concatenation)*
    ///     concatenation: repetition*
    ///     repetition:    atom (('*' | '+' | '?' | '{' n (',' m?)? '}') '?'?)?
    ///     atom:          literal | '.' | '^' | '$' | class | '\' …
    ///                    | '(' alternation ')' | '(?' … (parsePerlFlags)
    ///
    /// Go's operator-precedence loop: atoms are pushed on a stack that `|` and `)`
    /// reduce. `^`/`$` match at the text's ends unless `(?m)`; `.` skips `\n`
    /// unless `(?s)`. A `{` that is not a repeat is a literal. An unclosed `(` is
    /// `missing closing )`.
    private mutating func run() throws(GoRegexpError) -> RegexNode {
        var i = 0
        var lastRepeat: Int? = nil
        while i < bytes.count {
            var repeatStart: Int? = nil
            let c = bytes[i]
            switch c {
            case UInt8(ascii: "("):
                if i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "?") {
                    i = try parsePerlFlags(i)
                } else {
                    captureCount += 1
                    captureNames.append("")
                    try pushParen(cap: captureCount, name: "")
                    i += 1
                }
            case UInt8(ascii: "|"):
                concat()
                stack.append(.verticalBar)
                i += 1
            case UInt8(ascii: ")"):
                try rightParen()
                i += 1
            case UInt8(ascii: "^"):
                push(.assertion(flags.oneLine ? .beginText : .beginLine)); i += 1
            case UInt8(ascii: "$"):
                push(.assertion(flags.oneLine ? .endText : .endLine)); i += 1
            case UInt8(ascii: "."):
                push(flags.dotNL ? .anyChar : .anyCharNotNL); i += 1
            case UInt8(ascii: "["):
                i = try parseClass(i)
            case UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"):
                let after = try applyRepeat(kind: c, min: 0, max: 0, before: i, after: i + 1, lastRepeat: lastRepeat)
                repeatStart = i
                i = after
            case UInt8(ascii: "{"):
                if let (min, max, after) = parseRepeat(i) {
                    if min < 0 || min > 1000 || max > 1000 || (max >= 0 && min > max) {
                        throw GoRegexpError(code: GoRegexpError.invalidRepeatSize, expr: text(i, after))
                    }
                    let end = try applyRepeat(kind: c, min: min, max: max, before: i, after: after, lastRepeat: lastRepeat)
                    repeatStart = i
                    i = end
                } else {
                    push(.literal(UInt32(c), fold: flags.foldCase)); i += 1
                }
            case UInt8(ascii: "\\"):
                i = try parseBackslash(i)
            default:
                let (r, n) = rune(at: i)
                pushLiteral(r)
                i += n
            }
            lastRepeat = repeatStart
        }
        concat()
        let alt = alternate()
        guard stack.isEmpty else { throw GoRegexpError(code: GoRegexpError.missingParen, expr: whole) }
        return alt
    }

    private mutating func pushParen(cap: Int, name: String) throws(GoRegexpError) {
        depth += 1
        if depth > 1000 { throw GoRegexpError(code: GoRegexpError.nestingDepth, expr: whole) }
        stack.append(.leftParen(cap: cap, name: name, flags: flags))
    }

    private mutating func push(_ node: RegexNode) { stack.append(.node(node)) }

    private mutating func pushLiteral(_ r: UInt32) { push(.literal(r, fold: flags.foldCase && CaseFolding.orbit(r).count > 1)) }

    /// concatenation: `repetition*` — replaces the nodes above the topmost `(` or
    /// `|` marker with their concatenation (none: `.empty`; one: itself).
    private mutating func concat() {
        var parts: [RegexNode] = []
        while case .node(let n)? = stack.last {
            parts.append(n)
            stack.removeLast()
        }
        parts.reverse()
        push(parts.isEmpty ? .empty : parts.count == 1 ? parts[0] : .concat(parts))
    }

    /// alternation: `concatenation ('|' concatenation)*` — pops the alternatives
    /// and bars above the topmost `(` and returns their alternation (one: itself).
    private mutating func alternate() -> RegexNode {
        var alts: [RegexNode] = []
        while let top = stack.last {
            if case .node(let n) = top {
                alts.append(n); stack.removeLast()
            } else if case .verticalBar = top {
                stack.removeLast()
            } else {
                break
            }
        }
        alts.reverse()
        return alts.count == 1 ? alts[0] : .alternate(alts)
    }

    /// group: `'(' alternation ')'` — a numbered or named capture, or the bare
    /// body for `(?:…)`; restores the flags saved at the `(`. With no `(` open it
    /// is `unexpected )`.
    private mutating func rightParen() throws(GoRegexpError) {
        concat()
        let body = alternate()
        guard case .leftParen(let cap, let name, let saved)? = stack.last else {
            throw GoRegexpError(code: GoRegexpError.unexpectedParen, expr: whole)
        }
        stack.removeLast()
        depth -= 1
        flags = saved
        push(cap == 0 ? body : .capture(cap, name: name, body))
    }

    /// repetition: `atom ('*' | '+' | '?' | '{…}') '?'?` — a `?` after the operator
    /// flips greediness (whose default the `U` flag sets). No atom before it (at
    /// the start, after `(` or `|`) is `missing argument to repetition operator`;
    /// a repeat right after a repeat is `invalid nested repetition operator`;
    /// nested `{n,m}` counts over 1000 are `invalid repeat count`.
    private mutating func applyRepeat(kind: UInt8, min: Int, max: Int, before: Int, after: Int, lastRepeat: Int?) throws(GoRegexpError) -> Int {
        var after = after
        var greedy = !flags.nonGreedy
        if after < bytes.count && bytes[after] == UInt8(ascii: "?") {
            after += 1
            greedy.toggle()
        }
        if let last = lastRepeat {
            throw GoRegexpError(code: GoRegexpError.invalidRepeatOp, expr: text(last, after))
        }
        guard case .node(let sub)? = stack.last else {
            throw GoRegexpError(code: GoRegexpError.missingRepeatArgument, expr: text(before, after))
        }
        let node: RegexNode
        switch kind {
        case UInt8(ascii: "*"): node = .star(sub, greedy: greedy)
        case UInt8(ascii: "+"): node = .plus(sub, greedy: greedy)
        case UInt8(ascii: "?"): node = .quest(sub, greedy: greedy)
        default: node = .repeat(sub, min: min, max: max, greedy: greedy)
        }
        stack[stack.count - 1] = .node(node)
        if kind == UInt8(ascii: "{") && (min >= 2 || max >= 2) && !Self.repeatIsValid(node, 1000) {
            throw GoRegexpError(code: GoRegexpError.invalidRepeatSize, expr: text(before, after))
        }
        return after
    }

    private static func repeatIsValid(_ node: RegexNode, _ n: Int) -> Bool {
        var n = n
        switch node {
        case .repeat(let sub, let min, let max, _):
            var m = max
            if m == 0 { return true }
            if m < 0 { m = min }
            if m > n { return false }
            if m > 0 { n /= m }
            return repeatIsValid(sub, n)
        case .capture(_, _, let s), .star(let s, _), .plus(let s, _), .quest(let s, _):
            return repeatIsValid(s, n)
        case .concat(let subs), .alternate(let subs):
            return subs.allSatisfy { repeatIsValid($0, n) }
        default:
            return true
        }
    }

    /// repeat: `'{' int (',' int?)? '}'` → `{n}` (n, n), `{n,}` (n, -1), `{n,m}`
    /// (n, m) and the index after it; nil when the text is not of that form
    /// (then `{` is a literal). A count too large to read gives min -1.
    private func parseRepeat(_ start: Int) -> (Int, Int, Int)? {
        var i = start + 1
        guard let (min, afterMin) = parseInt(i) else { return nil }
        i = afterMin
        guard i < bytes.count else { return nil }
        var max = min
        var lo = min
        if bytes[i] == UInt8(ascii: ",") {
            i += 1
            guard i < bytes.count else { return nil }
            if bytes[i] == UInt8(ascii: "}") {
                max = -1
            } else {
                guard let (m, afterMax) = parseInt(i) else { return nil }
                max = m
                i = afterMax
                if max < 0 { lo = -1 }
            }
        }
        guard i < bytes.count, bytes[i] == UInt8(ascii: "}") else { return nil }
        return (lo, max, i + 1)
    }

    /// int: `'0' | [1-9] [0-9]*` — no leading zeros; values from 10⁸ up read as -1.
    private func parseInt(_ start: Int) -> (Int, Int)? {
        var i = start
        guard i < bytes.count, isDigit(bytes[i]) else { return nil }
        if i + 1 < bytes.count && bytes[i] == UInt8(ascii: "0") && isDigit(bytes[i + 1]) { return nil }
        var n = 0
        while i < bytes.count && isDigit(bytes[i]) {
            if n >= 100_000_000 { n = -1 } else if n >= 0 { n = n * 10 + Int(bytes[i] - 48) }
            i += 1
        }
        return (n, i)
    }

    private func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

    /// perlGroup (at `(?`):
    ///
    ///     '(?P<' name '>' | '(?<' name '>'       named capture, name: [A-Za-z0-9_]+
    ///     '(?' flags ('-' flags)? ':'            group with flags
    ///     '(?' flags ('-' flags)? ')'            flags to the end of the current group
    ///     flags: [imsU]*                         (at least one after '-')
    ///
    /// Anything else is `invalid or unsupported Perl syntax` (`invalid named
    /// capture` for a bad name). Returns the index after it.
    private mutating func parsePerlFlags(_ start: Int) throws(GoRegexpError) -> Int {
        let n = bytes.count - start
        let startsWithP = n > 4 && bytes[start + 2] == UInt8(ascii: "P") && bytes[start + 3] == UInt8(ascii: "<")
        let startsWithName = n > 3 && bytes[start + 2] == UInt8(ascii: "<")
        if startsWithP || startsWithName {
            let nameStart = start + (startsWithP ? 4 : 3)
            guard let end = bytes[start...].firstIndex(of: UInt8(ascii: ">")) else {
                throw GoRegexpError(code: GoRegexpError.invalidNamedCapture, expr: text(start, bytes.count))
            }
            let name = text(nameStart, end)
            let valid = !name.isEmpty && name.unicodeScalars.allSatisfy {
                $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)))
            }
            guard valid else {
                throw GoRegexpError(code: GoRegexpError.invalidNamedCapture, expr: text(start, end + 1))
            }
            captureCount += 1
            captureNames.append(name)
            try pushParen(cap: captureCount, name: name)
            return end + 1
        }
        var i = start + 2
        var new = flags
        var negative = false
        var sawFlag = false
        while i < bytes.count {
            let (c, w) = rune(at: i)
            i += w
            switch c {
            case 0x69: new.foldCase = !negative; sawFlag = true  // i
            case 0x6D: new.oneLine = negative; sawFlag = true    // m
            case 0x73: new.dotNL = !negative; sawFlag = true     // s
            case 0x55: new.nonGreedy = !negative; sawFlag = true // U
            case 0x2D: // -
                if negative { return try perlOpError(start, i) }
                negative = true
                sawFlag = false
            case 0x3A, 0x29: // : )
                if negative && !sawFlag { return try perlOpError(start, i) }
                if c == 0x3A { try pushParen(cap: 0, name: "") }
                flags = new
                return i
            default:
                return try perlOpError(start, i)
            }
        }
        return try perlOpError(start, i)
    }

    private func perlOpError(_ start: Int, _ end: Int) throws(GoRegexpError) -> Int {
        throw GoRegexpError(code: GoRegexpError.invalidPerlOp, expr: text(start, end))
    }

    /// backslash (outside a class):
    ///
    ///     '\A' | '\z' | '\b' | '\B'      assertions
    ///     '\Q' (any - '\E')* '\E'?       literal text
    ///     '\C'                           `invalid escape sequence` (any byte)
    ///     '\p…' | '\P…'                  Unicode class (parseUnicodeClass)
    ///     '\d' '\D' '\s' '\S' '\w' '\W'  Perl class (parsePerlClass)
    ///     escape                         one character (parseEscape)
    private mutating func parseBackslash(_ i: Int) throws(GoRegexpError) -> Int {
        if i + 1 < bytes.count {
            switch bytes[i + 1] {
            case UInt8(ascii: "A"): push(.assertion(.beginText)); return i + 2
            case UInt8(ascii: "b"): push(.assertion(.wordBoundary)); return i + 2
            case UInt8(ascii: "B"): push(.assertion(.noWordBoundary)); return i + 2
            case UInt8(ascii: "C"): throw GoRegexpError(code: GoRegexpError.invalidEscape, expr: text(i, i + 2))
            case UInt8(ascii: "z"): push(.assertion(.endText)); return i + 2
            case UInt8(ascii: "Q"):
                var j = i + 2
                var end = bytes.count
                while j < bytes.count {
                    if bytes[j] == UInt8(ascii: "\\") && j + 1 < bytes.count && bytes[j + 1] == UInt8(ascii: "E") { end = j; break }
                    j += 1
                }
                var k = i + 2
                while k < end {
                    let (r, w) = rune(at: k)
                    pushLiteral(r)
                    k += w
                }
                return end == bytes.count ? end : end + 2
            default: break
            }
        }
        var items: [RegexClass.Item] = []
        if let next = try parseUnicodeClass(i, into: &items) ?? parsePerlClass(i, into: &items) {
            push(.charClass(RegexClass(items: items)))
            return next
        }
        let (r, next) = try parseEscape(i)
        pushLiteral(r)
        return next
    }

    /// escape:
    ///
    ///     '\' ('0' [0-7]{0,2} | [1-7] [0-7]{1,2})     octal (a lone \1-\7 is invalid)
    ///     '\x' hex hex | '\x{' hex+ '}'               up to U+10FFFF
    ///     '\' [afnrtv]
    ///     '\' punct                                   an ASCII non-alphanumeric as itself
    ///
    /// Anything else is `invalid escape sequence`; a `\` at the end is `trailing
    /// backslash at end of expression`. Returns the code point and the index
    /// after it.
    private func parseEscape(_ i: Int) throws(GoRegexpError) -> (UInt32, Int) {
        var t = i + 1
        guard t < bytes.count else { throw GoRegexpError(code: GoRegexpError.trailingBackslash, expr: "") }
        let (c, w) = rune(at: t)
        t += w
        let bad = { (end: Int) in GoRegexpError(code: GoRegexpError.invalidEscape, expr: self.text(i, end)) }
        switch c {
        case 0x31...0x37, 0x30: // octal
            if c != 0x30 && (t >= bytes.count || bytes[t] < 0x30 || bytes[t] > 0x37) { throw bad(t) }
            var r = c - 0x30
            for _ in 1..<3 {
                guard t < bytes.count, bytes[t] >= 0x30, bytes[t] <= 0x37 else { break }
                r = r * 8 + UInt32(bytes[t] - 0x30)
                t += 1
            }
            return (r, t)
        case 0x78: // x
            guard t < bytes.count else { throw bad(t) }
            let (c1, w1) = rune(at: t)
            t += w1
            if c1 == UInt32(UInt8(ascii: "{")) {
                var r: UInt32 = 0
                var nhex = 0
                while true {
                    guard t < bytes.count else { throw bad(t) }
                    let (d, wd) = rune(at: t)
                    t += wd
                    if d == UInt32(UInt8(ascii: "}")) { break }
                    guard let v = hexValue(d) else { throw bad(t) }
                    r = r * 16 + v
                    if r > RangeSet.maxRune { throw bad(t) }
                    nhex += 1
                }
                if nhex == 0 { throw bad(t) }
                return (r, t)
            }
            guard t < bytes.count else { throw bad(t) }
            let (c2, w2) = rune(at: t)
            t += w2
            guard let x = hexValue(c1), let y = hexValue(c2) else { throw bad(t) }
            return (x * 16 + y, t)
        case 0x61: return (7, t)
        case 0x66: return (12, t)
        case 0x6E: return (10, t)
        case 0x72: return (13, t)
        case 0x74: return (9, t)
        case 0x76: return (11, t)
        default:
            if c < 0x80 && !isAlnum(c) { return (c, t) }
            throw bad(t)
        }
    }

    private func isAlnum(_ c: UInt32) -> Bool {
        (0x30...0x39).contains(c) || (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c)
    }

    private func hexValue(_ c: UInt32) -> UInt32? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x61...0x66: return c - 0x61 + 10
        case 0x41...0x46: return c - 0x41 + 10
        default: return nil
        }
    }

    static let perlGroups: [UInt8: (Bool, [ClosedRange<UInt32>])] = [
        UInt8(ascii: "d"): (false, [0x30...0x39]), UInt8(ascii: "D"): (true, [0x30...0x39]),
        UInt8(ascii: "s"): (false, [0x9...0xA, 0xC...0xD, 0x20...0x20]), UInt8(ascii: "S"): (true, [0x9...0xA, 0xC...0xD, 0x20...0x20]),
        UInt8(ascii: "w"): (false, [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A]),
        UInt8(ascii: "W"): (true, [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A]),
    ]

    static let posixGroups: [String: [ClosedRange<UInt32>]] = [
        "alnum": [0x30...0x39, 0x41...0x5A, 0x61...0x7A], "alpha": [0x41...0x5A, 0x61...0x7A],
        "ascii": [0x0...0x7F], "blank": [0x9...0x9, 0x20...0x20], "cntrl": [0x0...0x1F, 0x7F...0x7F],
        "digit": [0x30...0x39], "graph": [0x21...0x7E], "lower": [0x61...0x7A], "print": [0x20...0x7E],
        "punct": [0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E], "space": [0x9...0xD, 0x20...0x20],
        "upper": [0x41...0x5A], "word": [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A],
        "xdigit": [0x30...0x39, 0x41...0x46, 0x61...0x66],
    ]

    private func group(_ ranges: [ClosedRange<UInt32>], negated: Bool) -> RegexClass.Item {
        let base = flags.foldCase ? RangeSet.fold(ranges) : ranges
        return .ranges(negated ? RangeSet.negate(base) : base)
    }

    /// perlClass: `'\' [dDsSwW]` — the ASCII class (case-folded under `i`); nil
    /// if not next.
    private func parsePerlClass(_ i: Int, into items: inout [RegexClass.Item]) -> Int? {
        guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), let (neg, r) = Self.perlGroups[bytes[i + 1]] else { return nil }
        items.append(group(r, negated: neg))
        return i + 2
    }

    /// unicodeClass: `'\' [pP] (any | '{' '^'? name '}')` — a one-character or
    /// braced name; `\P` and `^` negate; an unknown name or a missing `}` is
    /// `invalid character class range`. nil if not next.
    private func parseUnicodeClass(_ i: Int, into items: inout [RegexClass.Item]) throws(GoRegexpError) -> Int? {
        guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"),
              bytes[i + 1] == UInt8(ascii: "p") || bytes[i + 1] == UInt8(ascii: "P") else { return nil }
        var negated = bytes[i + 1] == UInt8(ascii: "P")
        var t = i + 2
        guard t < bytes.count else {
            throw GoRegexpError(code: GoRegexpError.invalidCharRange, expr: text(i, t))
        }
        let (c, w) = rune(at: t)
        t += w
        var name: String
        let seqEnd: Int
        if c != UInt32(UInt8(ascii: "{")) {
            seqEnd = t
            name = text(i + 2, t)
        } else {
            guard let end = bytes[i...].firstIndex(of: UInt8(ascii: "}")) else {
                throw GoRegexpError(code: GoRegexpError.invalidCharRange, expr: text(i, bytes.count))
            }
            seqEnd = end + 1
            name = text(i + 3, end)
        }
        if name.hasPrefix("^") {
            negated.toggle()
            name.removeFirst()
        }
        guard let table = UnicodeTable(name: name) else {
            throw GoRegexpError(code: GoRegexpError.invalidCharRange, expr: text(i, seqEnd))
        }
        items.append(.table(table, negated: negated, fold: flags.foldCase))
        return seqEnd
    }

    /// class:
    ///
    ///     '[' '^'? item+ ']'
    ///     item: '[:' '^'? name ':]' | unicodeClass | perlClass | char ('-' char)?
    ///     char: '\' escape | any
    ///
    /// A `]` or `-` first is literal, and so is a `-` that does not make a range;
    /// ranges must run upward (`invalid character class range`); EOF inside is
    /// `missing closing ]`. `[^…]` also matches `\n` (Perl's ClassNL).
    private mutating func parseClass(_ start: Int) throws(GoRegexpError) -> Int {
        var t = start + 1
        var negated = false
        if t < bytes.count && bytes[t] == UInt8(ascii: "^") {
            negated = true
            t += 1
        }
        var items: [RegexClass.Item] = []
        var ranges: [ClosedRange<UInt32>] = []
        var first = true
        while t >= bytes.count || bytes[t] != UInt8(ascii: "]") || first {
            first = false
            if t + 2 < bytes.count && bytes[t] == UInt8(ascii: "[") && bytes[t + 1] == UInt8(ascii: ":") {
                if let close = findColonBracket(from: t + 2) {
                    let name = text(t, close + 2)
                    var inner = text(t + 2, close)
                    var neg = false
                    if inner.hasPrefix("^") { neg = true; inner.removeFirst() }
                    guard let r = Self.posixGroups[inner] else {
                        throw GoRegexpError(code: GoRegexpError.invalidCharRange, expr: name)
                    }
                    items.append(group(r, negated: neg))
                    t = close + 2
                    continue
                }
            }
            if let next = try parseUnicodeClass(t, into: &items) { t = next; continue }
            if let next = parsePerlClass(t, into: &items) { t = next; continue }
            let rangeStart = t
            let (lo, afterLo) = try parseClassChar(t, classStart: start)
            t = afterLo
            var hi = lo
            if t + 1 < bytes.count && bytes[t] == UInt8(ascii: "-") && bytes[t + 1] != UInt8(ascii: "]") {
                let (h, afterHi) = try parseClassChar(t + 1, classStart: start)
                t = afterHi
                if h < lo { throw GoRegexpError(code: GoRegexpError.invalidCharRange, expr: text(rangeStart, t)) }
                hi = h
            }
            ranges.append(lo...hi)
        }
        if !ranges.isEmpty {
            items.append(.ranges(flags.foldCase ? RangeSet.fold(ranges) : RangeSet.clean(ranges)))
        }
        push(.charClass(RegexClass(items: items, negated: negated)))
        return t + 1
    }

    private func findColonBracket(from: Int) -> Int? {
        var j = from
        while j + 1 < bytes.count {
            if bytes[j] == UInt8(ascii: ":") && bytes[j + 1] == UInt8(ascii: "]") { return j }
            j += 1
        }
        return nil
    }

    /// char (in a class): `'\' escape | any`; EOF is `missing closing ]`.
    private func parseClassChar(_ t: Int, classStart: Int) throws(GoRegexpError) -> (UInt32, Int) {
        guard t < bytes.count else {
            throw GoRegexpError(code: GoRegexpError.missingBracket, expr: text(classStart, bytes.count))
        }
        if bytes[t] == UInt8(ascii: "\\") { return try parseEscape(t) }
        let (r, w) = rune(at: t)
        return (r, t + w)
    }
}
