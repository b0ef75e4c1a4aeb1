/// Template coverage of a run (`chartunit test --coverage`): for every
/// template and helper file of the charts tested, which lines, branch arms
/// and `define`s the suites executed, with hit counts summed over every
/// job. Plain values; `Reports` turns them into console, lcov, Cobertura,
/// HTML and JSON. The order of everything is fixed (files by chart then
/// path, lines by number, branches by position), so a report does not
/// depend on `-j` or suite order.
public struct RunCoverage: Sendable, Hashable {
    /// Every covered file, charts in run order, files by path (bytewise).
    public var files: [FileCoverage]

    public init(files: [FileCoverage]) {
        self.files = files
    }

    /// The totals over all files.
    public var totals: CoverageTotals { files.reduce(CoverageTotals()) { $0 + $1.totals } }
}

/// One template or helper file.
public struct FileCoverage: Sendable, Hashable {
    /// The chart directory the run was given (`examples/webapp`).
    public var chartPath: String
    /// The file as Helm names it (`webapp/templates/deployment.yaml`,
    /// `webapp/charts/sub/templates/_helpers.tpl`).
    public var name: String
    /// The file on disk, relative to the working directory when the chart
    /// is a directory (what lcov's `SF:` and Cobertura's `filename` hold).
    public var sourcePath: String
    /// The file's text, for reports that show the source (HTML).
    public var source: String
    /// Whether any suite selects this file (`templates:`), or it is a helper
    /// file (`_*.tpl`) reached through `include`/`template`.
    public var selected: Bool
    /// Coverable lines in line order.
    public var lines: [LineCoverage]
    /// Branch arms in source order (each branch point's arms together).
    public var branches: [BranchArm]
    /// `define`/`block` templates declared in this file, by line.
    public var defines: [DefineCoverage]

    public init(chartPath: String, name: String, sourcePath: String, source: String, selected: Bool,
                lines: [LineCoverage], branches: [BranchArm], defines: [DefineCoverage]) {
        self.chartPath = chartPath
        self.name = name
        self.sourcePath = sourcePath
        self.source = source
        self.selected = selected
        self.lines = lines
        self.branches = branches
        self.defines = defines
    }

    /// The file's totals.
    public var totals: CoverageTotals {
        CoverageTotals(lines: lines.count, linesHit: lines.count { $0.hits > 0 },
                       branches: branches.count, branchesHit: branches.count { $0.hits > 0 },
                       defines: defines.count, definesHit: defines.count { $0.hits > 0 })
    }
}

/// A coverable line and how often it ran.
public struct LineCoverage: Sendable, Hashable {
    /// 1-based line number.
    public var line: Int
    public var hits: Int

    public init(line: Int, hits: Int) {
        self.line = line
        self.hits = hits
    }
}

/// One arm of a branch point: `if`/`else if`/`else` (the implicit empty
/// `else` too), `with`/`else`, `range` body/`else` (zero iterations), the
/// operands `and`/`or` may skip, the sides of `default`, `ternary` and
/// `coalesce`.
public struct BranchArm: Sendable, Hashable {
    /// The line of the branch point.
    public var line: Int
    /// Numbers the branch points of the file in source order (lcov's block).
    public var block: Int
    /// The arm's index within its branch point (lcov's branch).
    public var arm: Int
    /// What the arm is, for people: `if true`, `else`, `range empty`, `and operand 2`.
    public var label: String
    public var hits: Int

    public init(line: Int, block: Int, arm: Int, label: String, hits: Int) {
        self.line = line
        self.block = block
        self.arm = arm
        self.label = label
        self.hits = hits
    }
}

/// A `define` (or `block`) and how often it was executed, from where.
public struct DefineCoverage: Sendable, Hashable {
    public var name: String
    public var line: Int
    public var hits: Int
    /// The files whose execution called it, bytewise sorted.
    public var callers: [String]

    public init(name: String, line: Int, hits: Int, callers: [String]) {
        self.name = name
        self.line = line
        self.hits = hits
        self.callers = callers
    }
}

/// Found and hit counts of lines, branch arms and defines.
public struct CoverageTotals: Sendable, Hashable {
    public var lines = 0
    public var linesHit = 0
    public var branches = 0
    public var branchesHit = 0
    public var defines = 0
    public var definesHit = 0

    public init(lines: Int = 0, linesHit: Int = 0, branches: Int = 0, branchesHit: Int = 0, defines: Int = 0, definesHit: Int = 0) {
        self.lines = lines
        self.linesHit = linesHit
        self.branches = branches
        self.branchesHit = branchesHit
        self.defines = defines
        self.definesHit = definesHit
    }

    public static func + (a: CoverageTotals, b: CoverageTotals) -> CoverageTotals {
        CoverageTotals(lines: a.lines + b.lines, linesHit: a.linesHit + b.linesHit,
                       branches: a.branches + b.branches, branchesHit: a.branchesHit + b.branchesHit,
                       defines: a.defines + b.defines, definesHit: a.definesHit + b.definesHit)
    }

    /// Percentages as lcov computes them (100 when nothing is coverable).
    public static func percent(_ hit: Int, of found: Int) -> Double {
        found == 0 ? 100 : Double(hit) * 100 / Double(found)
    }
}
