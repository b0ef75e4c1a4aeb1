import UnitTest

/// Coverage as an lcov tracefile (`lcov.info`), in the format of geninfo(1)
/// and in the order lcov itself writes a record:
///
/// ```
/// TN:<test name>
/// SF:<source file>
/// FN:<line>,<define>        one per define, by line
/// FNDA:<hits>,<define>
/// FNF:<defines found>
/// FNH:<defines hit>
/// BRDA:<line>,<block>,<arm>,<hits or ->
/// BRF:<arms found>          (BRF and BRH only when the file has branch arms, as lcov writes them)
/// BRH:<arms hit>
/// DA:<line>,<hits>
/// LF:<lines found>
/// LH:<lines hit>
/// end_of_record
/// ```
///
/// An arm's count is `-` ("never reached") when no arm of its branch point
/// ran and neither did the branch point's line. lcov reads a function name
/// up to the first comma and keys functions by name, so a define's name has
/// commas and line breaks replaced with `_`, and defines sharing a name in
/// one file are told apart with ` (line N)`.
public struct LCOVReport: Sendable {
    /// The `TN:` of every record (lcov's `--test-name`; empty by default).
    public var testName: String
    /// geninfo writes absolute paths in `SF:`: when set, a relative
    /// `sourcePath` is written below this directory (the CLI passes the
    /// working directory); when nil, `sourcePath` is written as it is.
    public var baseDirectory: String?

    public init(testName: String = "", baseDirectory: String? = nil) {
        self.testName = testName
        self.baseDirectory = baseDirectory
    }

    /// The tracefile: one record per file, in the model's order.
    public func render(_ coverage: RunCoverage) -> String {
        coverage.files.map(record).joined()
    }

    /// One file's record, ending with `end_of_record\n`.
    public func record(_ file: FileCoverage) -> String {
        var text = "TN:\(Self.clean(testName))\nSF:\(sourceFile(file))\n"
        let names = Self.functionNames(file.defines)
        for (define, name) in zip(file.defines, names) { text += "FN:\(define.line),\(name)\n" }
        for (define, name) in zip(file.defines, names) { text += "FNDA:\(define.hits),\(name)\n" }
        let totals = file.totals
        text += "FNF:\(totals.defines)\nFNH:\(totals.definesHit)\n"
        var lineHits: [Int: Int] = [:]
        for line in file.lines { lineHits[line.line, default: 0] += line.hits }
        for block in CoverageText.blocks(file.branches) {
            let reached = block.contains { $0.hits > 0 } || (lineHits[block[0].line] ?? 0) > 0
            for arm in block {
                text += "BRDA:\(arm.line),\(arm.block),\(arm.arm),\(reached ? String(arm.hits) : "-")\n"
            }
        }
        if totals.branches > 0 { text += "BRF:\(totals.branches)\nBRH:\(totals.branchesHit)\n" }
        for line in file.lines { text += "DA:\(line.line),\(line.hits)\n" }
        text += "LF:\(totals.lines)\nLH:\(totals.linesHit)\nend_of_record\n"
        return text
    }

    /// `SF:`'s path: ``baseDirectory`` joined with a relative source path.
    func sourceFile(_ file: FileCoverage) -> String {
        guard let base = baseDirectory, !file.sourcePath.hasPrefix("/") else { return Self.clean(file.sourcePath) }
        if file.sourcePath.isEmpty { return Self.clean(base) }
        return Self.clean(base.hasSuffix("/") ? base + file.sourcePath : base + "/" + file.sourcePath)
    }

    /// Line breaks would end a tracefile line early.
    static func clean(_ text: String) -> String {
        String(text.map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? "_" : $0 })
    }

    /// The names lcov can read back, one per define, unique within the file.
    static func functionNames(_ defines: [DefineCoverage]) -> [String] {
        let names = defines.map { define -> String in
            let name = String(clean(define.name).map { $0 == "," ? "_" : $0 })
            return name.isEmpty ? "\"\"" : name
        }
        var counts: [String: Int] = [:]
        for name in names { counts[name, default: 0] += 1 }
        return zip(defines, names).map { define, name in
            (counts[name] ?? 0) > 1 ? "\(name) (line \(define.line))" : name
        }
    }
}
