import Foundation
import Testing
@testable import ChartunitCLI

/// `chartunit functions`: the function tables, in each format.
@Suite struct FunctionsCommandTests {
    static func run(_ arguments: [String]) async -> CommandOutcome {
        await CLI.run(["functions"] + arguments)
    }

    @Test func jsonHasEveryFamilyAndWhereEachNameGoes() async throws {
        let outcome = await Self.run(["--format", "json"])
        #expect(outcome.exitCode == 0)
        let object = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
        let families = object?["families"] as? [[String: Any]] ?? []
        #expect(families.count == 14)
        #expect(families.first?["id"] as? String == "go-builtins")
        #expect(families.last?["id"] as? String == "helm")
        let registered = object?["registered"] as? [String: Any] ?? [:]
        #expect(registered.count == 240)
        #expect(registered["slice"] as? String == "sprig-lists")
        #expect(registered["fail"] as? String == "helm")
        #expect(object?["helmVersion"] as? Int == 4)
    }

    @Test func helm3HasNoHelm4OnlyFunctions() async throws {
        let outcome = await Self.run(["--helm-version", "3", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
        let registered = object?["registered"] as? [String: Any] ?? [:]
        #expect(registered.count == 238)
        #expect(registered["mustToYaml"] == nil)
        #expect(registered["mustToJson"] as? String == "sprig-encoding")
    }

    @Test func textListsTheNamedFunctionsWithTheirFate() async throws {
        let outcome = await Self.run(["slice", "mustToYaml"])
        #expect(outcome.stdout == """
            Go text/template builtins
              slice       Go's `x[i:j:k]`. Never reached in Helm: Helm's function map replaces it with Sprig's \
            `slice` (see the Sprig lists table). (shadowed by Sprig's `slice`)

            Sprig: lists
              slice       Sprig's `slice LIST [START [END]]` (replaces Go's builtin in Helm): lists only, a string \
            is an error.

            Helm's own functions
              mustToYaml  Like `toYaml` but a marshalling error is an error. (Helm 4 only)

            """)
    }

    @Test func markdownIsOneTablePerFamily() async throws {
        let outcome = await Self.run(["--format", "markdown", "dig"])
        #expect(outcome.stdout == """
            # Template functions (Helm 4)

            ## Sprig: dicts

            | function | description |
            |---|---|
            | `dig` | `dig K1 K2… DEFAULT MAP`: nested lookup with a default (the map comes **last**); a non-map \
            on the way is an error. |

            """)
    }

    @Test func anUnknownNameFails() async throws {
        let outcome = await Self.run(["--helm-version", "3", "mustToYaml", "dig"])
        #expect(outcome.exitCode == 1)
        #expect(outcome.stderr == "Error: function \"mustToYaml\" not defined\n")
        #expect(throws: (any Error).self) { try Chartunit.parseAsRoot(["functions", "--helm-version", "5"]) }
    }
}
