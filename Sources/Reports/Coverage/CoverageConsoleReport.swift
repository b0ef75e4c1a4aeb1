import UnitTest

/// The coverage table `chartunit test --coverage` prints, laid out like
/// Jest's text report:
///
/// ```
/// ----------------------------|---------|------------|-----------|-----------------
/// File                        | % Lines | % Branches | % Defines | Uncovered lines
/// ----------------------------|---------|------------|-----------|-----------------
///  charts/webapp              |   71.42 |      33.33 |     50.00 |
///   templates/_helpers.tpl    |   50.00 |      20.00 |     50.00 | 5
///   templates/deployment.yaml |   75.00 |      42.85 |    100.00 | 8-10,15
/// ----------------------------|---------|------------|-----------|-----------------
/// All files                   |   71.42 |      33.33 |     50.00 |
/// ----------------------------|---------|------------|-----------|-----------------
/// ```
///
/// A row per chart (the chart directory, its totals) followed by a row per
/// file (its name inside the chart), then the totals. Percentages are
/// rounded down to two decimals, so only complete coverage reads `100.00`;
/// nothing coverable counts as 100. Uncovered lines are collapsed into
/// ranges as Istanbul does (a range spans lines that are not coverable).
/// Lines carry no trailing spaces.
public struct CoverageConsoleReport: Sendable {
    /// Whether to colour percentages by ``watermarks`` and uncovered lines red.
    public var colored: Bool
    public var watermarks: CoverageWatermarks
    /// When set, an uncovered-lines cell longer than this many characters is
    /// cut after the last range that fits and ends with `…`.
    public var uncoveredWidth: Int?

    public init(colored: Bool = false, watermarks: CoverageWatermarks = CoverageWatermarks(), uncoveredWidth: Int? = nil) {
        self.colored = colored
        self.watermarks = watermarks
        self.uncoveredWidth = uncoveredWidth
    }

    static let headers = ["File", "% Lines", "% Branches", "% Defines", "Uncovered lines"]

    private enum RowKind { case chart, file, total }

    private struct Row {
        var kind: RowKind
        var name: String
        var totals: CoverageTotals
        var uncovered: String
    }

    /// The table, ending with a newline.
    public func render(_ coverage: RunCoverage) -> String {
        var rows: [Row] = []
        for chart in CoverageText.charts(coverage) {
            rows.append(Row(kind: .chart, name: " " + chart.path, totals: chart.totals, uncovered: ""))
            for file in chart.files {
                rows.append(Row(kind: .file, name: "  " + CoverageText.relativeName(file), totals: file.totals,
                                uncovered: uncovered(file.lines)))
            }
        }
        let total = Row(kind: .total, name: "All files", totals: coverage.totals, uncovered: "")
        let all = rows + [total]
        var widths = Self.headers.map(\.count)
        widths[0] = max(widths[0], all.map { $0.name.count }.max() ?? 0) + 1
        widths[4] = max(widths[4], all.map { $0.uncovered.count }.max() ?? 0)
        let rule = widths.enumerated().map { index, width in
            String(repeating: "-", count: index == 0 ? width : width + 2)
        }.joined(separator: "|")
        var text = rule + "\n"
        text += line(Self.headers.enumerated().map { index, header in
            index == 0 || index == 4 ? pad(header, widths[index]) : padLeft(header, widths[index])
        }) + rule + "\n"
        for row in rows { text += line(cells(row, widths)) }
        if !rows.isEmpty { text += rule + "\n" }
        text += line(cells(total, widths)) + rule + "\n"
        return text
    }

    private func cells(_ row: Row, _ widths: [Int]) -> [String] {
        let padding = String(repeating: " ", count: max(0, widths[0] - row.name.count))
        var cells = [(row.kind == .file ? row.name : style(.highlight, row.name)) + padding]
        for (index, metric) in CoverageMetric.allCases.enumerated() {
            let (found, hit) = row.totals.counts(metric)
            cells.append(style(level: watermarks.level(hit, of: found),
                               padLeft(CoverageText.percent(hit, of: found), widths[index + 1])))
        }
        cells.append(style(.danger, row.uncovered))
        return cells
    }

    /// The cells joined by ` | `, the first without a leading space, without trailing spaces.
    private func line(_ cells: [String]) -> String {
        var text = cells[0]
        for cell in cells.dropFirst() { text += "| " + cell + " " }
        while text.last == " " { text.removeLast() }
        return text + "\n"
    }

    /// The uncovered line ranges, cut to ``uncoveredWidth``.
    func uncovered(_ lines: [LineCoverage]) -> String {
        let ranges = CoverageText.uncoveredRanges(lines)
        let full = CoverageText.rangeList(ranges)
        guard let limit = uncoveredWidth, full.count > limit else { return full }
        var kept = ""
        for range in ranges {
            let next = (kept.isEmpty ? "" : kept + ",") + CoverageText.rangeList([range])
            if next.count + 1 > limit { break }
            kept = next
        }
        return kept + "…"
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    private func padLeft(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    private func style(_ consoleStyle: ConsoleStyle, _ text: String) -> String {
        text.isEmpty ? text : consoleStyle.apply(text, colored: colored)
    }

    private func style(level: CoverageWatermarks.Level, _ text: String) -> String {
        switch level {
        case .high: style(.success, text)
        case .medium: style(.warning, text)
        case .low: style(.danger, text)
        }
    }
}
