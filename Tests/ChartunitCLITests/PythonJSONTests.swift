import Testing
@testable import ChartunitCLI

/// The oracle's JSON format, rows produced by Python 3's
/// `json.dumps(d, indent=1, sort_keys=True)`.
@Suite struct PythonJSONTests {
    @Test func matchesPythonDump() {
        let object = [
            "b": "x\u{e9}\u{1F600}\"\\\n\r\t\u{08}\u{0C}\u{01}\u{7F}~ ", "a": "", "\u{e9}": "1", "Z": "z",
            "\u{1F600}k": "s", "\u{FF21}": "w",
        ]
        let python = "{\n \"Z\": \"z\",\n \"a\": \"\",\n \"b\": \"x\\u00e9\\ud83d\\ude00\\\"\\\\\\n\\r\\t\\b\\f\\u0001\\u007f~ \",\n"
            + " \"\\u00e9\": \"1\",\n \"\\uff21\": \"w\",\n \"\\ud83d\\ude00k\": \"s\"\n}"
        #expect(PythonJSON.dump(object) == python + "\n")
    }

    @Test func emptyObject() {
        #expect(PythonJSON.dump([:]) == "{}\n")
    }
}
