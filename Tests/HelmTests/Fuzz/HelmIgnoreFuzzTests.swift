import Foundation
@testable import Helm
import Testing
import TestSupport

/// `.helmignore` parsing (`HelmIgnore(parsing:)`) and matching, seeded with
/// the conformance charts' `.helmignore` files and a few realistic ones.
@Suite struct HelmIgnoreFuzzTests {
    static let written: [String] = [
        // `helm create`'s file.
        """
        # Patterns to ignore when building packages.
        # This supports shell glob matching, relative path matching, and
        # negation (prefixed with !). Only one pattern per line.
        .DS_Store
        # Common VCS dirs
        .git/
        .gitignore
        .bzr/
        .bzrignore
        .hg/
        .hgignore
        .svn/
        # Common backup files
        *.swp
        *.bak
        *.tmp
        *.orig
        *~
        # Various IDEs
        .project
        .idea/
        *.tmproj
        .vscode/

        """,
        "/ci/\ntests/\n!tests/keep.yaml\n*.md\n!README.md\ntemplates/*.txt\n/Chart.lock\n[Dd]ocs/\nvalues-?.yaml\n\\#hash\n",
        "\u{FEFF}secrets/*.yaml\r\n!secrets/public.yaml\r\n   # indented comment\r\nfiles/[a-c]*\r\nfiles/[!x]?.json\r\nfiles/[^0-9]\r\n",
        "**/*.bak\n",
        "[a\n",
        "a/b/c/\n/a/*/c\n*/*/*\n\\*\n\\[x]\nx\\\n",
    ]

    static let seeds: [[UInt8]] = fuzzSeedFiles(under: Fixtures.conformance) { $0.hasSuffix(".helmignore") }
        + written.map { Array($0.utf8) }

    static let mutator = FuzzMutator(
        tokens: ["*", "?", "[", "]", "[!", "[^", "[a-z]", "[]", "\\", "\\*", "!", "/", "**", "#", "-", "\n", "\r\n", " ",
                 ".", "..", "templates/", "*.yaml", "a/*/b", "[\\]]", "[a-]", "[-a]", "[z-a]", "\u{FEFF}"],
        alphabet: "*?[]!^\\/#-. \nabcxyz09",
        bursts: [("[", "]"), ("*", ""), ("a/", ""), ("[!", "]")],
        maxLength: 16 * 1024)

    /// Paths a chart might hold, files and directories.
    static let paths: [(String, Bool)] = [
        ("Chart.yaml", false), ("values.yaml", false), ("templates", true), ("templates/deployment.yaml", false),
        ("templates/.hidden", false), ("templates/_helpers.tpl", false), ("charts/sub", true), ("charts/sub/values.yaml", false),
        (".git", true), (".git/config", false), ("ci/values-1.yaml", false), ("a/b/c/d.txt", false), ("a/b/c", true),
        ("README.md", false), ("x.tgz", false), ("files/a.json", false), ("files/x1.json", false), ("docs", true),
        ("#hash", false), ("*", false), ("[", false), ("\\", false), ("é/ü.yaml", false), ("", false), (".", true),
    ]

    @Test func mutatedIgnoreFilesParseOrFail() async {
        let summary = await runFuzz("helmignore", seeds: Self.seeds, mutator: Self.mutator, defaultCount: 500, seed: 0x16) { input in
            guard var rules = try? HelmIgnore(parsing: input) else { return .rejected }
            rules.addDefaults()
            for (path, isDirectory) in Self.paths {
                _ = rules.ignores(path, isDirectory: isDirectory)
            }
            // The lines themselves as paths: long, odd names against every rule.
            for line in input.split(separator: UInt8(ascii: "\n")).prefix(8) {
                let path = String(decoding: line.prefix(2_048), as: UTF8.self)
                _ = rules.ignores(path, isDirectory: false)
                _ = rules.ignores(path, isDirectory: true)
            }
            return .accepted
        }
        #expect(summary.accepted > 0)
    }
}
