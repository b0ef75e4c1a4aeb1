import Diagnostics
import Testing
import Values

/// go-yaml v3's duplicate keys, as helm-unittest 1.1.0 reports them for a
/// rendered manifest: every duplicate of a mapping (a key three times
/// gives three lines), sibling mappings checked too, a mapping with
/// duplicates left undecoded (so its own children are not checked), and
/// all of them in one `yaml: unmarshal errors` list.
@Suite struct DuplicateKeyTests {
    @Test(arguments: [
        ("a: 1\nb: 2\na: 3\nb: 4\nc:\n  x: 1\n  x: 2\n",
         "yaml: unmarshal errors:\n  line 3: mapping key \"a\" already defined at line 1\n  line 4: mapping key \"b\" already defined at line 2",
         3),
        ("items:\n  - x: 1\n    x: 2\n  - y: 1\n    y: 2\n    y: 3\nouter:\n  k: v\n  inner:\n    z: 1\n    z: 2\n",
         "yaml: unmarshal errors:\n  line 3: mapping key \"x\" already defined at line 2\n"
             + "  line 5: mapping key \"y\" already defined at line 4\n  line 6: mapping key \"y\" already defined at line 4\n"
             + "  line 6: mapping key \"y\" already defined at line 5\n  line 11: mapping key \"z\" already defined at line 10",
         3),
        ("? [a]\n: 1\n? [b]\n: 2\n", "yaml: unmarshal errors:\n  line 3: mapping key \"\" already defined at line 1", 3),
    ] as [(String, String, Int)])
    func reported(_ text: String, _ message: String, _ line: Int) {
        do {
            _ = try YAMLValues.v3Documents(text)
            Issue.record("no error for \(text)")
        } catch {
            #expect(error.message == message)
            #expect(error.location?.line == line)
        }
    }

    @Test func largeMappingsWithoutDuplicates() throws {
        let text = (0..<40).map { "k\($0): \($0)\n" }.joined()
        let value = try YAMLValues.v3Documents(text).first
        #expect(value?.mapValue?.count == 40)
    }

    @Test func largeMappingWithADuplicate() {
        let text = (0..<40).map { "k\($0): \($0)\n" }.joined() + "k7: again\n"
        #expect(throws: LocatedError.self) { try YAMLValues.v3Documents(text) }
        do { _ = try YAMLValues.v3Documents(text) } catch {
            #expect(error.message == "yaml: unmarshal errors:\n  line 41: mapping key \"k7\" already defined at line 8")
        }
    }
}
