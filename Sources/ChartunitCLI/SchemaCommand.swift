import ArgumentParser
import UnitTest

/// `chartunit schema`: prints the JSON Schema of suite files, for editors.
struct SchemaCommand: OutcomeCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of test suite files (for editor completion and validation).",
        discussion: """
            Every suite, test and assertion field chartunit accepts, with descriptions; the same \
            bytes as schema/chartunit-testsuite.json in the repository. Save it and point the YAML \
            language server at it with a first line like \
            `# yaml-language-server: $schema=chartunit-testsuite.json` (see docs/schema.md).
            """
    )

    func outcome(in context: ProcessContext) async -> CommandOutcome {
        CommandOutcome(stdout: SuiteSchema.json)
    }
}
