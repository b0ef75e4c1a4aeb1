import Diagnostics
import Foundation
@testable import GoTemplate
@testable import Helm
import Testing
import TestSupport
import Values

/// Seeds and mutations shared by the template parser and executor fuzz targets.
enum TemplateFuzz {
    /// Templates from the golden template and Go-objects corpora (templates
    /// and helpers), Go's own parse/exec tables, and every file under the
    /// conformance charts' `templates/`.
    static let seeds: [[UInt8]] = {
        var texts: [String] = []
        for folder in ["template-corpus", "objects-corpus", "gotemplate-tables"] {
            for file in Fixtures.files(in: folder, suffix: ".json") {
                guard let data = try? Data(contentsOf: Fixtures.url(folder + "/" + file)),
                      let rows = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else { continue }
                for row in rows {
                    texts += ["template", "helpers", "text"].compactMap { row[$0] as? String }
                }
            }
        }
        return texts.map { Array($0.utf8) } + conformanceTemplates
    }()

    static let conformanceTemplates: [[UInt8]] = fuzzSeedFiles(under: Fixtures.conformance) {
        $0.contains("/templates/") && !$0.hasSuffix(".snap") && !$0.contains("__snapshot__")
    }

    static let mutator = FuzzMutator(
        tokens: ["{{", "}}", "{{- ", " -}}", "{{/*", "*/}}", "(", ")", "|", " ", ".", "$", "$x", "$x :=", "$x =", ":=", "=",
                 ",", "\"", "'", "`", "\\", "\\\"", "define \"a\"", "template \"a\" .", "block \"a\" .", "end", "else",
                 "else if", "else with", "if", "with", "range", "range $i, $v :=", "break", "continue", "nil", "true",
                 "false", ".Values", ".Values.a", ".Release.Name", ".Chart.Name", ".Files", ".Capabilities", ".Template",
                 "include \"a\" .", "tpl", "toYaml", "printf \"%v\"", "print", "len", "index", "slice", "and", "or",
                 "not", "eq", "ne", "lt", "default", "required", "fail", "quote", "list", "dict", "0x1F", "1e3", "-1",
                 "0b1", "0o7", "1_000", "'\\n'", "'\\x41'", "\"\\u00e9\"", "9223372036854775808", "1.5i", "\n", "\r\n",
                 "\t", ":", "{{end}}", "{{else}}", "{{ if . }}", "{{ range . }}", "{{ with . }}", "{{ define \"x\" }}",
                 "{{ template \"x\" . }}", "{{ include \"x\" . }}", "{{ tpl . . }}", "{{ . }}", "{{ .Values }}"],
        alphabet: "{}()|.$:=,\"'`\\-+*/ \t\nabcdefxyz0123456789_#@!?<>[]%",
        bursts: [("(", ")"), ("{{ if . }}", "{{ end }}"), ("{{ with . }}", "{{ end }}"), ("{{ range . }}", "{{ end }}"),
                 ("{{ define \"d\" }}", "{{ end }}"), ("{{", "}}"), ("(list ", ")"), ("{{ block \"b\" . }}", "{{ end }}")],
        maxLength: 64 * 1024)

    /// The file name every input is parsed as, as Helm names a chart's template.
    static let name = "c/templates/t.yaml"

    /// The executor's inputs: shorter, with shorter runs, and no number
    /// literal of more than four digits (``boundingNumbers(_:)``).
    static let executorMutator: FuzzMutator = {
        var m = mutator
        m.maxLength = 16 * 1024
        m.maxRun = 256
        return m
    }()

    /// `input` with every number-like run (`[0-9][0-9A-Za-z_]*`) longer
    /// than five bytes cut to four: `{{ range 055555555555555555 }}` and
    /// `until 99999999` run as long in Go as here, so they are no finding.
    static func boundingNumbers(_ input: [UInt8]) -> [UInt8] {
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        func isWord(_ b: UInt8) -> Bool { isDigit(b) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || b == 0x5F }
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        var i = 0
        while i < input.count {
            guard isDigit(input[i]), i == 0 || !isWord(input[i - 1]) else {
                out.append(input[i])
                i += 1
                continue
            }
            var end = i
            while end < input.count && isWord(input[end]) { end += 1 }
            out += input[i..<(end - i > 5 ? i + 4 : end)]
            i = end
        }
        return out
    }
}

/// The Go template parser (`TemplateSet.parseFile`) with Helm's function
/// map, options and context keys (each parsed tree's `ContextUse`), and
/// Helm's rewriting of parse errors.
@Suite struct TemplateParserFuzzTests {
    @Test func mutatedTemplatesParseOrFail() async {
        let set = TemplateSet(name: "gotpl", functions: TemplateExecution.functions, options: ExecutionOptions(missingKey: .zero),
                              contextKeys: HelmEngine.contextKeys)
        let summary = await runFuzz("template-parser", seeds: TemplateFuzz.seeds, mutator: TemplateFuzz.mutator,
                              defaultCount: 5_000, seed: 0x7E3A_11) { input in
            let text = String(decoding: input, as: UTF8.self)
            do throws(LocatedError) {
                let file = try set.parseFile(Array(text.utf8), name: TemplateFuzz.name)
                var copy = set
                copy.add(file)
                _ = copy.templateNames
                return .accepted
            } catch {
                _ = HelmEngineErrors.cleanupParseError(TemplateFuzz.name, error).description
                return .rejected
            }
        }
        #expect(summary.accepted > 0)
    }
}

