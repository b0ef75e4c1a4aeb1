import TestSupport
import GoStd
import Testing
@testable import Helm
import Values

/// Table-driven checks of behaviour the v4 oracle cannot show: Helm 3.20
/// differences (read from helm v3.20.2's source) and the building blocks.
@Suite struct ChartUnitTests {
    static func chart(_ files: [String: String]) -> [ChartFile] {
        files.keys.sorted().map { ChartFile(name: $0, data: Array(files[$0, default: ""].utf8)) }
    }

    // MARK: HelmVersion switches

    @Test(arguments: [
        (HelmVersion.v3, #"{"a":1,"b":{"c":null}}"#),
        (HelmVersion.v4, #"{"a":1,"b":{"d":2}}"#),
    ])
    func valuesDocumentsAndDefaultNulls(_ helm: HelmVersion, _ expected: String) throws {
        // v3 reads only the first document of values.yaml and keeps
        // chart-default nulls; v4 merges documents and drops the nulls.
        let files = Self.chart(["Chart.yaml": "apiVersion: v2\nname: c\nversion: 1.0.0\n",
                                "values.yaml": "a: 1\nb: {c: null}\n---\nb: {d: 2}\n"])
        let chart = try ChartLoader(helm: helm).loadFiles(files)
        let processed = try ValuesLayering.prepare(chart: chart, userValues: GoMap(), helm: helm)
        #expect(try GoJSON.encode(.map(processed.values)) == expected)
    }

    @Test func userNullDeletesDefaultInBothVersions() throws {
        for helm in [HelmVersion.v3, .v4] {
            let files = Self.chart(["Chart.yaml": "apiVersion: v2\nname: c\nversion: 1.0.0\n", "values.yaml": "keep: 1\ngone: 2\n"])
            let chart = try ChartLoader(helm: helm).loadFiles(files)
            let user = try UserValues(files: [("u.yaml", Array("gone: null\nnew: null\n".utf8))]).merged(helm: helm)
            let processed = try ValuesLayering.prepare(chart: chart, userValues: user, helm: helm)
            #expect(try GoJSON.encode(.map(processed.values)) == #"{"keep":1,"new":null}"#)
        }
    }

    @Test(arguments: [
        (HelmVersion.v3, "cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal number into Go struct field Metadata.deprecated of type bool"),
        (HelmVersion.v4, "cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal number into Go struct field Metadata.deprecated of type bool"),
    ])
    func typedChartYAMLErrors(_ helm: HelmVersion, _ message: String) {
        let files = Self.chart(["Chart.yaml": "apiVersion: v2\nname: c\nversion: 1.0.0\ndeprecated: 1\n"])
        expectError(message) { try ChartLoader(helm: helm).loadFiles(files) }
    }

    @Test func topLevelTypeErrorNamesThePackage() {
        let files = Self.chart(["Chart.yaml": "- a\n"])
        expectError("cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type chart.Metadata") {
            try ChartLoader(helm: .v3).loadFiles(files)
        }
        expectError("cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type v2.Metadata") {
            try ChartLoader(helm: .v4).loadFiles(files)
        }
    }

    @Test func defaults() throws {
        #expect(ReleaseInfo.defaults(.v3).name == "RELEASE-NAME")
        #expect(ReleaseInfo.defaults(.v3).revision == 0)
        #expect(CapabilitiesInfo.defaults(.v3).kubeVersion.version == "v1.20.0")
        #expect(CapabilitiesInfo.defaults(.v3).apiVersions.isEmpty)
        // helm-unittest 1.1.0 prints {"version":"v3.20","go_version":"go1.27.3"} for `.Capabilities.HelmVersion | toJson`.
        #expect(try GoJSON.encode(.map(CapabilitiesInfo.defaults(.v3).helmVersion.value)) == #"{"go_version":"go1.27.3","version":"v3.20"}"#)
        #expect(CapabilitiesInfo.defaults(.v4).apiVersions.count == 55)
        #expect(KubeVersionInfo(parsing: "1.29")?.normalized == "v1.29.0")
        #expect(KubeVersionInfo(parsing: "v1.33.4-gke.1")?.version == "v1.33.4-gke.1")
    }

    // MARK: Typed Chart.yaml

    @Test func numbersIntoStringFields() throws {
        let files = Self.chart(["Chart.yaml": "name: c\nversion: 1.10\nappVersion: 1e3\nannotations: {a: 1.5, b: yes}\n"])
        let md = try ChartLoader(helm: .v4).loadFiles(files).metadata
        #expect(md.version == "1.1")
        #expect(md.appVersion == "1000")
        #expect(md.apiVersion == "v1")
        #expect(md.annotations == ["a": "1.5", "b": "true"])
    }

    // MARK: Semver

    @Test(arguments: [
        ("1.2.3", "^1.0", true), ("2.0.0", "^1.0", false), ("1.2.3", "~1.2", true), ("1.3.0", "~1.2", false),
        ("1.2.3", ">=1.0.0, <2", true), ("1.2.3", "1.x", true), ("1.2.3", "", false), ("1.2.3", "*", true),
        ("1.2.3-beta", "*", false), ("1.2.3-beta", ">=1.2.3-alpha", true), ("1.5.0", "1.0 - 2.0", true),
        ("3.0.0", "1.x || 3.x", true), ("1.2.3", "!=1.2.3", false), ("0.1.5", "~0.1", true), ("0.2.0", "^0.1", false),
        ("1.0", "1.0.0", true), ("v1.0.0", "=1.0.0", true), ("abc", "*", false),
    ])
    func constraints(_ version: String, _ constraint: String, _ expected: Bool) {
        #expect(isCompatibleRange(constraint, version) == expected)
    }

    @Test(arguments: ["1", "1.2", "v1.2.3", "1.2.3-rc.1+build.5", "01.2.3"])
    func validVersions(_ v: String) { #expect(isSemanticVersion(v)) }

    @Test(arguments: ["", "1.2.3.4", "abc", "1.2.3-01", "1.2.3-", "1.2.3+a..b", "99999999999999999999.0.0"])
    func invalidVersions(_ v: String) { #expect(!isSemanticVersion(v)) }

    // MARK: .helmignore (pkg/ignore rules_test.go shapes)

    @Test(arguments: [
        ("*.txt", "a/b.txt", false, true), ("/a.txt", "a.txt", false, true), ("/a.txt", "d/a.txt", false, false),
        ("a/*.txt", "a/b.txt", false, true), ("a/*.txt", "a/b/c.txt", false, false), ("dir/", "dir", true, true),
        ("dir/", "dir", false, false), ("!keep.txt", "other.txt", false, true), ("!keep.txt", "keep.txt", false, false),
        ("[a-c].txt", "b.txt", false, true), ("\\*.txt", "*.txt", false, true), ("?.txt", "ab.txt", false, false),
    ])
    func ignoreRules(_ rule: String, _ path: String, _ isDirectory: Bool, _ ignored: Bool) throws {
        let rules = try HelmIgnore(parsing: Array(rule.utf8))
        #expect(rules.ignores(path, isDirectory: isDirectory) == ignored)
    }

    /// Rules without metacharacters, and `*` followed by a literal, skip the
    /// pattern matcher: each must answer as `filepath.Match` does.
    @Test(arguments: ["*.swp", "*~", "*", ".git", ".DS_Store", "*.tar.gz", "a/b", "*b", "", "*.", "templates/.?*", "/*.swp", "/a"])
    func ignoreShortcutsAgreeWithMatch(_ rule: String) throws {
        let rules = try HelmIgnore(parsing: Array(rule.utf8))
        let names = ["", "a", "b", "ab", "a/b", "x/ab", "a.swp", "dir/a.swp", ".swp", "swp", "a.swpx", "~", "a~", "a/~",
                     ".git", "x/.git", ".gitx", ".DS_Store", "f.tar.gz", "tar.gz", "a.b/c", "a.", "templates/.x", "é.swp"]
        for name in names {
            let target = rule.contains("/") ? name : GoPath.base(name)
            let pattern = rule.hasPrefix("/") ? String(rule.dropFirst()) : rule
            let expected = (try? GoPathMatch.match(pattern, target).get()) ?? false
            #expect(rules.ignores(name, isDirectory: false) == (expected && !name.isEmpty), "rule \(rule) name \(name)")
        }
    }

    @Test func ignoreRuleErrors() {
        expectError("double-star (**) syntax is not supported") { try HelmIgnore(parsing: Array("a/**".utf8)) }
        expectError("syntax error in pattern") { try HelmIgnore(parsing: Array("[a".utf8)) }
    }

    // MARK: .Files

    @Test(arguments: [
        ("files/*", ["files/a.txt"]), ("files/**", ["files/a.txt", "files/sub/b.txt"]), ("**.txt", ["files/a.txt", "files/sub/b.txt", "top.txt"]),
        ("*.txt", ["top.txt"]), ("{top,files/a}.txt", ["files/a.txt", "top.txt"]), ("[!f]*", ["top.txt"]),
        ("?op.txt", ["top.txt"]), ("[", ["files/a.txt", "files/sub/b.txt", "top.txt"]),
    ])
    func glob(_ pattern: String, _ expected: [String]) {
        let files = ChartFilesData(files: ["files/a.txt": [], "files/sub/b.txt": [], "top.txt": []])
        #expect(files.glob(pattern).sortedPaths.map(\.text) == expected)
    }

    @Test func linesAndConfig() throws {
        let files = ChartFilesData(files: ["a.txt": Array("x\ny\n".utf8), "empty": [], "d/b.bin": [0, 1, 2],
                                           "crlf.txt": Array("a\r\nb\r\n".utf8), "open.txt": Array("a\n\nb".utf8)])
        #expect(try files.lines("a.txt").get() == ["x", "y"])
        // Split on "\n" bytes only (helm4: ["a\r","b\r"], 2 lines).
        #expect(try files.lines("crlf.txt").get() == ["a\r", "b\r"])
        #expect(try files.lines("open.txt").get() == ["a", "", "b"])
        #expect(try files.lines("missing").get() == [])
        #expect(throws: ChartFilesData.LinesError()) { try files.lines("empty").get() }
        #expect(files.glob("a.txt").asConfig() == "a.txt: |\n  x\n  y")
        #expect(files.glob("d/*").asSecrets() == "b.bin: AAEC")
        #expect(files.get("missing") == "")
    }

    // MARK: Archives

    @Test func archiveSizeMessageDiffers() {
        expectError("EOF") { try ChartLoader(helm: .v3).archiveFiles([]) }
        expectError("gzip: invalid header") { try ChartLoader(helm: .v4).archiveFiles([1, 2, 3, 4]) }
    }

    @Test func pathClean() {
        #expect(GoPath.clean("a/../../b") == "../b")
        #expect(GoPath.clean("./a//b/") == "a/b")
        #expect(GoPath.clean("") == ".")
    }
}
