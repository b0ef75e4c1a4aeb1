import UnitTest

/// Minimum coverage percentages (`--coverage-threshold`): each metric
/// optional, checked against a run's totals.
public struct CoverageThresholds: Sendable, Hashable {
    public var lines: Double?
    public var branches: Double?
    public var defines: Double?

    public init(lines: Double? = nil, branches: Double? = nil, defines: Double? = nil) {
        self.lines = lines
        self.branches = branches
        self.defines = defines
    }

    /// The threshold of `metric`, if any.
    public subscript(metric: CoverageMetric) -> Double? {
        switch metric {
        case .lines: lines
        case .branches: branches
        case .defines: defines
        }
    }

    /// The metrics of `totals` below their threshold, in the order lines,
    /// branches, defines; empty when every threshold is met. A metric with
    /// nothing coverable is at 100%.
    public func shortfalls(_ totals: CoverageTotals) -> [CoverageShortfall] {
        CoverageMetric.allCases.compactMap { metric in
            guard let threshold = self[metric] else { return nil }
            let (found, hit) = totals.counts(metric)
            let shortfall = CoverageShortfall(metric: metric, hit: hit, found: found, threshold: threshold)
            return shortfall.actual < threshold ? shortfall : nil
        }
    }
}

/// A metric below its threshold.
public struct CoverageShortfall: Sendable, Hashable {
    public var metric: CoverageMetric
    public var hit: Int
    public var found: Int
    /// The required percentage.
    public var threshold: Double

    public init(metric: CoverageMetric, hit: Int, found: Int, threshold: Double) {
        self.metric = metric
        self.hit = hit
        self.found = found
        self.threshold = threshold
    }

    /// The metric's percentage.
    public var actual: Double { CoverageTotals.percent(hit, of: found) }

    /// How many percentage points are missing.
    public var short: Double { threshold - actual }

    /// `coverage for lines (72.50%) does not meet the threshold (80%): 7.50% short`:
    /// the actual percentage rounded down and the gap rounded up to two
    /// decimals (so a gap never reads `0.00%`), the threshold as given.
    public var message: String {
        let gap = (short * 100 * 1_000_000).rounded() / 1_000_000  // drop floating-point noise before rounding up
        return "coverage for \(metric.rawValue) (\(CoverageText.percent(hit, of: found))%) does not meet the threshold "
            + "(\(CoverageText.shortest(threshold))%): \(CoverageText.fixed(max(1, Int(gap.rounded(.up)))))% short"
    }
}
