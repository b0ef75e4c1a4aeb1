import Foundation
import Testing
import TestSupport
@testable import ChartunitCLI

/// ``Chartunit/parsedTest(_:)``: `test …` parsed by `test` alone gives the
/// command the full parse gives, and leaves everything else to it.
@Suite struct TestParsingTests {
    static func dump(_ command: Any) -> String {
        var text = ""
        Swift.dump(command, to: &text)
        return text
    }

    @Test(arguments: [
        ["test", "."],
        ["test", "-j", "1", "."],
        ["test", "--jobs=2", "-f", "tests/*.yaml", "--file", "x/*_test.yaml", "a", "b"],
        ["test", "-u", "-q", "--strict", "-t", "JUnit", "-o", "out.xml", "."],
        ["test", "--no-with-subchart", "--color", "-s", "-d", "."],
        ["test", "-v", "v1.yaml", "--values", "v2.yaml", "--helm-version", "4", "--coverage", "."],
        ["test", "--coverage-format", "lcov", "--coverage-include", "templates/**", "--shard", "1/2", "."],
        ["test", "--", "-odd-chart-name"],
        ["test", "-", "--jobs", "+2", "."],
        ["test", ".", "-j", "1", "other", "--output-file=o.xml", "--coverage-exclude", "a/**", "--coverage-exclude=b"],
        ["test", "--changed-since", "main", "--recursive", "--annotations", "none", "--summary-json", "s.json", "."],
        ["test", "--timings", "t.json", "--record-timings", "r.json", "--shard=2/3", "--show-kube-carry-over", "."],
        ["test", "-o", "", "--chart-tests-path", "tests/chart", "--skip-schema-validation", "--watch", "--no-color", "."],
        ["test", "--annotations-file", "a.json", "--coverage-dir", "c", "--coverage-threshold", "lines=1", "--debugPlugin", "."],
    ])
    func sameCommand(_ arguments: [String]) throws {
        let fast = try #require(Chartunit.parsedTest(arguments))
        let full = try Chartunit.parseAsRoot(arguments)
        #expect(full is TestCommand)
        #expect(Self.dump(fast) == Self.dump(full))
        let scanned = try #require(TestArgumentScan.command(arguments.dropFirst()))
        #expect(Self.dump(scanned) == Self.dump(full))
    }

    /// Forms the scan leaves to ArgumentParser, which still parses them.
    @Test(arguments: [
        ["test", "-uq", "."], ["test", "-j1", "."], ["test", "-t=JUnit", "."], ["test", "-j", "1", "-j", "2", "."],
        ["test", "--strict", "--strict", "."], ["test", "-d", "--debugPlugin", "."], ["test", "-f", "-x.yaml", "."],
        ["test", "--color", "--no-color", "."], ["test", "--output-file=", "."],
    ])
    func scanDefers(_ arguments: [String]) {
        #expect(TestArgumentScan.command(arguments.dropFirst()) == nil)
        let full = try? Chartunit.parseAsRoot(arguments)
        #expect(Chartunit.parsedTest(arguments).map(Self.dump) == full.map(Self.dump))
    }

    /// The scan knows each name `test` declares, as the kind it is, and no other.
    @Test func scanKnowsEveryName() throws {
        struct Info: Decodable {
            struct Command: Decodable { var arguments: [Argument] }
            struct Argument: Decodable {
                struct Name: Decodable { var kind: String; var name: String }
                var kind: String
                var isRepeating: Bool
                var names: [Name]?
            }
            var command: Command
        }
        let info = try JSONDecoder().decode(Info.self, from: Data(TestCommand._dumpHelp().utf8))
        var declared: [String: String] = [:]
        for argument in info.command.arguments {
            let kind = argument.kind == "option" ? (argument.isRepeating ? "repeated" : "value") : argument.kind
            for name in argument.names ?? [] {
                declared[(name.kind == "short" ? "-" : "--") + name.name] = kind
            }
        }
        declared["--help"] = nil
        declared["-h"] = nil
        declared["--version"] = nil
        let scanned = TestArgumentScan.actions.mapValues { action in
            switch action {
            case .flag: "flag"
            case .value: "value"
            case .repeated: "repeated"
            }
        }
        #expect(scanned == declared)
    }

    /// Random command lines: whatever the scan reads, ArgumentParser reads the same.
    @Test func scanAgreesOnRandomCommandLines() {
        let tokens = TestArgumentScan.actions.keys.sorted() + [
            ".", "chart", "1", "0", "-1", "+3", "x", "", "a.yaml", "-", "--", "JUnit", "tests/*.yaml", "2/4",
            "--jobs=3", "--file=b.yaml", "--strict=x", "-uq", "-j2", "--output-type=", "--bogus", "=", "-t=x",
        ]
        var generator = SplitMix64(state: 17)
        var scanned = 0
        for _ in 0..<4000 {
            let count = Int.random(in: 0...7, using: &generator)
            let arguments = (0..<count).map { _ in tokens.randomElement(using: &generator)! }
            guard let scan = TestArgumentScan.command(arguments[...]) else { continue }
            scanned += 1
            let full = try? TestCommand.parseAsRoot(arguments)
            #expect(full.map(Self.dump) == Self.dump(scan), "\(arguments)")
        }
        #expect(scanned > 300)
    }

    /// The comparison sees the parsed values.
    @Test func dumpsShowValues() throws {
        let one = try #require(Chartunit.parsedTest(["test", "-j", "1", "."]))
        let two = try #require(Chartunit.parsedTest(["test", "-j", "2", "."]))
        #expect(Self.dump(one) != Self.dump(two))
    }

    /// Help, version, completions, other commands and mistakes take the full parse.
    @Test(arguments: [
        ["test", "--help"], ["test", "-h"], ["help", "test"], ["test", "help"], ["--version"], ["test", "--version"],
        ["render", "."], ["test"], ["test", "--bogus", "."], ["test", "-j", "x", "."], ["test", "--with-subchart=maybe", "."],
        ["test", "--generate-completion-script", "bash"], [],
    ])
    func fullParse(_ arguments: [String]) {
        #expect(Chartunit.parsedTest(arguments) == nil)
    }
}