/// What the executor target runs with: Helm 4's function map, made
/// bounded and repeatable, and a Helm-shaped context. Functions that are
/// slow or random by design are stubs that fail; functions that can
/// multiply sizes refuse huge arguments; every function call checks the
/// execution's time budget.
enum TemplateExecution {
    /// Functions left out: key and certificate generation, password
    /// hashing (slow by design), randomness and the clock (not repeatable), `lookup`.
    static let stubbed: Set<String> = [
        "genPrivateKey", "genCA", "genCAWithKey", "genSelfSignedCert", "genSelfSignedCertWithKey", "genSignedCert",
        "genSignedCertWithKey", "derivePassword", "bcrypt", "htpasswd", "randBytes", "randAlphaNum", "randAlpha",
        "randNumeric", "randAscii", "randInt", "uuidv4", "shuffle", "encryptAES", "now", "ago", "lookup",
    ]

    /// The largest output one execution may produce, and one function result.
    static let maxOutput = 32 << 20
    static let maxResult = 8 << 20
    static let maxArgument = 4 << 20
    static let maxCount: Int64 = 100_000

    /// Per execution: when it must stop (checked at every function call).
    final class Budget: @unchecked Sendable {
        var deadline: UInt64 = .max
    }

    struct Refused: Error, CustomStringConvertible {
        var description: String
    }

    static func nanos() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// Helm 4's function map with the stubs and size guards.
    static let functions: FunctionMap = {
        var map = FunctionMap()
        for (name, function) in HelmFunctionLibrary(helm: .v4).functions {
            map[name] = guarded(name, function)
        }
        map.mapMethods = ValuesMethods.lookup
        return map
    }()

    static func guarded(_ name: String, _ function: TemplateFunction) -> TemplateFunction {
        guard case .swift(let body) = function.body else { return function }
        let stub = stubbed.contains(name)
        return TemplateFunction(function.parameters, variadic: function.variadic, returns: function.result) { args, context in
            if stub { throw Refused(description: "fuzz: \(name) is left out") }
            if let budget = context.environment.hostData as? Budget, nanos() > budget.deadline {
                throw Refused(description: "fuzz: execution budget spent")
            }
            try checkArguments(name, args)
            let result = try body(args, context)
            if size(of: result) > maxResult { throw Refused(description: "fuzz: \(name) result over \(maxResult)") }
            return result
        }
    }

    static func size(of value: Value) -> Int {
        switch value {
        case .string(let s): return s.count
        case .list(let l, _): return l.count
        case .map(let m, _): return m.count
        default: return 0
        }
    }

    static func length(_ value: Value?) -> Int {
        if case .string(let s)? = value { return s.count }
        return 0
    }

    static func integer(_ value: Value?) -> Int64 {
        switch value {
        case .int(let n, let kind)?: return kind.isUnsigned && n < 0 ? .max : n
        case .float(let f)?: return f.isFinite && abs(f) < 1e18 ? Int64(f) : .max
        case .string(let s)?: return Int64(s.text) ?? 0
        default: return 0
        }
    }

    /// Refuses arguments that would make one call build something huge.
    static func checkArguments(_ name: String, _ args: [Value]) throws {
        var total = 0
        for arg in args { total += length(arg) }
        if total > maxArgument { throw Refused(description: "fuzz: \(name) arguments over \(maxArgument)") }
        let big = Int64(maxResult)
        func refuse() throws { throw Refused(description: "fuzz: \(name) would build too much") }
        switch name {
        case "repeat":
            if integer(args.first) > maxCount || integer(args.first) * Int64(max(1, length(args.last))) > big { try refuse() }
        case "until", "untilStep", "seq":
            if args.contains(where: { abs(integer($0)) > maxCount }) { try refuse() }
        case "indent", "nindent":
            let lines = Int64(length(args.last) + 1)
            if abs(integer(args.first)) > maxCount || abs(integer(args.first)) * lines > big { try refuse() }
        case "replace":
            if args.count == 3, Int64(length(args[1])) * Int64(length(args[2]) + 2) > big { try refuse() }
        case "regexReplaceAll", "mustRegexReplaceAll", "regexReplaceAllLiteral", "mustRegexReplaceAllLiteral":
            if args.count == 3, Int64(length(args[2])) * Int64(length(args[1]) + 2) > big { try refuse() }
        case "wrapWith":
            if args.count == 3, Int64(length(args[1])) * Int64(length(args[2]) + 2) > big { try refuse() }
        case "join":
            if case .list(let l, _)? = args.last, Int64(length(args.first)) * Int64(l.count + 1) > big { try refuse() }
        default:
            break
        }
    }

