import Foundation

/// Go RE2 regular expressions for `pattern`, `patternProperties` and the
/// `regex` format (a copy of PathQuery's GoRegex; the Helm target does not
/// depend on PathQuery):
/// syntax checking with Go's error texts, and matching through
/// `NSRegularExpression` after rewriting the constructs whose meaning
/// differs between RE2 and ICU (`$`, `\d`, `\w`, `\s`, `\v`, octal
/// escapes, POSIX classes, `(?P<name>`).
struct SchemaRegex: @unchecked Sendable {
    let regex: NSRegularExpression?

    /// Compiles `pattern` (already checked by ``syntaxError(in:)``).
    init(_ pattern: String) {
        var scanner = SchemaRegexScanner(pattern)
        let translated = scanner.scan().translation
        regex = try? NSRegularExpression(pattern: translated.isEmpty ? "(?:)" : translated, options: [.useUnixLineSeparators])
    }

    /// Whether the pattern matches somewhere in `text`.
    func matches(_ text: String) -> Bool {
        guard let regex else { return false }
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        return regex.firstMatch(in: text, options: [], range: range) != nil
    }

    /// `regexp.Compile`'s error text for `pattern`, or nil if Go accepts it.
    static func syntaxError(in pattern: String) -> String? {
        var scanner = SchemaRegexScanner(pattern)
        return scanner.scan().error.map { "error parsing regexp: \($0.code): `\($0.expr)`" }
    }
}

/// One pass over an RE2 pattern: validates it as Go's `regexp/syntax`
/// parser does (for the common error classes) and builds the ICU rewrite.
struct SchemaRegexScanner {
    struct SyntaxError {
        var code: String
        var expr: String
    }

    let s: [Unicode.Scalar]
    let whole: String
    var i = 0
    var out = ""
    var depth = 0
    var hasOperand = false
    var lastRepeatStart: Int?
    /// The flags RE2 tracks that ICU must not see as they are (`U`) or
    /// that change the rewrite (`m` decides what `$` becomes).
    struct Flags {
        var multiline = false
        var ungreedy = false
    }
    var current = Flags()
    var flagStack: [Flags] = []

    init(_ pattern: String) {
        whole = pattern
        s = Array(pattern.unicodeScalars)
    }

