import Foundation
import UnitTest

/// Coverage as Cobertura XML, valid against Cobertura's `coverage-04.dtd`
/// (what GitLab, Jenkins and Azure DevOps read):
///
/// - `<coverage>`: the run's totals, `version`, and `timestamp` in
///   milliseconds since 1970; `<sources>` when ``sources`` is not empty.
/// - a `<package>` per chart, named by its directory;
/// - a `<class>` per file, named by its path inside the chart, `filename`
///   its `sourcePath`;
/// - a `<method>` per define (empty `signature`), whose one line is the
///   define's line with the define's hit count;
/// - a `<line>` per coverable line; a line with branch arms has
///   `branch="true"`, `condition-coverage="50% (1/2)"` over all its arms and
///   a `<condition>` per branch point (`number` its block, `type="jump"`).
///   A branch point on a line that is not coverable gets a line of its own
///   with the hits of its arms (not counted in the line totals and rates).
///
/// Rates are hit ÷ found rounded down to four decimals (`1` when nothing is
/// coverable), complexity is `0`. Elements are indented with tabs.
public struct CoberturaReport: Sendable {
    /// When the report was made (the CLI passes the clock; tests a fixed date).
    public var timestamp: Date
    /// The `version` attribute: the producer's version.
    public var version: String
    /// The `<source>` directories `filename`s are relative to.
    public var sources: [String]

    public init(timestamp: Date, version: String, sources: [String] = []) {
        self.timestamp = timestamp
        self.version = version
        self.sources = sources
    }

    static let doctype = "<!DOCTYPE coverage SYSTEM \"http://cobertura.sourceforge.net/xml/coverage-04.dtd\">"

    /// The document: XML declaration, doctype, `<coverage>`, a final newline.
    public func render(_ coverage: RunCoverage) -> String {
        let totals = coverage.totals
        let milliseconds = Int64((timestamp.timeIntervalSince1970 * 1000).rounded(.down))
        var children: [XMLNode] = []
        if !sources.isEmpty {
            children.append(.element(XMLElement("sources", [], sources.map { .element(.text("source", [], $0)) })))
        }
        let packages = CoverageText.charts(coverage).map { chart in
            XMLNode.element(XMLElement("package", [XMLAttribute("name", chart.path)] + Self.rates(chart.totals) + [Self.complexity],
                                       [.element(XMLElement("classes", [], chart.files.map { .element(Self.classElement($0)) }))]))
        }
        children.append(.element(XMLElement("packages", [], packages)))
        let root = XMLElement("coverage", Self.rates(totals) + [
            XMLAttribute("lines-covered", totals.linesHit), XMLAttribute("lines-valid", totals.lines),
            XMLAttribute("branches-covered", totals.branchesHit), XMLAttribute("branches-valid", totals.branches),
            Self.complexity, XMLAttribute("version", version), XMLAttribute("timestamp", String(milliseconds)),
        ], children)
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + Self.doctype + "\n" + GoXMLWriter.document(root)
    }

    static let complexity = XMLAttribute("complexity", "0")

    static func rates(_ totals: CoverageTotals) -> [XMLAttribute] {
        [XMLAttribute("line-rate", rate(totals.linesHit, of: totals.lines)),
         XMLAttribute("branch-rate", rate(totals.branchesHit, of: totals.branches))]
    }

    /// `hit ÷ found` rounded down to four decimals, trailing zeros dropped: `0.8333`, `0.5`, `1`, `0`.
    static func rate(_ hit: Int, of found: Int) -> String {
        let tenThousandths = found == 0 ? 10000 : hit * 10000 / found
        if tenThousandths >= 10000 { return "1" }
        if tenThousandths == 0 { return "0" }
        var digits = String(tenThousandths)
        digits = String(repeating: "0", count: 4 - digits.count) + digits
        while digits.last == "0" { digits.removeLast() }
        return "0." + digits
    }

    static func classElement(_ file: FileCoverage) -> XMLElement {
        let methods = file.defines.map { define in
            XMLNode.element(XMLElement("method", [
                XMLAttribute("name", define.name), XMLAttribute("signature", ""),
                XMLAttribute("line-rate", define.hits > 0 ? "1" : "0"), XMLAttribute("branch-rate", "1"), complexity,
            ], [.element(XMLElement("lines", [], [.element(XMLElement("line", [
                XMLAttribute("number", define.line), XMLAttribute("hits", define.hits), XMLAttribute("branch", false),
            ]))]))]))
        }
        return XMLElement("class", [XMLAttribute("name", CoverageText.relativeName(file)), XMLAttribute("filename", file.sourcePath)]
                          + rates(file.totals) + [complexity],
                          [.element(XMLElement("methods", [], methods)), .element(XMLElement("lines", [], lineElements(file)))])
    }

    static func lineElements(_ file: FileCoverage) -> [XMLNode] {
        var hits: [Int: Int] = [:]
        for line in file.lines { hits[line.line, default: 0] += line.hits }
        var blocksByLine: [Int: [[BranchArm]]] = [:]
        for block in CoverageText.blocks(file.branches) { blocksByLine[block[0].line, default: []].append(block) }
        for (line, blocks) in blocksByLine where hits[line] == nil {
            hits[line] = blocks.joined().reduce(0) { $0 + $1.hits }
        }
        return hits.keys.sorted().map { number in
            var attributes = [XMLAttribute("number", number), XMLAttribute("hits", hits[number] ?? 0)]
            guard let blocks = blocksByLine[number] else {
                return .element(XMLElement("line", attributes + [XMLAttribute("branch", false)]))
            }
            let arms = Array(blocks.joined())
            let taken = arms.count { $0.hits > 0 }
            attributes += [XMLAttribute("branch", true),
                           XMLAttribute("condition-coverage", "\(taken * 100 / arms.count)% (\(taken)/\(arms.count))")]
            let conditions = blocks.map { block in
                XMLNode.element(XMLElement("condition", [
                    XMLAttribute("number", block[0].block), XMLAttribute("type", "jump"),
                    XMLAttribute("coverage", "\(block.count { $0.hits > 0 } * 100 / block.count)%"),
                ]))
            }
            return .element(XMLElement("line", attributes, [.element(XMLElement("conditions", [], conditions))]))
        }
    }
}
