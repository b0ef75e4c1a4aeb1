import Diagnostics
import Foundation
import GoStd
import Reports
import UnitTest

/// `chartunit test --coverage`: which reports to write, where, and the
/// minimum totals, read from the command line; then the reports.
struct CoverageOutput {
    /// The report formats `--coverage-format` names.
    enum Format: String, CaseIterable {
        case console, lcov, cobertura, html, json
    }

    var formats: [Format]
    var directory: String
    var thresholds: CoverageThresholds

    /// Reads `--coverage-format` (comma-separated names) and
    /// `--coverage-threshold` (`lines=80,branches=70,defines=90`); the
    /// message names what is wrong.
    init(formats formatList: String, directory: String, thresholds thresholdList: String) throws(LocatedError) {
        var formats: [Format] = []
        for name in formatList.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) where !name.isEmpty {
            guard let format = Format(rawValue: name) else {
                throw TestInputs.invalidArgument(formatList, flag: "--coverage-format",
                                                 "\(GoQuote.quote(name)) is not one of " + Format.allCases.map(\.rawValue).joined(separator: ", "))
            }
            if !formats.contains(format) { formats.append(format) }
        }
        var thresholds = CoverageThresholds()
        for item in thresholdList.split(separator: ",") where !item.isEmpty {
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let value = Double(parts[1]), value >= 0, value <= 100 else {
                throw TestInputs.invalidArgument(thresholdList, flag: "--coverage-threshold",
                                                 "\(GoQuote.quote(String(item))) is not METRIC=PERCENT (0 to 100)")
            }
            switch parts[0].lowercased() {
            case "lines": thresholds.lines = value
            case "branches": thresholds.branches = value
            case "defines": thresholds.defines = value
            default:
                throw TestInputs.invalidArgument(thresholdList, flag: "--coverage-threshold",
                                                 "\(GoQuote.quote(parts[0])) is not one of lines, branches, defines")
            }
        }
        self.formats = formats
        self.directory = directory
        self.thresholds = thresholds
    }

    /// Writes the file reports and returns the console text (the table when
    /// asked for, then any threshold shortfalls) and the problems that fail
    /// the run (a report that could not be written, a total below its
    /// threshold). `epoch` dates the Cobertura report (`SOURCE_DATE_EPOCH`
    /// when set, so reruns are byte-identical).
    func report(_ coverage: RunCoverage, colored: Bool, workingDirectory: String, epoch: Date) -> (text: String, failures: [String]) {
        var text = ""
        var failures: [String] = []
        var files: [(String, String)] = []
        for format in formats {
            switch format {
            case .console: text += "\nTemplate coverage\n" + CoverageConsoleReport(colored: colored, uncoveredWidth: 40).render(coverage)
            case .lcov: files.append(("lcov.info", LCOVReport(baseDirectory: workingDirectory).render(coverage)))
            case .cobertura:
                files.append(("cobertura-coverage.xml",
                              CoberturaReport(timestamp: epoch, version: ChartunitVersion.string, sources: [workingDirectory]).render(coverage)))
            case .json: files.append(("coverage.json", CoverageJSONReport().render(coverage)))
            case .html:
                for (path, page) in CoverageHTMLReport().render(coverage).sorted(by: { goLess($0.key, $1.key) }) {
                    files.append((GoPath.join("html", path), page))
                }
            }
        }
        for (name, content) in files {
            let path = GoPath.join(directory, name)
            do throws(GoError) {
                try GoOS.mkdirAll(GoPath.dir(path))
                try GoOS.writeFileAtomically(Array(content.utf8), to: path)
            } catch {
                failures.append(error.message)
            }
        }
        for shortfall in thresholds.shortfalls(coverage.totals) {
            text += "\n" + shortfall.message + "\n"
            failures.append(shortfall.message)
        }
        return (text, failures)
    }
}
