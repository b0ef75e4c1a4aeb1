import Testing

/// The methods of the Go objects templates reach (`time.Time`, `time.Month`,
/// `time.Duration`, `*time.Location`), how printing and encoding functions
/// see them, and `urlParse`'s host errors, against real Helm v4
/// (`scripts/gen-objects-corpus.py`).
@Suite struct GoObjectCorpusTests {
    static let cases = FunctionCase.load("objects-corpus")

    @Test func corpusIsPresent() {
        #expect(Self.cases.count >= 200)
    }

    @Test(arguments: cases)
    func goObjectsMatchHelm(_ c: FunctionCase) throws {
        try c.check()
    }
}
