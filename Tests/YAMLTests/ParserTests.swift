import Diagnostics
import Testing
@testable import YAML

@Suite struct ParserTests {
    @Test func mappingKeepsSourceOrderAndPositions() throws {
        let docs = try YAMLParser.parseStream("b: 1\na:\n  - x\n  - 'y'\n", file: "v.yaml")
        #expect(docs.count == 1)
        let root = try #require(docs[0].root)
        guard case .mapping(let pairs) = root.content else { Issue.record("not a mapping"); return }
        #expect(pairs.map { $0.key.scalarText } == ["b", "a"])
        #expect(pairs[1].value.location.line == 3)
        #expect(pairs[1].value.location.column == 3)
        #expect(pairs[1].value.location.file == "v.yaml")
        guard case .sequence(let items) = pairs[1].value.content else { Issue.record("not a sequence"); return }
        guard case .scalar("y", .singleQuoted) = items[1].content else { Issue.record("style lost"); return }
    }

    @Test func aliasesAreResolvedAndMarked() throws {
        let docs = try YAMLParser.parseStream("a: &x {k: v}\nb: *x\n")
        guard case .mapping(let pairs) = try #require(docs[0].root).content else { return }
        #expect(pairs[0].value.anchor == "x")
        #expect(pairs[1].value.isAlias)
        guard case .mapping(let inner) = pairs[1].value.content else { Issue.record("alias not expanded"); return }
        #expect(inner.first?.value.scalarText == "v")
    }

    @Test(arguments: [
        ("", 0), ("---\n", 1), ("a: 1\n---\nb: 2\n", 2), ("---\n---\n", 2), ("a: 1\n...\n---\nb\n", 2), ("# only a comment\n", 0),
    ])
    func multiDocumentStreams(text: String, count: Int) throws {
        #expect(try YAMLParser.parseStream(text).count == count)
    }

    @Test func emptyDocumentHasNullScalarRoot() throws {
        let docs = try YAMLParser.parseStream("---\n---\na: 1\n")
        #expect(docs[0].root?.scalarText == "")
    }

    @Test func tagsAreLongForm() throws {
        let docs = try YAMLParser.parseStream("a: !!str 1\nb: !custom x\nc: ! 2\n")
        guard case .mapping(let pairs) = try #require(docs[0].root).content else { return }
        #expect(pairs[0].value.tag == "tag:yaml.org,2002:str")
        #expect(pairs[0].value.shortTag == "!!str")
        #expect(pairs[1].value.tag == "!custom")
        #expect(pairs[2].value.tag == "!")
    }

    /// Malformed input gives libyaml's problem text with go-yaml's line rule.
    @Test(arguments: [
        ("a: \"unclosed\n", "yaml: line 2: found unexpected end of stream"),
        ("a: 1\n b: 2\n", "yaml: line 2: mapping values are not allowed in this context"),
        ("a:\n\t- 1\n", "yaml: line 2: found character that cannot start any token"),
        ("a: [1, 2\n", "yaml: line 1: did not find expected ',' or ']'"),
        ("- a\nb: 1\n", "yaml: line 1: did not find expected '-' indicator"),
        ("a: 'x\n", "yaml: line 2: found unexpected end of stream"),
        ("\u{01}", "yaml: control characters are not allowed"),
    ])
    func syntaxErrors(text: String, message: String) throws {
        do {
            _ = try YAMLParser.parseStream(text, file: "bad.yaml", dialect: .v2)
            Issue.record("no error for \(text.debugDescription)")
        } catch {
            #expect(error.message == message)
            #expect(error.kind == .yamlSyntax)
            #expect(error.location?.file == "bad.yaml")
            #expect((error.location?.line ?? 0) >= 1)
            #expect((error.location?.column ?? 0) >= 1)
        }
    }

    @Test(arguments: [
        ("a: *nope\n", "yaml: unknown anchor 'nope' referenced", 1, 4),
        ("a: &x [*x]\n", "yaml: anchor 'x' value contains itself", 1, 8),
    ])
    func aliasErrorsAreLocated(text: String, message: String, line: Int, column: Int) throws {
        do {
            _ = try YAMLParser.parseStream(text, file: "a.yaml")
            Issue.record("no error for \(text.debugDescription)")
        } catch {
            #expect(error.kind == .yamlAlias)
            #expect(error.message == message)
            #expect(error.location == SourceLocation(file: "a.yaml", line: line, column: column, offset: column - 1))
        }
    }

    @Test func unknownEscapeHasItsOwnKind() {
        #expect(throws: LocatedError.self) { _ = try YAMLParser.parseStream("a: \"\\q\"\n") }
        do {
            _ = try YAMLParser.parseStream("a: \"\\q\"\n")
        } catch {
            #expect(error.kind == .yamlUnknownEscape)
        }
    }

    /// Like go-yaml's Unmarshal, a limit of one document never looks past it.
    @Test func limitStopsBeforeLaterErrors() throws {
        let docs = try YAMLParser.parseStream("a: 1\n---\n[unclosed\n", limit: 1)
        #expect(docs.count == 1)
        #expect(throws: LocatedError.self) { _ = try YAMLParser.parseStream("a: 1\n---\n[unclosed\n") }
    }
}
