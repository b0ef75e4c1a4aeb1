import GoStd

/// A warning Helm logs while it layers values: coalescing
/// (pkg/chartutil/coalesce.go in Helm 3, pkg/chart/common/util/coalesce.go
/// in Helm 4) and dependency processing (dependencies.go). Helm only logs
/// them and goes on; chartunit returns them so that the command line can
/// print them as the real tool does (``logLine(_:)``).
public struct ValuesWarning: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// `warning: skipping globals because destination global is not a table.`
        case destinationGlobalsNotTable
        /// `warning: skipping globals because source global is not a table.`
        case sourceGlobalsNotTable
        /// `Conflict: cannot merge map onto non-map for "<path>". Skipping.` (a `global` key).
        case globalMapOntoNonMap
        /// `key <path> is table. Skipping` (a `global` key).
        case globalKeyIsTable
        /// `warning: skipped value for <path>: Not a table.`
        case skippedNotTable
        /// `warning: cannot overwrite table with non table for <path> (<detail>)`; detail: the table, `%v`.
        case cannotOverwriteTable
        /// `warning: destination for <path> is a table. Ignoring non-table value (<detail>)`.
        case destinationIsTable
        /// A dependency `condition` path (path) that holds no bool; detail: the dependency's name.
        case conditionNotBool
        /// A dependency tag (path) whose `tags` value is no bool; detail: the dependency's name.
        case tagNotBool
        /// An `import-values` `child` table that is missing; path: the dependency, detail: the error.
        case importTableMissing
        /// An `import-values` name whose `exports.<name>` table is missing; detail: the error.
        case importExportsMissing
    }

    public var kind: Kind
    /// The key, dotted path, condition or tag the warning names (see ``Kind``).
    public var path: String
    /// The value, dependency or error it names (see ``Kind``).
    public var detail: String
    /// The Helm that logged it (Helm 4 logs dependency warnings through slog).
    public var helm: HelmVersion

    public init(_ kind: Kind, path: String = "", detail: String = "", helm: HelmVersion) {
        self.kind = kind
        self.path = path
        self.detail = detail
        self.helm = helm
    }

    /// Where the warning is logged: Go's `log.Printf` (the text is the
    /// formatted message) or, for Helm 4's dependency warnings,
    /// `slog.Warn(message, key, value, …)`.
    private var record: (slog: Bool, message: String, attributes: [(String, String)]) {
        switch (kind, helm) {
        case (.conditionNotBool, .v4): return (true, "returned non-bool value", [("path", path), ("chart", detail)])
        case (.tagNotBool, .v4): return (true, "returned non-bool value", [("tag", path), ("chart", detail)])
        case (.importTableMissing, .v4): return (true, "ImportValues missing table from chart", [("chart", path), ("error", detail)])
        case (.importExportsMissing, .v4): return (true, "ImportValues missing table", [("error", detail)])
        default: return (false, printfText, [])
        }
    }

    /// The text of Helm's `printf(format, …)` call (Helm 3 wording for the
    /// dependency warnings Helm 4 sends to slog).
    public var printfText: String {
        switch kind {
        case .destinationGlobalsNotTable: return "warning: skipping globals because destination global is not a table."
        case .sourceGlobalsNotTable: return "warning: skipping globals because source global is not a table."
        case .globalMapOntoNonMap: return "Conflict: cannot merge map onto non-map for \(GoQuote.quote(path)). Skipping."
        case .globalKeyIsTable: return "key \(path) is table. Skipping"
        case .skippedNotTable: return "warning: skipped value for \(path): Not a table."
        case .cannotOverwriteTable: return "warning: cannot overwrite table with non table for \(path) (\(detail))"
        case .destinationIsTable: return "warning: destination for \(path) is a table. Ignoring non-table value (\(detail))"
        case .conditionNotBool: return "Warning: Condition path '\(path)' for chart \(detail) returned non-bool value"
        case .tagNotBool: return "Warning: Tag '\(path)' for chart \(detail) returned non-bool value"
        case .importTableMissing: return "Warning: ImportValues missing table from chart \(path): \(detail)"
        case .importExportsMissing: return "Warning: ImportValues missing table: \(detail)"
        }
    }

    /// The `file:line` of the Helm v3.20.2 `printf` call (what `log.Lshortfile` shows).
    private var shortFile: String {
        switch kind {
        case .destinationGlobalsNotTable: return "coalesce.go:138"
        case .sourceGlobalsNotTable: return "coalesce.go:145"
        case .globalMapOntoNonMap: return "coalesce.go:161"
        case .globalKeyIsTable: return "coalesce.go:175"
        case .skippedNotTable: return "coalesce.go:237"
        case .cannotOverwriteTable: return "coalesce.go:316"
        case .destinationIsTable: return "coalesce.go:319"
        case .conditionNotBool: return "dependencies.go:64"
        case .tagNotBool: return "dependencies.go:95"
        case .importTableMissing: return "dependencies.go:270"
        case .importExportsMissing: return "dependencies.go:287"
        }
    }

    /// The line (without its newline) the process's logger writes to stderr.
    public func logLine(_ logger: HelmLogger) -> String {
        let record = self.record
        switch logger {
        case .helm3CLI:
            // helm 3's main sets `log.SetFlags(log.Lshortfile)`.
            return shortFile + ": " + record.message
        case .helm4CLI:
            // helm 4's slog TextHandler without time; `log.Printf` reaches it at INFO.
            return "level=\(record.slog ? "WARN" : "INFO") msg=\(Self.slogText(record.message))"
                + record.attributes.map { " \($0.0)=\(Self.slogText($0.1))" }.joined()
        case .standard(let timestamp):
            // Go's default loggers: `log.LstdFlags`; slog's default handler writes `LEVEL msg k=v` through it.
            guard record.slog else { return timestamp + " " + record.message }
            return timestamp + " WARN " + record.message
                + record.attributes.map { " \($0.0)=\(Self.slogText($0.1))" }.joined()
        }
    }

    /// slog's text encoding of a string: as is, or `strconv.Quote`d when it
    /// is empty or holds a space, `=`, `"`, a control byte or a rune that
    /// is invalid, a space or not printable (`needsQuoting`).
    static func slogText(_ s: String) -> String {
        if s.isEmpty { return GoQuote.quote(s) }
        for scalar in s.unicodeScalars {
            if scalar.isASCII {
                let b = UInt8(scalar.value)
                if b != UInt8(ascii: "\\") && (b <= 0x20 || b == 0x7F || b == UInt8(ascii: "=") || b == UInt8(ascii: "\"")) {
                    return GoQuote.quote(s)
                }
            } else if scalar == "\u{FFFD}" || scalar.properties.isWhitespace || !GoQuote.isPrint(scalar) {
                return GoQuote.quote(s)
            }
        }
        return s
    }
}

/// How the process that embeds Helm set up Go's loggers: it decides the
/// prefix of every warning line.
public enum HelmLogger: Sendable, Hashable {
    /// The `helm` 3 command: `coalesce.go:316: <text>`.
    case helm3CLI
    /// The `helm` 4 command: `level=INFO msg="<text>"` (slog's text handler, no time).
    case helm4CLI
    /// A Go program with the standard loggers, as helm-unittest is:
    /// `<timestamp> <text>`, the timestamp in `2006/01/02 15:04:05` layout.
    case standard(timestamp: String)
}

/// Collects the warnings of one values layering, shared by the coalescer
/// and the dependency processor. Appending is the only cost when Helm
/// would log nothing.
final class ValuesLog {
    var warnings: [ValuesWarning] = []
    let helm: HelmVersion

    init(helm: HelmVersion) { self.helm = helm }

    func warn(_ kind: ValuesWarning.Kind, path: String = "", detail: String = "") {
        warnings.append(ValuesWarning(kind, path: path, detail: detail, helm: helm))
    }
}
