/// The text Python's `json.dump(obj, indent=1, sort_keys=True)` writes for
/// a flat string → string dictionary, plus the newline `print()` adds —
/// the format of the oracle's `helm-render --json`.
///
/// Keys sort by code point (Python's `str` order, the same as UTF-8 byte
/// order); strings are escaped with `ensure_ascii`: `\"`, `\\`, `\n`,
/// `\r`, `\t`, `\b`, `\f`, and every other character outside `' '...'~'`
/// as lower-case `\uXXXX` (UTF-16 surrogate pairs above U+FFFF).
enum PythonJSON {
    static func dump(_ object: [String: String]) -> String {
        guard !object.isEmpty else { return "{}\n" }
        let keys = object.keys.sorted { Array($0.unicodeScalars.map(\.value)).lexicographicallyPrecedes($1.unicodeScalars.map(\.value)) }
        var out = "{\n"
        for (index, key) in keys.enumerated() {
            out += " "
            out += quote(key)
            out += ": "
            out += quote(object[key] ?? "")
            out += index + 1 < keys.count ? ",\n" : "\n"
        }
        out += "}\n"
        return out
    }

    /// `json.encoder.py_encode_basestring_ascii`.
    static func quote(_ s: String) -> String {
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case " "..."~": out.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                if value > 0xFFFF {
                    let v = value - 0x10000
                    out += hex4(0xD800 | (v >> 10))
                    out += hex4(0xDC00 | (v & 0x3FF))
                } else {
                    out += hex4(value)
                }
            }
        }
        out += "\""
        return out
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
