import Diagnostics
import Foundation
import GoStd
import JSONSchema
import Values

/// values.schema.json checking as Helm does it before rendering
/// (`ValidateAgainstSchema` in Helm 3.20 and Helm 4, which share the
/// logic and the santhosh-tekuri/jsonschema v6 library).
public enum SchemaValidation {
    /// Checks the coalesced values of `chart` (the top chart after
    /// dependency processing) against every schema in the tree: the chart's
    /// own schema against `chart.values`, then each enabled subchart (in
    /// dependency order, recursively) against `values[<name>]` when that
    /// is present and not null. Returns Helm's message (starting `values
    /// don't meet the specifications of the schema(s) in the following
    /// chart(s):`), or nil when everything is valid. Pass nothing when the
    /// user asked for `--skip-schema-validation`.
    public static func check(_ chart: ProcessedChart, helm: HelmVersion) -> LocatedError? {
        let (report, firstFile) = validate(chart, values: chart.values)
        if report.isEmpty { return nil }
        return LocatedError(.valuesSchema,
                            "values don't meet the specifications of the schema(s) in the following chart(s):\n" + report,
                            at: firstFile.map { SourceLocation(file: $0) })
    }

    /// One chart's part of the report: `<name>:\n<errors>` for its own
    /// schema, then its subcharts' parts; and the first schema file (or
    /// chart, for values of the wrong type) the report blames.
    static func validate(_ chart: ProcessedChart, values: GoMap) -> (report: String, file: String?) {
        var report = ""
        var file: String?
        let path = chart.chart.path
        if let schema = chart.chart.schema, let error = validate(values: values, schema: schema) {
            report += "\(chart.name):\n" + error
            if !path.isEmpty { file = GoPath.join(path, "values.schema.json") }
        }
        for sub in chart.subcharts {
            guard let raw = values[sub.name] else { continue }
            switch raw {
            case .null: continue
            case .map(let subValues, _):
                let part = validate(sub, values: subValues)
                report += part.report
                file = file ?? part.file
            default:
                report += "\(sub.name):\ninvalid type for values: expected object (map), got \(raw.goTypeName)\n"
                if file == nil && !sub.chart.path.isEmpty { file = sub.chart.path }
            }
        }
        return (report, file)
    }

    /// `ValidateAgainstSingleSchema`: nil if `values` satisfy the schema
    /// document; else the library's error. Validation failures lose their
    /// first line and gain a final newline; schema errors are returned as
    /// they are.
    public static func validate(values: GoMap, schema: [UInt8]) -> String? {
        let compiled: CompiledSchema
        switch compiledSchemas.compiled(schema, { CompiledSchema.compile($0, url: "file:///values.schema.json", loader: load) }) {
        case .success(let c): compiled = c
        case .failure(let error): return error.message
        }
        guard var text = compiled.validate(Value.map(values)) else { return nil }
        let prefix = "jsonschema validation failed with 'file:///values.schema.json#'\n"
        if text.hasPrefix(prefix) { text.removeFirst(prefix.count) }
        return text + "\n"
    }

    /// Compiling is most of the cost of validation (the metaschema check
    /// alone is a full validation run), and a test run validates the same
    /// few schemas for every render: compile each document once per process.
    static let compiledSchemas = CompiledSchemaCache()

    /// Helm's loaders: `file:` reads the file, `urn:` resolves to the
    /// permissive schema `true`. `http(s):` would fetch over the network,
    /// which chartunit does not do: those references fail.
    @Sendable static func load(_ url: String) -> Result<JSONSchemaValue, JSONSchemaError> {
        guard SchemaURL.hasScheme(url), let colon = url.firstIndex(of: ":") else {
            return .failure(JSONSchemaError("no URLLoader registered for \(GoQuote.quote(url))"))
        }
        switch url[..<colon].lowercased() {
        case "file":
            var path = String(url[url.index(after: colon)...])
            if path.hasPrefix("//") {
                path.removeFirst(2)
                path = String(path.drop { $0 != "/" })
            }
            path = SchemaURL.percentDecode(path) ?? path
            guard let data = FileManager.default.contents(atPath: path) else {
                return .failure(JSONSchemaError("open \(path): no such file or directory"))
            }
            return JSONSchemaDocument.unmarshal(Array(data))
        case "urn":
            return .success(.bool(true))
        case "http", "https":
            return .failure(JSONSchemaError("HTTP request failed for \(url): remote schemas are not fetched by chartunit"))
        default:
            return .failure(JSONSchemaError("no URLLoader registered for \(GoQuote.quote(url))"))
        }
    }
}
