import Foundation
import Testing
import TestSupport
@testable import UnitTest
import Values

@Suite struct SnapshotTests {
    @Test func reEmitsEveryConformanceSnapshotUnchanged() throws {
        let files = Fixtures.conformanceFiles(suffix: ".snap")
        for file in files {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            let parsed = try SnapshotCache.parse(Array(text.utf8))
            let entries = parsed.map { (test: $0.key, items: $0.value.map { (index: $0.key, text: $0.value) }) }
            #expect(snapshotFile(entries) == text, "\(file)")
        }
        #expect(files.count > 20 || !Fixtures.hasConformance)
    }

    @Test func countsInsertsMismatchesAndVanished() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("snap-\(UUID().uuidString)")
        let suiteFile = dir.appendingPathComponent("a_test.yaml").path
        let path = SnapshotCache.path(forSuiteFile: suiteFile)
        #expect(path.hasSuffix("/__snapshot__/a_test.yaml.snap"))

        let first = SnapshotCache(filePath: path, isUpdating: false)
        try first.restore()
        let comparer = SnapshotComparer(cache: first, test: "t 1")
        #expect(comparer.compare(.string("x"), matchRegex: "", notMatchRegex: "").passed)
        #expect(comparer.compare(.map(GoMap(["a": .int(1)])), matchRegex: "", notMatchRegex: "").index == 2)
        #expect(first.counts == SnapshotCounts(total: 2, failed: 0, created: 2, vanished: 0))
        #expect(try first.storeIfNeeded())
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "t 1:\n  1: |\n    x\n  2: |\n    a: 1\n")

        let second = SnapshotCache(filePath: path, isUpdating: false)
        try second.restore()
        let again = SnapshotComparer(cache: second, test: "t 1")
        let result = again.compare(.string("z"), matchRegex: "", notMatchRegex: "")
        #expect(!result.passed && result.cachedText == "x\n" && result.newText == "z\n")
        #expect(second.counts == SnapshotCounts(total: 1, failed: 1, created: 0, vanished: 1))
        #expect(try second.storeIfNeeded())
        // The mismatched entry keeps its old text; the vanished one is gone.
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "t 1:\n  1: |\n    x\n")
        try? FileManager.default.removeItem(at: dir)
    }

    @Test func regexOptionsSkipTheCachedCompare() {
        let cache = SnapshotCache(filePath: "/nonexistent/x.snap", isUpdating: false)
        let c = SnapshotComparer(cache: cache, test: "t")
        let miss = c.compare(.string("abc"), matchRegex: "zzz", notMatchRegex: "")
        #expect(!miss.passed && miss.failedPattern == .snapshotPatternMissing("zzz"))
        let bad = c.compare(.string("abc"), matchRegex: "", notMatchRegex: "b")
        #expect(!bad.passed && bad.failedPattern == .snapshotPatternPresent("b"))
    }
}
