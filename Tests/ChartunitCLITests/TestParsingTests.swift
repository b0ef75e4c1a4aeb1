import Testing
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
    ])
    func sameCommand(_ arguments: [String]) throws {
        let fast = try #require(Chartunit.parsedTest(arguments))
        let full = try Chartunit.parseAsRoot(arguments)
        #expect(fast is TestCommand)
        #expect(Self.dump(fast) == Self.dump(full))
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
