import Foundation
import Testing
import TestSupport
@testable import Helm
import Values

/// Go strings are bytes: how real Helm v4 treats binary and non-UTF-8 chart
/// files, `[]byte` values, `b64dec` output that isn't UTF-8, string literals
/// with escapes, template files holding raw bytes, NFC/NFD map keys, and
/// emoji, ZWJ sequences and combining marks through the text functions
/// (`scripts/gen-bytes-corpus.py`). Outputs are compared as bytes; most
/// templates end in `b64enc` so no difference can hide in transport.
@Suite struct ByteStringCorpusTests {
    static let folder = "bytes-corpus"
    static let cases = FunctionCase.load(folder)

    @Test func corpusIsPresent() {
        #expect(Self.cases.count >= 170)
        // `load` skips a file it can't decode; every theme must be there.
        let files = Set(Self.cases.map(\.corpus))
        for file in Fixtures.files(in: Self.folder, suffix: ".json") {
            #expect(files.contains(Self.folder + "/" + file), "\(file) did not decode")
        }
    }

    /// Cases known to differ (`bytes-corpus-known-differences.txt`), each
    /// with its reason in the file.
    static let knownDifferences: Set<String> = {
        guard let text = try? String(contentsOf: Fixtures.url("bytes-corpus-known-differences.txt"), encoding: .utf8) else { return [] }
        return Set(text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") })
    }()

    @Test(arguments: cases)
    func bytesMatchHelm(_ c: FunctionCase) throws {
        if Self.knownDifferences.contains(c.name) {
            #expect(!c.matches(), "\(c.name) now matches Helm: remove it from bytes-corpus-known-differences.txt")
        } else {
            try c.check()
        }
    }

    @Test func knownDifferencesAreCases() {
        let names = Set(Self.cases.map(\.name))
        #expect(!Self.knownDifferences.isEmpty)
        for name in Self.knownDifferences { #expect(names.contains(name), "\(name) is not a case") }
    }
}