    func text(_ from: Int, _ to: Int) -> String {
        var r = ""
        r.unicodeScalars.append(contentsOf: s[from..<min(to, s.count)])
        return r
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
    static func isHex(_ c: Unicode.Scalar) -> Bool { isDigit(c) || ("a"..."f").contains(c) || ("A"..."F").contains(c) }
    static func isAlnum(_ c: Unicode.Scalar) -> Bool { isDigit(c) || ("a"..."z").contains(c) || ("A"..."Z").contains(c) }

    static let posixClasses: [String: String] = [
        "alnum": "0-9A-Za-z", "alpha": "A-Za-z", "ascii": "\\x{0}-\\x{7F}", "blank": "\\t ",
        "cntrl": "\\x{0}-\\x{1F}\\x{7F}", "digit": "0-9", "graph": "!-~", "lower": "a-z",
        "print": " -~", "punct": "!-/:-@\\[-`{-~", "space": "\\t\\n\\x{0B}\\f\\r ", "upper": "A-Z",
        "word": "0-9A-Za-z_", "xdigit": "0-9A-Fa-f",
    ]
    static let perlClasses: [Unicode.Scalar: String] = ["d": "0-9", "s": "\\t\\n\\f\\r ", "w": "0-9A-Za-z_"]

    mutating func scan() -> (translation: String, error: SyntaxError?) {
        if let error = scanAll() { return (out, error) }
        return (out, nil)
    }

    mutating func scanAll() -> SyntaxError? {
        while i < s.count {
            let c = s[i]
            var repeatStart: Int?
            switch c {
            case "(":
                if let e = openGroup() { return e }
            case ")":
                if depth == 0 { return SyntaxError(code: "unexpected )", expr: whole) }
                depth -= 1
                current = flagStack.popLast() ?? Flags()
                out += ")"
                i += 1
                hasOperand = true
            case "|":
                out += "|"
                i += 1
                hasOperand = false
            case "*", "+", "?":
                repeatStart = i
                var end = i + 1
                if end < s.count, s[end] == "?" { end += 1 }
                if let e = applyRepeat(from: i, to: end) { return e }
            case "{":
                guard let end = parseRepeat(at: i) else {
                    out += "\\{"
                    i += 1
                    hasOperand = true
                    break
                }
                repeatStart = i
                if let e = applyRepeat(from: i, to: end.end, min: end.min, max: end.max) { return e }
            case "[":
                if let e = scanClass() { return e }
                hasOperand = true
            case "\\":
                if let e = scanEscape() { return e }
            case "$":
                out += current.multiline ? "$" : "\\z"
                i += 1
                hasOperand = true
            case ".", "^":
                out.unicodeScalars.append(c)
                i += 1
                hasOperand = true
            default:
                appendLiteral(c)
                i += 1
                hasOperand = true
            }
            lastRepeatStart = repeatStart
        }
        if depth > 0 { return SyntaxError(code: "missing closing )", expr: whole) }
        return nil
    }

    mutating func appendLiteral(_ c: Unicode.Scalar) {
        if c.value < 0x80 && !SchemaRegexScanner.isAlnum(c) && c != " " && c != "_" {
            out += "\\"
        }
        out.unicodeScalars.append(c)
    }

    /// `{n}`, `{n,}`, `{n,m}`; nil if the brace is a literal.
    func parseRepeat(at start: Int) -> (min: Int, max: Int, end: Int)? {
        var j = start + 1
        func number() -> Int?? {
            guard j < s.count, SchemaRegexScanner.isDigit(s[j]) else { return nil }
            if s[j] == "0", j + 1 < s.count, SchemaRegexScanner.isDigit(s[j + 1]) { return nil }
            var n = 0
            while j < s.count, SchemaRegexScanner.isDigit(s[j]) {
                if n >= 100_000_000 { n = -1 } else if n >= 0 { n = n * 10 + Int(s[j].value - 48) }
                j += 1
            }
            return .some(n)
        }
        guard let lo = number() else { return nil }
        var hi = lo
        if j < s.count, s[j] == "," {
            j += 1
            if j < s.count, s[j] == "}" { hi = -1 } else {
                guard let h = number() else { return nil }
                hi = h
            }
        }
        guard j < s.count, s[j] == "}" else { return nil }
        return (lo ?? 0, hi ?? 0, j + 1)
    }

    mutating func applyRepeat(from start: Int, to end: Int, min: Int? = nil, max: Int? = nil) -> SyntaxError? {
        var end = end
        if let min, let max {
            if min < 0 || min > 1000 || max > 1000 || (max >= 0 && min > max) {
                return SyntaxError(code: "invalid repeat count", expr: text(start, end))
            }
            if end < s.count, s[end] == "?" { end += 1 }
        }
        if let previous = lastRepeatStart {
            return SyntaxError(code: "invalid nested repetition operator", expr: text(previous, end))
        }
        if !hasOperand {
            return SyntaxError(code: "missing argument to repetition operator", expr: text(start, end))
        }
        var op = text(start, end)
        if current.ungreedy {
            op = op.hasSuffix("?") && op.count > 1 ? String(op.dropLast()) : op + "?"
        }
        out += op
        i = end
        return nil
    }

    mutating func openGroup() -> SyntaxError? {
        guard i + 1 < s.count, s[i + 1] == "?" else {
            out += "("
            i += 1
            depth += 1
            flagStack.append(current)
            hasOperand = false
            return nil
        }
        var j = i + 2
        if j < s.count, s[j] == "<" || (s[j] == "P" && j + 1 < s.count && s[j + 1] == "<") {
            j += s[j] == "P" ? 2 : 1
            let nameStart = j
            while j < s.count, s[j] != ">" { j += 1 }
            guard j < s.count else { return SyntaxError(code: "invalid named capture", expr: text(i, s.count)) }
            let name = s[nameStart..<j]
            if name.isEmpty || !name.allSatisfy({ SchemaRegexScanner.isAlnum($0) || $0 == "_" }) {
                return SyntaxError(code: "invalid named capture", expr: text(i, j + 1))
            }
            out += "(?<" + text(nameStart, j) + ">"
            i = j + 1
            depth += 1
            flagStack.append(current)
            hasOperand = false
            return nil
        }
        var sawFlag = false
        var negated = false
        var flags = current
        var kept = ""
        while j < s.count {
            let c = s[j]
            switch c {
            case "i", "m", "s", "U":
                sawFlag = true
                if c == "m" { flags.multiline = !negated }
                if c == "U" { flags.ungreedy = !negated } else { kept.unicodeScalars.append(c) }
            case "-":
                if negated { return SyntaxError(code: "invalid or unsupported Perl syntax", expr: text(i, j + 1)) }
                negated = true
                sawFlag = false
                kept += "-"
            case ":", ")":
                if negated && !sawFlag {
                    return SyntaxError(code: "invalid or unsupported Perl syntax", expr: text(i, j + 1))
                }
                if kept.hasSuffix("-") { kept.removeLast() }
                if c == ":" {
                    out += "(?" + kept + ":"
                    depth += 1
                    flagStack.append(current)
                    hasOperand = false
                } else if !kept.isEmpty {
                    out += "(?" + kept + ")"
                }
                current = flags
                i = j + 1
                return nil
            default:
                return SyntaxError(code: "invalid or unsupported Perl syntax", expr: text(i, j + 1))
            }
            j += 1
        }
        return SyntaxError(code: "invalid or unsupported Perl syntax", expr: text(i, s.count))
    }

    /// An escape outside a class: `\d`, `\pL`, `\Q…\E`, `\x41`, `\.`…
    mutating func scanEscape() -> SyntaxError? {
        guard i + 1 < s.count else { return SyntaxError(code: "trailing backslash at end of expression", expr: "") }
        let c = s[i + 1]
        hasOperand = true
        switch c {
        case "A", "z", "b", "B":
            out += c == "b" ? "(?:(?<=[0-9A-Za-z_])(?![0-9A-Za-z_])|(?<![0-9A-Za-z_])(?=[0-9A-Za-z_]))"
                : c == "B" ? "(?:(?<=[0-9A-Za-z_])(?=[0-9A-Za-z_])|(?<![0-9A-Za-z_])(?![0-9A-Za-z_]))"
                : "\\" + String(c)
            i += 2
            return nil
        case "d", "s", "w", "D", "S", "W":
            let lower = Unicode.Scalar(c.value | 0x20) ?? c
            let set = SchemaRegexScanner.perlClasses[lower] ?? ""
            out += c == lower ? "[\(set)]" : "[^\(set)]"
            i += 2
            return nil
        case "p", "P":
            let start = i
            guard let (set, end) = unicodeClass(at: i) else {
                return SyntaxError(code: "invalid character class range", expr: text(start, unicodeClassEnd(at: i)))
            }
            out += "[" + set + "]"
            i = end
            return nil
        case "Q":
            var j = i + 2
            while j < s.count, !(s[j] == "\\" && j + 1 < s.count && s[j + 1] == "E") {
                appendLiteral(s[j])
                j += 1
            }
            i = min(j + 2, s.count)
            return nil
        default:
            guard let (literal, end) = classChar(at: i) else { return escapeError(at: i) }
            out += literal
            i = end
            return nil
        }
    }

    /// `invalid escape sequence` for the escape starting at `i`.
    func escapeError(at i: Int) -> SyntaxError {
        var end = i + 2
        if i + 1 < s.count, s[i + 1] == "x" {
            if end < s.count, s[end] == "{" {
                while end < s.count, s[end] != "}" { end += 1 }
            } else {
                end = Swift.min(end + 2, s.count)
                if let bad = (i + 2..<end).first(where: { !SchemaRegexScanner.isHex(s[$0]) }) { end = bad + 1 }
            }
        }
        return SyntaxError(code: "invalid escape sequence", expr: text(i, end))
    }

    /// A single escaped or plain character as ICU text, with the index after it.
    func classChar(at start: Int) -> (String, Int)? {
        let c = s[start]
        guard c == "\\" else { return (String(c), start + 1) }
        guard start + 1 < s.count else { return nil }
        let e = s[start + 1]
        switch e {
        case "a": return ("\\x{07}", start + 2)
        case "f": return ("\\f", start + 2)
        case "n": return ("\\n", start + 2)
        case "r": return ("\\r", start + 2)
        case "t": return ("\\t", start + 2)
        case "v": return ("\\x{0B}", start + 2)
        case "0"..."7":
            var j = start + 2
            if e != "0" && !(j < s.count && ("0"..."7").contains(s[j])) { return nil }
            var value = Int(e.value - 48)
            while j < s.count, j < start + 4, ("0"..."7").contains(s[j]) {
                value = value * 8 + Int(s[j].value - 48)
                j += 1
            }
            return ("\\x{\(String(value, radix: 16))}", j)
        case "x":
            var j = start + 2
            if j < s.count, s[j] == "{" {
                j += 1
                let digitsStart = j
                while j < s.count, SchemaRegexScanner.isHex(s[j]) { j += 1 }
                guard j > digitsStart, j < s.count, s[j] == "}",
                      let v = UInt32(text(digitsStart, j), radix: 16), v <= 0x10FFFF else { return nil }
                return ("\\x{\(text(digitsStart, j))}", j + 1)
            }
            guard j + 1 < s.count, SchemaRegexScanner.isHex(s[j]), SchemaRegexScanner.isHex(s[j + 1]) else { return nil }
            return ("\\x{\(text(j, j + 2))}", j + 2)
        default:
            if e.value < 0x80 && !SchemaRegexScanner.isAlnum(e) { return ("\\" + String(e), start + 2) }
            return nil
        }
    }

    func unicodeClassEnd(at start: Int) -> Int {
        guard start + 2 < s.count, s[start + 2] == "{" else { return Swift.min(start + 3, s.count) }
        var j = start + 3
        while j < s.count, s[j] != "}" { j += 1 }
        return Swift.min(j + 1, s.count)
    }

    /// `\pL`, `\p{Greek}`, `\P{^Lu}` as an ICU set body, if the name is known.
    func unicodeClass(at start: Int) -> (String, Int)? {
        guard start + 2 < s.count else { return nil }
        var negated = s[start + 1] == "P"
        var name: String
        let end: Int
        if s[start + 2] == "{" {
            end = unicodeClassEnd(at: start)
            guard end <= s.count, s[end - 1] == "}" else { return nil }
            name = text(start + 3, end - 1)
        } else {
            name = String(s[start + 2])
            end = start + 3
        }
        if name.hasPrefix("^") {
            negated.toggle()
            name.removeFirst()
        }
        let body = name == "Any" ? "\\x{0}-\\x{10FFFF}" : "\\p{\(name)}"
        guard name == "Any" || (try? NSRegularExpression(pattern: "[\(body)]")) != nil else { return nil }
        return (negated ? "^" + body : body, end)
    }

    /// A character class `[…]`.
    mutating func scanClass() -> SyntaxError? {
        let classStart = i
        var j = i + 1
        var body = ""
        if j < s.count, s[j] == "^" {
            body = "^"
            j += 1
        }
        var first = true
        while j >= s.count || s[j] != "]" || first {
            guard j < s.count else { return SyntaxError(code: "missing closing ]", expr: text(classStart, s.count)) }
            first = false
            if j + 2 < s.count, s[j] == "[", s[j + 1] == ":" {
                if let close = (j + 2..<s.count - 1).first(where: { s[$0] == ":" && s[$0 + 1] == "]" }) {
                    var name = text(j + 2, close)
                    let negated = name.hasPrefix("^")
                    if negated { name.removeFirst() }
                    guard let set = SchemaRegexScanner.posixClasses[name] else {
                        return SyntaxError(code: "invalid character class range", expr: text(j, close + 2))
                    }
                    body += negated ? "[^\(set)]" : set
                    j = close + 2
                    continue
                }
            }
            if s[j] == "\\", j + 1 < s.count, s[j + 1] == "p" || s[j + 1] == "P" {
                guard let (set, end) = unicodeClass(at: j) else {
                    return SyntaxError(code: "invalid character class range", expr: text(j, unicodeClassEnd(at: j)))
                }
                body += "[" + set + "]"
                j = end
                continue
            }
            if s[j] == "\\", j + 1 < s.count, let set = SchemaRegexScanner.perlClasses[Unicode.Scalar(s[j + 1].value | 0x20) ?? "x"],
               "dswDSW".unicodeScalars.contains(s[j + 1]) {
                body += SchemaRegexScanner.isAlnum(s[j + 1]) && s[j + 1].value >= 0x61 ? set : "[^\(set)]"
                j += 2
                continue
            }
            let rangeStart = j
            guard let (lo, afterLo) = classChar(at: j) else { return escapeError(at: j) }
            j = afterLo
            body += SchemaRegexScanner.escapeInClass(lo)
            if j + 1 < s.count, s[j] == "-", s[j + 1] != "]" {
                guard let (hi, afterHi) = classChar(at: j + 1) else { return escapeError(at: j + 1) }
                if scalarValue(hi) < scalarValue(lo) {
                    return SyntaxError(code: "invalid character class range", expr: text(rangeStart, afterHi))
                }
                body += "-" + SchemaRegexScanner.escapeInClass(hi)
                j = afterHi
            }
        }
        out += "[" + body + "]"
        i = j + 1
        return nil
    }

    /// The code point an ICU character text names (`a`, `\x{41}`, `\n`).
    func scalarValue(_ t: String) -> UInt32 {
        switch t {
        case "\\n": return 10
        case "\\r": return 13
        case "\\t": return 9
        case "\\f": return 12
        default: break
        }
        if t.hasPrefix("\\x{") { return UInt32(t.dropFirst(3).dropLast(), radix: 16) ?? 0 }
        return t.unicodeScalars.last?.value ?? 0
    }

    static func escapeInClass(_ t: String) -> String {
        guard t.unicodeScalars.count == 1, let c = t.unicodeScalars.first else { return t }
        return "[]\\-^&{}:$".unicodeScalars.contains(c) ? "\\" + t : t
    }
}
