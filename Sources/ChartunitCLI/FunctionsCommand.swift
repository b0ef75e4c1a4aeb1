import ArgumentParser
import Foundation
import GoTemplate
import Helm

/// `chartunit functions`: the template functions a chart can call, with
/// their one-line descriptions, from the tables the engine is built from.
struct FunctionsCommand: OutcomeCommand {
    static let configuration = CommandConfiguration(
        commandName: "functions",
        abstract: "List the template functions a chart can call, with a one-line description each.",
        discussion: """
            Go's text/template builtins, Sprig's functions and Helm's own, family by family, as the \
            engine registers them for the Helm version. A function another family's function of the \
            same name replaces is marked (shadowed). With --format json every entry carries its \
            alias target, its Helm 4 only flag and the family whose function a template reaches.
            """
    )

    @Argument(help: "Only these functions (default: all).")
    var names: [String] = []
    @Option(help: "text, json or markdown.")
    var format: FunctionsFormat = .text
    @Option(help: "Helm dialect: 4 (helm template today) or 3 (Helm 3.20, as in helm-unittest).")
    var helmVersion = 4

    func validate() throws {
        guard helmVersion == 3 || helmVersion == 4 else {
            throw ValidationError("--helm-version must be 3 or 4")
        }
    }

    func outcome(in context: ProcessContext) async -> CommandOutcome {
        let library = HelmFunctionLibrary(helm: helmVersion == 3 ? .v3 : .v4)
        let unknown = names.filter { library.familyID(reaching: $0) == nil }
        if !unknown.isEmpty {
            return .failure(unknown.map { "function \"\($0)\" not defined" }.joined(separator: "\n"))
        }
        let listing = FunctionListing(library: library, helmVersion: helmVersion, only: Set(names))
        switch format {
        case .text: return CommandOutcome(stdout: listing.text)
        case .markdown: return CommandOutcome(stdout: listing.markdown)
        case .json: return CommandOutcome(stdout: listing.json)
        }
    }
}

/// The output formats of `chartunit functions`.
enum FunctionsFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// One line per function, family by family.
    case text
    /// Everything the tables hold, for scripts (docs/functions.md is generated from it).
    case json
    /// One Markdown table per family.
    case markdown
}

/// The families of a library as `chartunit functions` prints them.
struct FunctionListing {
    /// A family with the entries to print.
    struct Family: Encodable {
        var id: String
        var library: String
        var title: String
        var intro: String?
        var functions: [Function]
    }

    /// One entry and the name's fate in the library.
    struct Function: Encodable {
        var name: String
        var doc: String
        var aliasOf: String?
        var helm4Only: Bool
        /// The family whose function of the same name a template gets instead of this one.
        var shadowedBy: String?
    }

    var helmVersion: Int
    var families: [Family]
    /// Every name a template can call → the family whose function it gets
    /// (null: a registered function no table documents).
    var registered: [String: String?]

    init(library: HelmFunctionLibrary, helmVersion: Int, only: Set<String> = []) {
        self.helmVersion = helmVersion
        libraryOfFamily = Dictionary(uniqueKeysWithValues: library.families.map { ($0.id, $0.library) })
        families = library.families.compactMap { family in
            let functions = family.entries.filter { only.isEmpty || only.contains($0.name) }.map { entry in
                let reached = library.familyID(reaching: entry.name)
                return Function(name: entry.name, doc: entry.doc, aliasOf: entry.aliasOf, helm4Only: entry.helm4Only,
                                shadowedBy: reached == family.id ? nil : reached)
            }
            guard !functions.isEmpty else { return nil }
            return Family(id: family.id, library: family.library, title: family.title, intro: family.intro,
                          functions: functions)
        }
        var registered: [String: String?] = [:]
        for name in Set(library.functions.keys).union(FunctionFamily.goBuiltins.functions.keys) {
            registered[name] = .some(library.familyID(reaching: name))
        }
        self.registered = only.isEmpty ? registered : registered.filter { only.contains($0.key) }
    }

    /// Family id → its library (`Sprig`), for the shadowing notes.
    private var libraryOfFamily: [String: String]

    /// The notes after a description: shadowed, Helm 4 only.
    private func notes(_ function: Function) -> String {
        var notes: [String] = []
        if function.helm4Only { notes.append("(Helm 4 only)") }
        if let winner = function.shadowedBy {
            notes.append("(shadowed by \(libraryOfFamily[winner] ?? winner)'s `\(function.name)`)")
        }
        return notes.map { " " + $0 }.joined()
    }

    /// Entries sorted as docs/functions.md sorts them.
    private static func sorted(_ functions: [Function]) -> [Function] {
        functions.sorted { ($0.name.lowercased(), $0.name) < ($1.name.lowercased(), $1.name) }
    }

    var text: String {
        let width = families.flatMap(\.functions).map(\.name.count).max() ?? 0
        return families.map { family in
            let lines = Self.sorted(family.functions).map { function in
                "  " + function.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + function.doc + notes(function)
            }
            return ([family.title] + lines).joined(separator: "\n") + "\n"
        }.joined(separator: "\n")
    }

    var markdown: String {
        var out = "# Template functions (Helm \(helmVersion))\n"
        for family in families {
            out += "\n## \(family.title)\n\n"
            if let intro = family.intro { out += intro + "\n\n" }
            out += "| function | description |\n|---|---|\n"
            for function in Self.sorted(family.functions) {
                let cell = (function.doc + notes(function)).replacingOccurrences(of: "|", with: "\\|")
                out += "| `\(function.name)` | \(cell) |\n"
            }
        }
        return out
    }

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

extension FunctionListing: Encodable {
    enum CodingKeys: String, CodingKey {
        case helmVersion, families, registered
    }
}
