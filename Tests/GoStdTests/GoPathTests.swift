import Testing
import GoStd

/// Go's `path.Dir`, `Base`, `Clean`, `Ext` and `Join` (and `filepath`'s on Unix).
struct GoPathTests {
    static let rows: [(String, String, String)] = [
        // path, Dir, Base
        ("filePath", ".", "filePath"),
        ("tests/a_test.yaml", "tests", "a_test.yaml"),
        ("../../test/data/v3/basic/tests/x.yaml", "../../test/data/v3/basic/tests", "x.yaml"),
        ("/abs/x.yaml", "/abs", "x.yaml"),
        ("/x.yaml", "/", "x.yaml"),
        ("./tests//a/./b/../c.yaml", "tests/a", "c.yaml"),
        ("a/", "a", "a"),
        ("/", "/", "/"),
        ("", ".", "."),
        ("../x", "..", "x"),
        ("a/../../b/c", "../b", "c"),
        ("/../a/b", "/a", "b"),
        ("dir/ünïcode ✓.yaml", "dir", "ünïcode ✓.yaml"),
    ]

    @Test(arguments: rows)
    func splits(_ row: (String, String, String)) {
        #expect(GoPath.dir(row.0) == row.1)
        #expect(GoPath.base(row.0) == row.2)
    }

    /// Agrees with `strings.HasPrefix(path.Base(p), prefix)` (by bytes,
    /// so a combining mark after `_` does not hide it).
    @Test(arguments: rows.map(\.0) + ["a/_h.tpl", "_h.tpl", "t/_", "t/_/", "a_/b", "_a/b", "t/_\u{301}x", "///", "x/.y"])
    func basePrefixes(_ path: String) {
        for prefix in ["", "_", ".", "/", "x", "c.y", "ü", "_\u{301}", "filePath", "filePathX"] {
            #expect(GoPath.baseHasPrefix(path, prefix) == GoPath.base(path).utf8.starts(with: prefix.utf8))
        }
    }

    @Test(arguments: [("", "."), ("a//b/./c/..", "a/b"), ("../../a", "../../a"), ("/..", "/"), ("a/..", "."), ("./", ".")])
    func cleans(_ row: (String, String)) {
        #expect(GoPath.clean(row.0) == row.1)
    }

    @Test(arguments: [("a/b.tar.gz", ".gz"), ("a.b/c", ""), ("x.", "."), ("", ""), ("dir/.helmignore", ".helmignore")])
    func extensions(_ row: (String, String)) {
        #expect(GoPath.ext(row.0) == row.1)
    }

    @Test func joins() {
        #expect(GoPath.join("a", "", "b/../c") == "a/c")
        #expect(GoPath.join("", "") == "")
        #expect(GoPath.join("/", "x") == "/x")
    }
}