    /// The chart the context describes: the conformance `basic` chart, or a bare one.
    static let chart: Chart = {
        if let chart = try? ChartLoader(helm: .v4).loadDirectory(Fixtures.conformance.appendingPathComponent("data/v3/basic").path) {
            return chart
        }
        return Chart(metadata: (try? ChartLoader(helm: .v4).loadFiles([
            ChartFile(name: "Chart.yaml", data: Array("apiVersion: v2\nname: c\nversion: 0.1.0\n".utf8)),
        ]).metadata)!)
    }()

    /// `.Values`: every conformance chart's values.yaml and every template
    /// corpus case's values, the first definition of a key winning.
    static let values: Value = {
        let merged = GoMap()
        var texts = fuzzSeedFiles(under: Fixtures.conformance) { $0.hasSuffix("/values.yaml") }.map { String(decoding: $0, as: UTF8.self) }
        for file in Fixtures.files(in: "template-corpus", suffix: ".json") {
            guard let data = try? Data(contentsOf: Fixtures.url("template-corpus/" + file)),
                  let rows = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else { continue }
            texts += rows.compactMap { $0["values"] as? String }
        }
        for text in texts {
            guard let map = try? YAMLValues.helmValues(text) else { continue }
            for (key, value) in map.entries where merged[key] == nil { merged[key] = value }
        }
        return .map(merged)
    }()

    /// `.Files`: a few small files (a whole chart's would make each `{{ . }}` print tens of kilobytes).
    static let files = FilesObject(ChartFilesData(files: [
        "config/app.yaml": Array("name: app\nport: 8080\n".utf8), "files/a.txt": Array("hello\n".utf8),
        "files/b.json": Array(#"{"k": [1, 2]}"#.utf8), "files/bin.dat": [0, 1, 0xFF, 0xC3], "README.md": Array("# c\n".utf8),
    ]))

    /// A fresh context per execution: templates may change maps (`set`, `merge`).
    static func context() -> Value {
        let valuesType = ValuesMethods.type(.v4)
        guard case .map(let values, _) = values.deepCopy() else { return .null }
        return .map(GoMap([
            "Chart": .map(chart.metadata.v4ChartValue(isRoot: true)),
            "Files": .object(files),
            "Release": .map(ReleaseInfo.defaults(.v4).value),
            "Capabilities": .object(CapabilitiesObject(.defaults(.v4), helm: .v4)),
            "Values": .map(values, valuesType),
            "Subcharts": .map(GoMap()),
            "Template": .map(GoMap(["Name": .string(TemplateFuzz.name), "BasePath": .string("c/templates")]), valuesType),
        ]), valuesType)
    }

    /// Every helper file (`_*.tpl`, corpus `helpers`) parsed into one set, so `include`s find their definitions.
    static let helpers: TemplateSet = {
        var set = TemplateSet(name: "gotpl", functions: functions, options: ExecutionOptions(missingKey: .zero))
        let files = fuzzSeedFiles(under: Fixtures.conformance) { $0.contains("/templates/") && ($0.hasSuffix(".tpl") || $0.contains("/_")) }
        for (i, file) in files.enumerated() {
            try? set.parse(String(decoding: file, as: UTF8.self), name: "c/templates/_helpers\(i).tpl")
        }
        return set
    }()

}

/// The template executor: each mutated template parsed into a set holding
/// the conformance charts' helpers, then executed on a Helm-shaped context
/// (`.Values` from the conformance charts and the template corpus,
/// `.Release`, `.Chart`, `.Files`, `.Capabilities`). Go's own errors are fine.
@Suite struct TemplateExecutorFuzzTests {
    @Test func mutatedTemplatesExecuteOrFail() async {
        typealias E = TemplateExecution
        let base = E.helpers
        let name = TemplateFuzz.name
        let summary = await runFuzz("template-executor", seeds: TemplateFuzz.seeds, mutate: { parent, pool, rng in
            TemplateFuzz.boundingNumbers(TemplateFuzz.executorMutator.mutate(parent, pool: pool, using: &rng))
        }, defaultCount: 3_000, seed: 0xE8EC) { input in
            let text = String(decoding: input, as: UTF8.self)
            var set = base
            do {
                set.add(try set.parseFile(Array(text.utf8), name: name))
            } catch {
                return .rejected
            }
            let environment = ExecutionEnvironment()
            let budget = E.Budget()
            budget.deadline = E.nanos() + 1_500_000_000
            environment.hostData = budget
            do throws(LocatedError) {
                let output = try set.execute(name, data: E.context(), environment: environment)
                if output.count > E.maxOutput { return .failed("an output of \(output.count) bytes") }
                _ = NoValue.removing(from: output.bytes)
                return .accepted
            } catch {
                _ = HelmEngineErrors.execError(name, error, helm: .v4).description
                _ = HelmEngineErrors.execError(name, error, helm: .v3).description
                return .rejected
            }
        }
        #expect(summary.accepted > 0)
    }
}
