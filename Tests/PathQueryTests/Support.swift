import GoStd
import Foundation
import Values
@testable import PathQuery

/// How the Go checking program printed results; rows compare against it.
func render(_ v: Value) -> String {
    switch v {
    case .null: return "nil"
    case .list(let l, _): return "[" + l.map(render).joined(separator: ", ") + "]"
    case .map:
        let yaml = (goYAMLv3Marshal(v, indent: 4) ?? "").replacingOccurrences(of: "\n", with: "; ")
        return "map{" + yaml.trimmingCharacters(in: .whitespaces) + "}"
    case .string(let s): return GoQuote.quote(s)
    default: return "\(v.goTypeName)(\(GoFmt.format(v)))"
    }
}

/// The results of `path` in `document`, rendered as one line.
func renderFind(_ path: String, in document: QueryDocument) throws -> String {
    "[" + (try Path(path).find(in: document)).map(render).joined(separator: ", ") + "]"
}

/// Parses the first document of `text` as helm-unittest does (go-yaml v3).
func v3Document(_ text: String) -> Value {
    (try? YAMLValues.v3Documents(text).first ?? .null) ?? .null
}

/// The bookstore document of yaml-jsonpath's own tests, plus keys that exercise
/// typing, quoting and key order.
let storeYAML = #"""
store:
  book:
    - category: reference
      author: Nigel Rees
      title: Sayings of the Century
      price: 8.95
    - category: fiction
      author: Evelyn Waugh
      title: Sword of Honour
      price: 12.99
    - category: fiction
      author: Herman Melville
      title: Moby Dick
      isbn: 0-553-21311-3
      price: 8.99
    - category: fiction
      author: J. R. R. Tolkien
      title: The Lord of the Rings
      isbn: 0-395-19395-8
      price: 22.99
  bicycle:
    color: red
    price: 19.95
  feather duster:
    price: 9.95
x:
  - y:
    - z: 1
      w: 2
  - y:
    - z: 3
      w: 4
test~: hello world
test: this is a test
nums: [1, 2.5, 3.0, -4, 1e6, 0.5, 100]
mixed: [a, 1, true, null, "1", {k: v}, [1]]
flags: {on: yes, off: "no", t: true, f: false, n: null}
"a.b": dotted
"key with space": spaced
"quote'd": q1
'dq"d': q2
"back\\slash": bs
when: 2021-01-01
labels: {app: web, tier: front, "app.kubernetes.io/name": nm, a10: x, a9: y, B: z}
"""#

let storeDocument = QueryDocument(v3Document(storeYAML))

let regexYAML = #"""
s:
  - "abc"
  - "abc\n"
  - "ABC"
  - "a.c"
  - "x/y"
  - "été"
  - "a1_b"
  - "tab\there"
  - "line1\nline2"
  - "١٢٣"
  - "word boundary"
  - "v\u000bx"
  - "\r"
  - "{}"
  - ""
"""#

let regexYAML2 = #"""
s: ["aaab", "abc", "aabc", "ABC", "c", "c\nd", "Éa", "AB", "a-z", "-", "]", "[", "&", "{", "}", "$", "a|b", "line", "\t", "\f", "\a", "\v", "x1", "٣", "#~@%<\"'", " ", "_x", "ÉTÉ", "aAbB"]
"""#
