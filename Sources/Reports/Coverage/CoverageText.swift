import UnitTest

/// The coverage levels reports colour by: below `low` is low (red), from
/// `low` up to `high` medium (yellow), from `high` up high (green).
/// Istanbul's defaults, 50 and 80.
public struct CoverageWatermarks: Sendable, Hashable {
    public var low: Double
    public var high: Double

    public init(low: Double = 50, high: Double = 80) {
        self.low = low
        self.high = high
    }

    /// How a percentage rates.
    public enum Level: String, Sendable, Hashable {
        case low, medium, high
    }

    /// The level of `hit` of `found` (nothing coverable is high).
    public func level(_ hit: Int, of found: Int) -> Level {
        let percent = CoverageTotals.percent(hit, of: found)
        return percent >= high ? .high : percent >= low ? .medium : .low
    }
}

/// What the lines, branch arms and defines of coverage are called in reports.
public enum CoverageMetric: String, Sendable, Hashable, CaseIterable {
    case lines, branches, defines
}

extension CoverageTotals {
    /// The found and hit counts of `metric`.
    public func counts(_ metric: CoverageMetric) -> (found: Int, hit: Int) {
        switch metric {
        case .lines: (lines, linesHit)
        case .branches: (branches, branchesHit)
        case .defines: (defines, definesHit)
        }
    }
}

/// Text shared by the coverage reports.
enum CoverageText {
    /// `hit` of `found` in hundredths of a percent, rounded down so that only
    /// complete coverage reads 100 (10000 when nothing is coverable).
    static func hundredths(_ hit: Int, of found: Int) -> Int {
        found == 0 ? 10000 : hit * 10000 / found
    }

    /// The percentage with two decimals, rounded down: `72.50`, `100.00`.
    static func percent(_ hit: Int, of found: Int) -> String {
        fixed(hundredths(hit, of: found))
    }

    /// A count of hundredths as a decimal with two places: `7250` is `72.50`.
    static func fixed(_ hundredths: Int) -> String {
        let fraction = hundredths % 100
        return "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }

    /// The percentage rounded down to two decimals, as a number (`66.66`).
    static func percentValue(_ hit: Int, of found: Int) -> Double {
        Double(hundredths(hit, of: found)) / 100
    }

    /// A number in its shortest form: `80`, `72.5`.
    static func shortest(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    /// The uncovered lines as ranges, as Istanbul's text report collapses them:
    /// a range runs over uncovered lines and the lines between them that are
    /// not coverable; a covered line ends it.
    static func uncoveredRanges(_ lines: [LineCoverage]) -> [ClosedRange<Int>] {
        var ranges: [ClosedRange<Int>] = []
        var open = false
        for line in lines {
            if line.hits > 0 {
                open = false
            } else if open, let last = ranges.last {
                ranges[ranges.count - 1] = last.lowerBound...line.line
            } else {
                ranges.append(line.line...line.line)
                open = true
            }
        }
        return ranges
    }

    /// `12-15,20`.
    static func rangeList(_ ranges: [ClosedRange<Int>]) -> String {
        ranges.map { $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)-\($0.upperBound)" }.joined(separator: ",")
    }

    /// The file's name inside its chart: Helm's name without the chart's own
    /// name (`webapp/templates/a.yaml` is `templates/a.yaml`).
    static func relativeName(_ file: FileCoverage) -> String {
        guard let slash = file.name.firstIndex(of: "/") else { return file.name }
        return String(file.name[file.name.index(after: slash)...])
    }

    /// The files in runs of the same chart, in order.
    static func charts(_ coverage: RunCoverage) -> [ChartFiles] {
        var charts: [ChartFiles] = []
        for file in coverage.files {
            if let last = charts.last, last.path == file.chartPath {
                charts[charts.count - 1].files.append(file)
            } else {
                charts.append(ChartFiles(path: file.chartPath, files: [file]))
            }
        }
        return charts
    }

    /// The arms of each branch point, in order.
    static func blocks(_ branches: [BranchArm]) -> [[BranchArm]] {
        var blocks: [[BranchArm]] = []
        for arm in branches {
            if let last = blocks.last?.last, last.block == arm.block, last.line == arm.line {
                blocks[blocks.count - 1].append(arm)
            } else {
                blocks.append([arm])
            }
        }
        return blocks
    }
}

/// One chart's files.
struct ChartFiles {
    var path: String
    var files: [FileCoverage]

    var totals: CoverageTotals { files.reduce(CoverageTotals()) { $0 + $1.totals } }
}
