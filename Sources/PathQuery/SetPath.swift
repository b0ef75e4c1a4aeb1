import Diagnostics
import GoStd
import Values

/// helm-unittest's `set:` key syntax (`valueutils.BuildValueOfSetPath`),
/// which is not Helm's `--set` syntax.
public enum SetPath {
    enum Cursor {
        case key(String)
        case index(Int)
    }

    enum State { case key, index, denotation, escaping }

    /// The largest list index a `set:` key may use. helm-unittest has no
    /// limit: it makes a list of `index + 1` elements and hands it to Helm
    /// through JSON and YAML, so `a[99999999]` takes 1.6 GB for the list
    /// alone and runs out of memory after half a minute (index 1000000
    /// still works: 4 s, 660 MB). chartunit refuses an index above this one
    /// with the words of Helm's own `--set` limit (`strvals.MaxIndex`).
    public static let maxIndex = 1 << 20

    /// The nested map `path` describes with `value` at its end:
    /// `a.b` nests maps, `a[2]` makes a fresh list `[nil, nil, value]`, and a
    /// bracket group right after a dot or at the start escapes dots
    /// (`podAnnotations.[prometheus.io/scrape]`). Throws the Go messages
    /// (`set path is empty`, `invalid token found ,`, `missing index value`,
    /// `unexpected end of`, …).
    public static func buildValue(_ value: Value, atSetPath path: String) throws(LocatedError) -> GoMap {
        if path.isEmpty { throw LocatedError(.pathQuery, "set path is empty") }
        let cursors = try parse(path)
        var built = value
        for cursor in cursors.reversed() {
            switch cursor {
            case .key(let key):
                built = .map(GoMap([key: built]))
            case .index(let idx):
                guard idx <= maxIndex else {
                    throw LocatedError(.pathQuery, "index of \(idx) is greater than maximum supported index of \(maxIndex)")
                }
                guard idx >= 0 else {
                    // Go panics here (`make([]any, idx+1)` or indexing at -1).
                    throw LocatedError(.pathQuery, idx == -1 ? "runtime error: index out of range [-1]" : "runtime error: makeslice: len out of range")
                }
                var list = [Value](repeating: .null, count: idx + 1)
                list[idx] = built
                built = .list(list)
            }
        }
        guard case .map(let map, _) = built else { return GoMap() }
        return map
    }

    /// setPath:
    ///
    ///     part ('.' part)*
    ///     part:    name index* | '[' escaped ']' index* | ''
    ///     index:   '[' int ']'            (Atoi: optional sign, decimal)
    ///     name:    char+
    ///     escaped: (char | '.')*          (`a.[b.c]` is the keys `a`, `b.c`)
    ///     char:    any - '.' '[' ']' ',' '{' '}' '='
    ///
    /// The keys and indices in order (Go's `traverseSetPath`). An empty part
    /// before a `.` is the key `""`; the last part must not be empty
    /// (`unexpected end of`). Text between a `]` and the next `.` or `[` is
    /// ignored, as in Go. `,`, `{`, `}` or `=` anywhere is `invalid token
    /// found …`.
    static func parse(_ path: String) throws(LocatedError) -> [Cursor] {
        var cursors: [Cursor] = []
        var state = State.key
        var buffered = ""
        var scalars = path.unicodeScalars.makeIterator()
        let stops: Set<Unicode.Scalar> = [".", "[", "]", ",", "{", "}", "="]
        while true {
            var k = ""
            var last: Unicode.Scalar?
            while let r = scalars.next() {
                if stops.contains(r) {
                    last = r
                    break
                }
                k.unicodeScalars.append(r)
            }
            guard let last else {
                if !k.isEmpty && state == .key {
                    cursors.append(.key(k))
                    return cursors
                }
                if k.isEmpty && state == .denotation { return cursors }
                throw LocatedError(.pathQuery, "unexpected end of")
            }
            if [",", "{", "}", "="].contains(last) { throw LocatedError(.pathQuery, "invalid token found \(last)") }
            switch state {
            case .index:
                guard last == "]" else { throw LocatedError(.pathQuery, "missing index value") }
                switch GoStrconv.atoi(k) {
                case .success(let idx): cursors.append(.index(idx))
                case .failure(let error): throw LocatedError(.pathQuery, error.message)
                }
                state = .denotation
            case .denotation:
                switch last {
                case ".": state = .key
                case "[": state = .index
                default: throw LocatedError(.pathQuery, "invalid denotation token \(last)")
                }
            case .key:
                switch last {
                case ".":
                    cursors.append(.key(k))
                case "[":
                    if k.isEmpty {
                        buffered = ""
                        state = .escaping
                    } else {
                        cursors.append(.key(k))
                        state = .index
                    }
                default:
                    throw LocatedError(.pathQuery, "invalid key \(last)")
                }
            case .escaping:
                switch last {
                case ".":
                    buffered += k + "."
                case "]":
                    buffered += k
                    cursors.append(.key(buffered))
                    state = .denotation
                default:
                    throw LocatedError(.pathQuery, "invalid escaping token \(last)")
                }
            }
        }
    }
}
