import TestSupport
import Testing
import Values
@testable import PathQuery

/// `reflect.DeepEqual` on go-yaml v3 decoded values (rows checked in Go).
let deepEqualRows: [(a: String, b: String, equal: Bool)] = [
    ("2021-01-01", "2021-01-01", true),
    ("2021-01-01T10:00:00+02:00", "2021-01-01T10:00:00+02:00", true),
    ("2021-01-01T10:00:00Z", "2021-01-01T12:00:00+02:00", false),
    ("3", "3.0", false),
    ("3", "3", true),
    ("'3'", "3", false),
    ("[1]", "[1]", true),
    ("{}", "{}", true),
    ("{a: 1, b: [x]}", "{b: [x], a: 1}", true),
    ("{a: 1}", "{a: 1, b: 2}", false),
    (".nan", ".nan", false),
    ("null", "null", true),
    ("null", "''", false),
    ("true", "true", true),
]

@Test(arguments: deepEqualRows)
func deepEqualFollowsGo(_ row: (a: String, b: String, equal: Bool)) {
    let a = v3Document("v: " + row.a), b = v3Document("v: " + row.b)
    #expect(goDeepEqual(a.mapValue?["v"] ?? .null, b.mapValue?["v"] ?? .null) == row.equal)
}

@Test func deepEqualDistinguishesIntKinds() {
    #expect(!goDeepEqual(.int(1, .int), .int(1, .int64)))
    #expect(!goDeepEqual(.int(1), .float(1)))
}

/// The manifest round trip helm-unittest makes before searching: floats
/// with an integral value below 1e6 come back as ints (checked in Go).
let roundTripRows: [(yaml: String, path: String, expected: String)] = [
    ("f: 1.0", "f", "[int(1)]"),
    ("f: 3.0", "f", "[int(3)]"),
    ("f: -0.0", "f", "[int(0)]"),
    ("f: 999999.0", "f", "[int(999999)]"),
    ("f: 1000000.0", "f", "[float64(1e+06)]"),
    ("f: 2.5", "f", "[float64(2.5)]"),
    ("f: 1e-5", "f", "[float64(1e-05)]"),
    ("f: 3.0", "", "[map{f: 3;}]"),
    ("s: '3'", "s", "[\"3\"]"),
    ("s: 'true'", "s", "[\"true\"]"),
    ("t: 2021-01-01", "t", "[time.Time(2021-01-01 00:00:00 +0000 UTC)]"),
    ("n: null", "n", "[nil]"),
    ("n: ~", "n", "[nil]"),
    ("u: 18446744073709551615", "u", "[uint64(18446744073709551615)]"),
]

@Test(arguments: roundTripRows)
func roundTripTypesFollowGo(_ row: (yaml: String, path: String, expected: String)) throws {
    #expect(try renderFind(row.path, in: QueryDocument(v3Document(row.yaml))) == row.expected)
}

@Test func emptyPathReturnsTheDocumentUntouched() throws {
    let doc = v3Document("f: 3.0")
    let found = try Path("").find(in: doc)
    #expect(found.count == 1)
    #expect(goDeepEqual(found[0], doc))
    #expect(found[0].mapValue?["f"].map { goDeepEqual($0, .float(3)) } == true)
}

let selectorDocuments: [Value] = [
    v3Document("kind: Deployment\nmetadata: {name: a}\nspec: {replicas: 2}"),
    v3Document("kind: Service\nmetadata: {name: a}"),
    v3Document("kind: Deployment\nmetadata: {name: b}\nspec: {replicas: 2.0}"),
]

@Test func selectorMatchesPathAndValue() throws {
    let byKind = try DocumentSelector(path: "kind", value: .string("Service"))
    #expect(try byKind.selectDocuments(selectorDocuments).count == 1)
    let anyName = try DocumentSelector(path: "metadata.name", matchMany: true)
    #expect(try anyName.selectDocuments(selectorDocuments).count == 3)
    // 2.0 is re-encoded as 2 and compares equal to the int 2.
    let replicas = try DocumentSelector(path: "spec.replicas", value: .int(2), matchMany: true)
    #expect(try replicas.selectDocuments(selectorDocuments).count == 2)
}

@Test func selectorErrors() throws {
    let many = try DocumentSelector(path: "kind", value: .string("Deployment"))
    expectError("multiple indexes found") { try many.selectDocuments(selectorDocuments) }
    let none = try DocumentSelector(path: "kind", value: .string("Secret"))
    expectError("document not found") { try none.selectDocuments(selectorDocuments) }
    let skip = try DocumentSelector(path: "kind", value: .string("Secret"), skipEmptyTemplates: true)
    #expect(try skip.selectDocuments(selectorDocuments).isEmpty)
    let across = try DocumentSelector(path: "kind", value: .string("Service"))
    expectError("multiple indexes found") {
        try across.selectDocuments(byTemplate: [("a.yaml", selectorDocuments), ("b.yaml", selectorDocuments)])
    }
    let kept = try skip.selectDocuments(byTemplate: [("a.yaml", selectorDocuments)])
    #expect(kept.isEmpty)
    expectError("invalid path syntax at position 1, following \"$\"") {
        try DocumentSelector(path: "$$")
    }
}
