import TestSupport
import Testing
import Values
@testable import PathQuery

/// `set:` keys and the map helm-unittest builds from them with the value
/// "V" (`valueutils.BuildValueOfSetPath`); checked against the Go code.
let setPathRows: [(path: String, expected: String)] = [
    ("a", #"{"a":"V"}"#),
    ("a.b", #"{"a":{"b":"V"}}"#),
    ("a[2]", #"{"a":[null,null,"V"]}"#),
    ("a[0].b", #"{"a":[{"b":"V"}]}"#),
    ("a[1][2]", #"{"a":[null,[null,null,"V"]]}"#),
    ("[a.b]", #"{"a.b":"V"}"#),
    ("podAnnotations.[prometheus.io/scrape]", #"{"podAnnotations":{"prometheus.io/scrape":"V"}}"#),
    ("a..b", #"{"a":{"":{"b":"V"}}}"#),
    ("[a]", #"{"a":"V"}"#),
    ("[a].b", #"{"a":{"b":"V"}}"#),
    ("[a][0]", #"{"a":["V"]}"#),
    ("é.ü", #"{"é":{"ü":"V"}}"#),
    ("a b.c", #"{"a b":{"c":"V"}}"#),
    ("[a.b.c].d[1]", #"{"a.b.c":{"d":[null,"V"]}}"#),
    ("a[+1]", #"{"a":[null,"V"]}"#),
    ("a.[]", #"{"a":{"":"V"}}"#),
    ("[]", #"{"":"V"}"#),
]

let setPathErrorRows: [(path: String, message: String)] = [
    ("", "set path is empty"),
    ("a[b.c]", "missing index value"),
    ("a,b", "invalid token found ,"),
    ("a{b", "invalid token found {"),
    ("a}b", "invalid token found }"),
    ("a=b", "invalid token found ="),
    ("a[", "unexpected end of"),
    ("a.", "unexpected end of"),
    (".", "unexpected end of"),
    ("..", "unexpected end of"),
    ("[a]x", "unexpected end of"),
    ("a]", "invalid key ]"),
    ("a[x]", #"strconv.Atoi: parsing "x": invalid syntax"#),
    ("a[-1]", "runtime error: index out of range [-1]"),
    ("a[-2]", "runtime error: makeslice: len out of range"),
    ("a[1", "unexpected end of"),
    ("a.[b", "unexpected end of"),
    ("a.[b.c", "unexpected end of"),
    ("a.[b[c]", "invalid escaping token ["),
    ("a.[b]c", "unexpected end of"),
    ("a[0]b", "unexpected end of"),
    ("a[0]]", "invalid denotation token ]"),
    ("[", "unexpected end of"),
    ("]", "invalid key ]"),
    ("a[99999999999999999999]", #"strconv.Atoi: parsing "99999999999999999999": value out of range"#),
    ("a[ 1]", #"strconv.Atoi: parsing " 1": invalid syntax"#),
]

@Test(arguments: setPathRows)
func setPathBuildsNestedValue(_ row: (path: String, expected: String)) throws {
    let built = try SetPath.buildValue(.string("V"), atSetPath: row.path)
    #expect(try GoJSON.encode(.map(built)) == row.expected)
}

@Test(arguments: setPathErrorRows)
func setPathReportsGoText(_ row: (path: String, message: String)) {
    expectError(row.message) { try SetPath.buildValue(.string("V"), atSetPath: row.path) }
}

@Test func setPathKeepsStructuredValues() throws {
    let value = Value.map(["x": .int(1), "l": .list([.bool(true)])])
    let built = try SetPath.buildValue(value, atSetPath: "a[1]")
    #expect(try GoJSON.encode(.map(built)) == #"{"a":[null,{"l":[true],"x":1}]}"#)
}
