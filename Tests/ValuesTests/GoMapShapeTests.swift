import GoStd
import Testing
import Values

/// ``GoMapShape``: the maps it builds hold what a map built key by key holds,
/// and each is a map of its own.
@Suite struct GoMapShapeTests {
    @Test(arguments: [
        [String](),
        ["Name"],
        ["Name", "BasePath"],
        ["Chart", "Files", "Release", "Capabilities", "Values", "Subcharts"],
        (0..<40).map { "key\($0)" },
        ["", "é", "e\u{301}", "a.b", "\u{0}"],
    ])
    func sameEntriesAsBuiltKeyByKey(_ keys: [String]) {
        let shape = GoMapShape(keys.map { GoString($0) })
        let values = keys.indices.map { Value.int($0) }
        let built = shape.map(values)
        var expected: [GoString: Value] = [:]
        for (key, value) in zip(keys, values) { expected[GoString(key)] = value }
        #expect(built.count == keys.count)
        for (key, value) in expected {
            guard case .int(let n, _)? = built[key], case .int(let m, _) = value else {
                Issue.record("missing \(key.text)")
                continue
            }
            #expect(n == m)
        }
        // Keys are Go strings: "é" and "e\u{301}" are two keys.
        #expect(Set(built.entries.keys) == Set(expected.keys))
        #expect(built[GoString("absent")] == nil)
    }

    @Test func mapsAreIndependent() {
        let shape = GoMapShape(["a", "b"])
        let one = shape.map([.int(1), .int(2)])
        let two = shape.map([.int(3), .int(4)])
        one["a"] = .int(9)
        one["c"] = .int(5)
        guard case .int(3, _)? = two["a"] else { Issue.record("a shared entry"); return }
        #expect(two.count == 2 && one.count == 3)
    }
}
