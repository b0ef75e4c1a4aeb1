import Foundation
import Values
import YAML

/// What the validators need from helm-unittest's path language: finding
/// values in a document (yaml-jsonpath) and building a `set:` value.
///
/// The full implementation lives in the `PathQuery` target; until it is
/// merged, ``InterimPathEngine`` covers the common subset.
protocol PathEngine: Sendable {
    /// Every value `path` selects in `document` (`""` selects the document);
    /// no match is an empty list; a malformed path throws its error text.
    func find(_ path: String, in document: Value) throws(PathError) -> [Value]
    /// helm-unittest's `BuildValueOfSetPath`: the map `{a: {b: [nil, value]}}` for `a.b[1]`.
    func buildSetValue(_ value: Value, atPath path: String) throws(PathError) -> GoMap
}

/// A path the engine cannot read, with helm-unittest's error text.
struct PathError: Error, Sendable, Hashable {
    var message: String
}

/// A small stand-in for `PathQuery`: `a.b`, `a[0]`, `a[-1]`, `a[*]`, `.*`,
/// `a["x.y"]`/`a['x.y']`, `..name`, and `[?(@.k == v)]` filters; plus the
/// complete `set:` key syntax.
struct InterimPathEngine: PathEngine {
    private enum Step {
        case key(String)
        case index(Int)
        case wildcard
        case recursive(String?)
        case filter(key: [String], op: String, literal: Value?)
    }

    func find(_ path: String, in document: Value) throws(PathError) -> [Value] {
        if path.isEmpty { return [document] }
        let steps = try parse(path)
        var current = [document]
        for step in steps {
            current = current.flatMap { apply(step, to: $0) }
        }
        return current
    }

    private func apply(_ step: Step, to value: Value) -> [Value] {
        switch step {
        case .key(let name):
            if case .map(let m) = value, let v = m.entries[name] { return [v] }
            return []
        case .index(let i):
            guard case .list(let l) = value else { return [] }
            let index = i < 0 ? l.count + i : i
            return l.indices.contains(index) ? [l[index]] : []
        case .wildcard:
            switch value {
            case .list(let l): return l
            case .map(let m): return NaturalOrderKeys.sorted(m).compactMap { m.entries[$0] }
            default: return []
            }
        case .recursive(let name):
            var out: [Value] = []
            collect(value, name: name, into: &out)
            return out
        case .filter(let key, let op, let literal):
            guard case .list(let l) = value else { return [] }
            return l.filter { item in
                var found = [item]
                for k in key { found = found.flatMap { apply(.key(k), to: $0) } }
                guard let first = found.first else { return false }
                guard let literal else { return true }
                let equal = looseEqual(first, literal)
                return op == "==" ? equal : !equal
            }
        }
    }

