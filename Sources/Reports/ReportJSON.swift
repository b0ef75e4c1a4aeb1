import GoStd
import Values

/// The JSON documents reports write (coverage JSON, the run summary, the
/// GitLab Code Quality report), built from Swift values.
extension Value {
    /// A JSON object.
    static func fields(_ fields: [String: Value]) -> Value {
        .map(GoMap(fields))
    }

    /// A JSON integer.
    static func count(_ value: Int) -> Value {
        .int(Int64(value), .int)
    }

    /// A JSON string.
    static func text(_ value: String) -> Value {
        .string(GoString(value))
    }

    /// Seconds to the millisecond.
    static func seconds(_ duration: Duration) -> Value {
        .float((duration.inSeconds * 1e3).rounded() / 1e3)
    }

    /// The document as report text: object keys sorted bytewise, two-space
    /// indents, no HTML escaping, a final newline. Reports hold strings,
    /// counts and finite numbers a few levels deep, which always encode;
    /// `empty` stands in otherwise.
    func reportJSON(empty: String) -> String {
        ((try? GoJSON.encode(self, escapeHTML: false, indent: "  ")) ?? empty) + "\n"
    }
}
