import GoTemplate
import Testing
import Values

/// The documented function tables: Go's builtins, and how a family resolves
/// aliases, filters and merges.
@Suite struct FunctionFamilyTests {
    /// Go's builtins as text/template registers them (funcs.go).
    static let builtinNames = """
        and call eq ge gt html index js le len lt ne not or print printf println slice urlquery
        """.split(separator: " ").map(String.init)

    @Test func builtinsAreGosAndDocumented() {
        let family = FunctionFamily.goBuiltins
        #expect(family.id == "go-builtins")
        #expect(Set(family.functions.keys) == Set(Self.builtinNames))
        #expect(family.entries.count == Self.builtinNames.count)
        for entry in family.entries {
            #expect(!entry.doc.isEmpty, "\(entry.name)")
            #expect(entry.aliasOf == nil && !entry.helm4Only, "\(entry.name)")
        }
    }

    static let echo = TemplateFunction([.string], returns: .string) { args, _ in args[0] }
    static let shout = TemplateFunction([.string], returns: .string) { args, _ in .string((args[0].stringValue ?? "") + "!") }

    static func family(_ id: String, _ entries: [FunctionFamily.Entry]) -> FunctionFamily {
        FunctionFamily(id: id, library: "Test", title: id, entries)
    }

    @Test func anAliasSharesItsTargetsFunction() {
        let family = Self.family("t", [
            .alias("say", of: "echo", "Alias of `echo`."),
            .init("echo", "Its argument.", Self.echo),
            .init("shout", "Its argument and `!`.", Self.shout, helm4Only: true),
        ])
        #expect(family.functions.count == 3)
        #expect(family.functions["say"] === Self.echo)
        #expect(family.entries[0].aliasOf == "echo")
        #expect(family.entries[1].aliasOf == nil)
        let withoutShout = family.filter { !$0.helm4Only }
        #expect(Set(withoutShout.functions.keys) == ["say", "echo"])
        #expect(withoutShout.id == "t" && withoutShout.entries.map(\.name) == ["say", "echo"])
    }

    @Test func aLaterFamilyWins() {
        let first = Self.family("a", [.init("echo", "a", Self.echo), .init("only", "a", Self.echo)])
        let second = Self.family("b", [.init("echo", "b", Self.shout)])
        let merged = FunctionFamily.functions(of: [first, second])
        #expect(merged.count == 2)
        #expect(merged["echo"] === Self.shout)
        #expect(merged["only"] === Self.echo)
    }

    @Test func builtinsAnswerUnderAMapWithoutTheName() {
        #expect(render("{{ len \"abc\" }}").0 == "3")
        let map = FunctionMap(["len": Self.echo])
        #expect(render("{{ len \"abc\" }}", functions: map).0 == "abc")
    }
}
