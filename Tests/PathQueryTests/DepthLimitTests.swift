import Foundation
import GoStd
import TestSupport
import Testing
import Values
@testable import PathQuery

/// helm-unittest's `set:` keys at sizes that make its Go code allocate
/// without bound. `a[99999999]` makes helm-unittest build a 100000000-element
/// list and run out of memory after half a minute; chartunit refuses list
/// indexes above ``SetPath/maxIndex`` (1048576) with Helm's `--set` words.
@Suite struct SetPathLimitTests {
    @Test(arguments: [
        ("a[99999999]", "index of 99999999 is greater than maximum supported index of 1048576"),
        ("a[1048577]", "index of 1048577 is greater than maximum supported index of 1048576"),
        ("a.b[0][2000000].c", "index of 2000000 is greater than maximum supported index of 1048576"),
    ])
    func hugeIndexIsRefused(_ path: String, _ message: String) {
        expectError(message) { try SetPath.buildValue(.string("V"), atSetPath: path) }
    }

    @Test func indexAtTheLimitIsBuilt() throws {
        let built = try SetPath.buildValue(.string("V"), atSetPath: "a[1048576]")
        guard case .list(let items, _)? = built["a"] else { Issue.record("no list"); return }
        #expect(items.count == 1_048_577)
        #expect(items.last?.stringValue == "V")
    }

    /// A key path 100000 levels deep builds, compares and is freed on a
    /// small stack (Go's values nest without limit).
    @Test func deepKeyPathOnASmallStack() {
        let path = String(repeating: "a.", count: 49_999) + "a" + String(repeating: "[0]", count: 50_000)
        let equal: Bool? = DeepStack.onNewThread(stackSize: 512 << 10) {
            guard let one = try? SetPath.buildValue(.int(1), atSetPath: path),
                  let two = try? SetPath.buildValue(.int(1), atSetPath: path) else { return nil }
            return goDeepEqual(.map(one), .map(two))
        }
        #expect(equal == true)
    }

    /// Lists nested 100000 deep under one map, freed on the caller's
    /// (8 MB) thread: more than Swift's recursive release fits there.
    @Test func deepListPathIsFreedOnTheCallersStack() throws {
        var built: GoMap? = try SetPath.buildValue(.int(1), atSetPath: "a" + String(repeating: "[0]", count: 100_000))
        #expect(built?.count == 1)
        built = nil
        #expect(built == nil)
    }
}
