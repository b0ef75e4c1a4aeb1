import Testing
@testable import PathQuery

/// Paths the path fuzz target once crashed on.
@Suite struct PathFuzzRegressionTests {
    /// 2 731 steps overflowed the stack of the recursive path parser; Go's
    /// recursion has a growable stack and finds nothing that deep.
    @Test func thousandsOfSteps() throws {
        #expect(try renderFind(String(repeating: "[*]", count: 3_000), in: storeDocument) == "[]")
        #expect(try renderFind("$" + String(repeating: ".store", count: 3_000), in: storeDocument) == "[]")
        #expect(try renderFind("$" + String(repeating: "[?(@.store)]", count: 3_000) + ".test", in: storeDocument)
            == #"["this is a test"]"#)
    }
}
