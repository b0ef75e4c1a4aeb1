/// Go's `fmt.Sprint`, `Sprintf` and `Sprintln` over ``Value``s.
public enum GoFmt {
    /// `fmt.Sprint`: operands in `%v`, a space between two operands when
    /// neither is a string.
    public static func sprint(_ args: [Value]) -> String {
        var out = ""
        var previousWasString = false
        for (i, arg) in args.enumerated() {
            let isString: Bool
            if case .string = arg { isString = true } else { isString = false }
            if i > 0 && !isString && !previousWasString { out += " " }
            GoFormat.write(arg, to: &out)
            previousWasString = isString
        }
        return out
    }

    /// `fmt.Sprintln`: operands in `%v` separated by spaces, then a newline.
    public static func sprintln(_ args: [Value]) -> String {
        args.map(GoFormat.format).joined(separator: " ") + "\n"
    }

    /// `fmt.Sprintf`.
    public static func sprintf(_ format: String, _ args: [Value]) -> String {
        // Minimal placeholder: %v and %s and %d, replaced by the full engine.
        var out = ""
        var index = 0
        var chars = format.makeIterator()
        while let c = chars.next() {
            guard c == "%" else { out.append(c); continue }
            guard let verb = chars.next() else { out += "%!(NOVERB)"; break }
            if verb == "%" { out += "%"; continue }
            if index < args.count { GoFormat.write(args[index], to: &out) } else { out += "%!\(verb)(MISSING)" }
            index += 1
        }
        return out
    }
}
