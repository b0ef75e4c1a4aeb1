import Foundation
import Testing
@testable import ChartunitCLI

@Suite struct SchemaCommandTests {
    /// `chartunit schema` prints schema/chartunit-testsuite.json exactly, and says so in its help.
    @Test func printsTheSchemaFile() async throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let file = try Data(contentsOf: repository.appendingPathComponent("schema/chartunit-testsuite.json"))
        let outcome = await CLI.run(["schema"])
        #expect(outcome.exitCode == 0 && outcome.stderr.isEmpty)
        #expect(Array(outcome.stdout.utf8) == Array(file))
        let help = await CLI.run(["schema", "--help"])
        #expect(help.stdout.contains("yaml-language-server"))
        let unknown = await CLI.run(["schema", "extra"])
        #expect(unknown.exitCode == 1)
    }
}
