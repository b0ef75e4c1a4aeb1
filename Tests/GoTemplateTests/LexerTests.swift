@testable import GoTemplate
import Testing

/// Go's lexTests shape: input → the item stream (type and text).
struct LexRow: Sendable, CustomStringConvertible {
    var name: String
    var input: String
    var items: [String]
    var description: String { name }
}

private func lexAll(_ input: String) -> [String] {
    var lexer = Lexer(Array(input.utf8))
    var out: [String] = []
    while true {
        let item = lexer.nextItem()
        out.append("\(item.type):\(lexer.text(of: item))")
        if item.type == .eof || item.type == .error { return out }
    }
}

@Suite struct LexerTests {
    static let rows: [LexRow] = [
        LexRow(name: "empty", input: "", items: ["eof:"]),
        LexRow(name: "spaces", input: " \t\n", items: ["text: \t\n", "eof:"]),
        LexRow(name: "text", input: "now is the time", items: ["text:now is the time", "eof:"]),
        LexRow(name: "text with comment", input: "hello-{{/* this is a comment */}}-world",
               items: ["text:hello-", "text:-world", "eof:"]),
        LexRow(name: "punctuation", input: "{{,@% }}",
               items: ["leftDelim:{{", "char:,", "char:@", "char:%", "space: ", "rightDelim:}}", "eof:"]),
        LexRow(name: "parens", input: "{{((3))}}",
               items: ["leftDelim:{{", "leftParen:(", "leftParen:(", "number:3", "rightParen:)", "rightParen:)", "rightDelim:}}", "eof:"]),
        LexRow(name: "empty action", input: "{{}}", items: ["leftDelim:{{", "rightDelim:}}", "eof:"]),
        LexRow(name: "for", input: "{{for}}", items: ["leftDelim:{{", "identifier:for", "rightDelim:}}", "eof:"]),
        LexRow(name: "block", input: "{{block \"foo\" .}}",
               items: ["leftDelim:{{", "block:block", "space: ", "string:\"foo\"", "space: ", "dot:.", "rightDelim:}}", "eof:"]),
        LexRow(name: "quote", input: "{{\"abc \\n\\t\\\" \"}}", items: ["leftDelim:{{", "string:\"abc \\n\\t\\\" \"", "rightDelim:}}", "eof:"]),
        LexRow(name: "raw quote with newline", input: "{{`now is{{\n}}the time`}}",
               items: ["leftDelim:{{", "rawString:`now is{{\n}}the time`", "rightDelim:}}", "eof:"]),
        LexRow(name: "numbers", input: "{{1 02 0x14 0X14 -7.2i 1e3 1E3 +1.2e-4 4.2i 1+2i 1_2 0x1.e_fp4 0X1.E_FP4}}",
               items: ["leftDelim:{{", "number:1", "space: ", "number:02", "space: ", "number:0x14", "space: ", "number:0X14", "space: ",
                       "number:-7.2i", "space: ", "number:1e3", "space: ", "number:1E3", "space: ", "number:+1.2e-4", "space: ",
                       "number:4.2i", "space: ", "complex:1+2i", "space: ", "number:1_2", "space: ", "number:0x1.e_fp4", "space: ",
                       "number:0X1.E_FP4", "rightDelim:}}", "eof:"]),
        LexRow(name: "characters", input: "{{'a' '\\n' '\\'' '\\\\' '\\u00FF' '\\xFF' '本'}}",
               items: ["leftDelim:{{", "charConstant:'a'", "space: ", "charConstant:'\\n'", "space: ", "charConstant:'\\''", "space: ",
                       "charConstant:'\\\\'", "space: ", "charConstant:'\\u00FF'", "space: ", "charConstant:'\\xFF'", "space: ",
                       "charConstant:'本'", "rightDelim:}}", "eof:"]),
        LexRow(name: "bools", input: "{{true false}}",
               items: ["leftDelim:{{", "bool:true", "space: ", "bool:false", "rightDelim:}}", "eof:"]),
        LexRow(name: "dot", input: "{{.}}", items: ["leftDelim:{{", "dot:.", "rightDelim:}}", "eof:"]),
        LexRow(name: "nil", input: "{{nil}}", items: ["leftDelim:{{", "nilKeyword:nil", "rightDelim:}}", "eof:"]),
        LexRow(name: "dots", input: "{{.x . .2 .x.y.z}}",
               items: ["leftDelim:{{", "field:.x", "space: ", "dot:.", "space: ", "number:.2", "space: ", "field:.x", "field:.y", "field:.z",
                       "rightDelim:}}", "eof:"]),
        LexRow(name: "keywords", input: "{{range if else end with}}",
               items: ["leftDelim:{{", "range:range", "space: ", "ifKeyword:if", "space: ", "elseKeyword:else", "space: ", "end:end",
                       "space: ", "with:with", "rightDelim:}}", "eof:"]),
        LexRow(name: "variables", input: "{{$c := printf $ $hello $23 $ $var.Field .Method}}",
               items: ["leftDelim:{{", "variable:$c", "space: ", "declare::=", "space: ", "identifier:printf", "space: ", "variable:$",
                       "space: ", "variable:$hello", "space: ", "variable:$23", "space: ", "variable:$", "space: ", "variable:$var",
                       "field:.Field", "space: ", "field:.Method", "rightDelim:}}", "eof:"]),
        LexRow(name: "variable invocation", input: "{{$x 23}}",
               items: ["leftDelim:{{", "variable:$x", "space: ", "number:23", "rightDelim:}}", "eof:"]),
        LexRow(name: "pipeline", input: "intro {{echo hi 1.2 |noargs|args 1 \"hi\"}} outro",
               items: ["text:intro ", "leftDelim:{{", "identifier:echo", "space: ", "identifier:hi", "space: ", "number:1.2", "space: ",
                       "pipe:|", "identifier:noargs", "pipe:|", "identifier:args", "space: ", "number:1", "space: ", "string:\"hi\"",
                       "rightDelim:}}", "text: outro", "eof:"]),
        LexRow(name: "declaration", input: "{{$v := 3}}",
               items: ["leftDelim:{{", "variable:$v", "space: ", "declare::=", "space: ", "number:3", "rightDelim:}}", "eof:"]),
        LexRow(name: "2 declarations", input: "{{$v , $w := 3}}",
               items: ["leftDelim:{{", "variable:$v", "space: ", "char:,", "space: ", "variable:$w", "space: ", "declare::=", "space: ",
                       "number:3", "rightDelim:}}", "eof:"]),
        LexRow(name: "field of parenthesized expression", input: "{{(.X).Y}}",
               items: ["leftDelim:{{", "leftParen:(", "field:.X", "rightParen:)", "field:.Y", "rightDelim:}}", "eof:"]),
        LexRow(name: "trimming spaces before and after", input: "hello- {{- 3 -}} -world",
               items: ["text:hello-", "leftDelim:{{", "number:3", "rightDelim:}}", "text:-world", "eof:"]),
        LexRow(name: "trimming spaces before and after comment", input: "hello- {{- /* hello */ -}} -world",
               items: ["text:hello-", "text:-world", "eof:"]),
        LexRow(name: "trim marker needs a space", input: "{{-3}}", items: ["leftDelim:{{", "number:-3", "rightDelim:}}", "eof:"]),
        LexRow(name: "badchar", input: "#{{\u{1}}}", items: ["text:#", "leftDelim:{{", "error:unrecognized character in action: U+0001"]),
        LexRow(name: "unclosed action", input: "{{", items: ["leftDelim:{{", "error:unclosed action"]),
        LexRow(name: "EOF in action", input: "{{range", items: ["leftDelim:{{", "range:range", "error:unclosed action"]),
        LexRow(name: "unclosed quote", input: "{{\"\n\"}}", items: ["leftDelim:{{", "error:unterminated quoted string"]),
        LexRow(name: "unclosed raw quote", input: "{{`xx}}", items: ["leftDelim:{{", "error:unterminated raw quoted string"]),
        LexRow(name: "unclosed char constant", input: "{{'\n}}", items: ["leftDelim:{{", "error:unterminated character constant"]),
        LexRow(name: "bad number", input: "{{3k}}", items: ["leftDelim:{{", "error:bad number syntax: \"3k\""]),
        LexRow(name: "unclosed paren", input: "{{(3}}", items: ["leftDelim:{{", "leftParen:(", "number:3", "error:unclosed left paren"]),
        LexRow(name: "extra right paren", input: "{{3)}}", items: ["leftDelim:{{", "number:3", "error:unexpected right paren"]),
        LexRow(name: "long pipeline deadlock", input: "{{|||||}}",
               items: ["leftDelim:{{", "pipe:|", "pipe:|", "pipe:|", "pipe:|", "pipe:|", "rightDelim:}}", "eof:"]),
        LexRow(name: "text with bad comment", input: "hello-{{/*/}}-world", items: ["text:hello-", "error:unclosed comment"]),
        LexRow(name: "text with comment close separated from delim", input: "hello-{{/* */ }}-world",
               items: ["text:hello-", "error:comment ends before closing delimiter"]),
        LexRow(name: "unmatched right delimiter", input: "hello-{.}}-world", items: ["text:hello-{.}}-world", "eof:"]),
        LexRow(name: "bad field", input: "{{.x€}}", items: ["leftDelim:{{", "error:bad character U+20AC '€'"]),
        LexRow(name: "assign", input: "{{$x = 1}}",
               items: ["leftDelim:{{", "variable:$x", "space: ", "assign:=", "space: ", "number:1", "rightDelim:}}", "eof:"]),
        LexRow(name: "expected colon equals", input: "{{$x : 1}}",
               items: ["leftDelim:{{", "variable:$x", "space: ", "error:expected :="]),
    ]

    @Test(arguments: rows)
    func lex(_ row: LexRow) {
        #expect(lexAll(row.input) == row.items)
    }

    @Test func breakIsAnIdentifierWhenAFunctionIsNamedBreak() {
        var lexer = Lexer(Array("{{break}}".utf8))
        lexer.breakOK = false
        _ = lexer.nextItem()
        #expect(lexer.nextItem().type == .identifier)
    }

    @Test func itemLines() {
        var lexer = Lexer(Array("a\n{{ 1\n 2 }}\nb".utf8))
        var lines: [Int] = []
        while true {
            let item = lexer.nextItem()
            lines.append(item.line)
            if item.type == .eof { break }
        }
        #expect(lines == [1, 2, 2, 2, 2, 3, 3, 3, 3, 4])
    }
}