    private func looseEqual(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.int(let x, _), .float(let y)): return Double(x) == y
        case (.float(let x), .int(let y, _)): return x == Double(y)
        case (.int(let x, _), .int(let y, _)): return x == y
        default: return deepEqual(a, b)
        }
    }

    private func collect(_ value: Value, name: String?, into out: inout [Value]) {
        switch value {
        case .map(let m):
            for key in NaturalOrderKeys.sorted(m) {
                guard let child = m.entries[key] else { continue }
                if name == nil || name == key { out.append(child) }
                collect(child, name: name, into: &out)
            }
        case .list(let l):
            for child in l {
                if name == nil { out.append(child) }
                collect(child, name: name, into: &out)
            }
        default: break
        }
    }

    private func parse(_ path: String) throws(PathError) -> [Step] {
        var chars = Array(path)
        if chars.first == "$" { chars.removeFirst() }
        var steps: [Step] = []
        var i = 0
        func name() -> String {
            var out = ""
            while i < chars.count, !".[".contains(chars[i]) { out.append(chars[i]); i += 1 }
            return out
        }
        while i < chars.count {
            let c = chars[i]
            if c == "." {
                if i + 1 < chars.count, chars[i + 1] == "." {
                    i += 2
                    let n = name()
                    steps.append(.recursive(n == "*" || n.isEmpty ? nil : n))
                    continue
                }
                i += 1
                let n = name()
                steps.append(n == "*" ? .wildcard : .key(n))
            } else if c == "[" {
                guard let close = closingBracket(chars, from: i) else {
                    throw PathError(message: "invalid path syntax at position \(i), following \"\(String(chars[..<i]))\"")
                }
                let inner = String(chars[(i + 1)..<close]).trimmingCharacters(in: .whitespaces)
                i = close + 1
                if inner == "*" {
                    steps.append(.wildcard)
                } else if let n = Int(inner) {
                    steps.append(.index(n))
                } else if let q = inner.first, q == "'" || q == "\"", inner.count >= 2, inner.last == q {
                    steps.append(.key(unescape(String(inner.dropFirst().dropLast()))))
                } else if inner.hasPrefix("?(@."), inner.hasSuffix(")") {
                    steps.append(filter(String(inner.dropFirst(4).dropLast())))
                } else {
                    throw PathError(message: "invalid path syntax: \(path)")
                }
            } else {
                let n = name()
                steps.append(n == "*" ? .wildcard : .key(n))
            }
        }
        return steps
    }

    private func closingBracket(_ chars: [Character], from start: Int) -> Int? {
        var quote: Character?
        var j = start + 1
        while j < chars.count {
            let c = chars[j]
            if let q = quote {
                if c == "\\" { j += 2; continue }
                if c == q { quote = nil }
            } else if c == "'" || c == "\"" {
                quote = c
            } else if c == "]" {
                return j
            }
            j += 1
        }
        return nil
    }

    private func unescape(_ s: String) -> String {
        var out = ""
        var escaped = false
        for c in s {
            if escaped { out.append(c); escaped = false } else if c == "\\" { escaped = true } else { out.append(c) }
        }
        return out
    }

    private func filter(_ text: String) -> Step {
        for op in ["==", "!="] {
            if let range = text.range(of: op) {
                let key = text[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
                var literal = text[range.upperBound...].trimmingCharacters(in: .whitespaces)
                let value: Value
                if let q = literal.first, q == "'" || q == "\"" {
                    literal = String(literal.dropFirst().dropLast())
                    value = .string(literal)
                } else if let n = Int64(literal) {
                    value = .int(n, .int)
                } else if let f = Double(literal) {
                    value = .float(f)
                } else if literal == "true" || literal == "false" {
                    value = .bool(literal == "true")
                } else {
                    value = .null
                }
                return .filter(key: key.split(separator: ".").map(String.init), op: op, literal: value)
            }
        }
        return .filter(key: text.trimmingCharacters(in: .whitespaces).split(separator: ".").map(String.init), op: "", literal: nil)
    }

    // MARK: set paths

    func buildSetValue(_ value: Value, atPath path: String) throws(PathError) -> GoMap {
        if path.isEmpty { throw PathError(message: "set path is empty") }
        enum Cursor { case key(String), index(Int) }
        var cursors: [Cursor] = []
        let chars = Array(path)
        var position = 0
        enum State { case key, index, denotation, escaping }
        var state = State.key
        var buffered = ""
        while true {
            var token = ""
            var last: Character?
            while position < chars.count {
                let c = chars[position]
                position += 1
                if ".[],{}=".contains(c) { last = c; break }
                token.append(c)
            }
            if let last, ",{}=".contains(last) {
                throw PathError(message: "invalid token found \(last)")
            }
            guard let last else {
                if !token.isEmpty && state == .key { cursors.append(.key(token)); break }
                if token.isEmpty && state == .denotation { break }
                throw PathError(message: "unexpected end of")
            }
            switch state {
            case .index:
                guard last == "]" else { throw PathError(message: "missing index value") }
                guard let n = goAtoi(token) else {
                    throw PathError(message: "strconv.Atoi: parsing \(goQuoted(token)): invalid syntax")
                }
                cursors.append(.index(n))
                state = .denotation
            case .denotation:
                switch last {
                case ".": state = .key
                case "[": state = .index
                default: throw PathError(message: "invalid denotation token \(last)")
                }
            case .key:
                switch last {
                case ".": cursors.append(.key(token)); state = .key
                case "[":
                    if token.isEmpty { buffered = ""; state = .escaping } else { cursors.append(.key(token)); state = .index }
                default: throw PathError(message: "invalid key \(last)")
                }
            case .escaping:
                switch last {
                case ".": buffered += token + "."
                case "]": buffered += token; cursors.append(.key(buffered)); state = .denotation
                default: throw PathError(message: "invalid escaping token \(last)")
                }
            }
        }
        // Build from the innermost value outwards.
        var built = value
        for depth in stride(from: cursors.count - 1, through: 0, by: -1) {
            switch cursors[depth] {
            case .key(let k):
                built = .map(GoMap([k: built]))
            case .index(let n):
                guard n >= 0 else { throw PathError(message: "runtime error: index out of range [\(n)]") }
                var list = [Value](repeating: .null, count: n + 1)
                list[n] = built
                built = .list(list)
            }
        }
        guard case .map(let root) = built else { throw PathError(message: "interface conversion: interface {} is []interface {}, not map[string]interface {}") }
        return root
    }
}

/// `strconv.Atoi` for the decimal forms it accepts.
func goAtoi(_ text: String) -> Int? {
    var body = Substring(text)
    if body.first == "+" || body.first == "-" { body = body.dropFirst() }
    guard !body.isEmpty, body.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    return Int(text)
}

/// Go's `%q` of a plain string, enough for error texts.
func goQuoted(_ text: String) -> String {
    var out = "\""
    for c in text.unicodeScalars {
        switch c {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        default: out.unicodeScalars.append(c)
        }
    }
    return out + "\""
}

/// Map keys in go-yaml's natural order, the order yaml.v3 re-encodes a
/// manifest in before yaml-jsonpath walks it.
enum NaturalOrderKeys {
    static func sorted(_ map: GoMap) -> [String] {
        NaturalOrder.sorted(map.entries.keys, dialect: .v3)
    }
}
