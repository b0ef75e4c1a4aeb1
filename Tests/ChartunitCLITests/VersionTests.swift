import Testing
@testable import ChartunitCLI

@Suite struct VersionTests {
    @Test func versionCommandParses() throws {
        let command = try Chartunit.parseAsRoot(["version"])
        #expect(command is VersionCommand)
        #expect(!ChartunitVersion.string.isEmpty)
    }
}
