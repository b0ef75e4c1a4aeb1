import GoStd
import GoTemplate
import Helm

extension FileCoverage {
    /// The coverage of one template file: its points (`file.inventory`)
    /// with the counts a run's renders recorded (`counts`, with
    /// `defineCalls` indexed by ``DefineIndex``).
    init(_ file: HelmEngine.CoverageFile, counts: CoverageRecorder, defines: DefineIndex, chartPath: String) {
        let source = ObjectIdentifier(file.inventory.source)
        func hits(_ pos: Int, _ kind: CoverageRecorder.Kind, _ arm: Int) -> Int {
            counts.hits[CoverageRecorder.Point(source: source, pos: pos, kind: kind, arm: arm)] ?? 0
        }
        var lineHits: [Int: Int] = [:]
        var branches: [BranchArm] = []
        var defineRows: [DefineCoverage] = []
        var block = 0
        for item in file.inventory.items {
            switch item {
            case .lines(let pos, let lines):
                let n = hits(pos, .ran, 0)
                for line in lines { lineHits[line] = max(lineHits[line] ?? 0, n) }
            case .branch(let pos, let line, let kind, let labels):
                for (i, label) in labels.enumerated() {
                    branches.append(BranchArm(line: line, block: block, arm: i, label: label, hits: hits(pos, kind, i + 1)))
                }
                block += 1
            case .define(let name, let pos, let line):
                let entry = defines.entries[CoverageRecorder.Point(source: source, pos: pos, kind: .ran, arm: 0)]
                defineRows.append(DefineCoverage(name: name, line: line, hits: entry?.hits ?? 0,
                                                 callers: (entry?.callers ?? []).sorted(by: goLess)))
            }
        }
        let lines = lineHits.keys.sorted().map { LineCoverage(line: $0, hits: lineHits[$0] ?? 0) }
        self.init(chartPath: chartPath, name: file.name, sourcePath: file.sourcePath, source: file.inventory.source.text,
                  selected: lines.contains { $0.hits > 0 } || defineRows.contains { $0.hits > 0 },
                  lines: lines, branches: branches, defines: defineRows)
    }
}

/// A recorder's define entries by define: total hits and callers.
struct DefineIndex {
    var entries: [CoverageRecorder.Point: (hits: Int, callers: Set<String>)] = [:]

    init(_ counts: CoverageRecorder) {
        for (call, n) in counts.defineCalls {
            entries[call.define, default: (0, [])].hits += n
            entries[call.define, default: (0, [])].callers.insert(call.caller)
        }
    }
}
