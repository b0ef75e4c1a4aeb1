import Diagnostics
import Foundation
import GoStd
import Reports
import UnitTest

/// What `test` hands to CI systems and tools besides the console report:
/// annotations (`--annotations`, GitHub's by default under GitHub Actions)
/// and the JSON summary (`--summary-json`).
struct CIOutput {
    var annotations: CIAnnotations
    /// Where `--annotations gitlab` writes its Code Quality report.
    var annotationsFile: String
    /// Where the JSON summary goes, if anywhere.
    var summaryFile: String?

    /// The choice of `--annotations` (nil: GitHub's under GitHub Actions,
    /// else none), checked.
    init(annotations: String?, annotationsFile: String?, summaryFile: String?,
         environment: [String: String]) throws(LocatedError) {
        if let annotations {
            guard let chosen = CIAnnotations(rawValue: annotations.lowercased()) else {
                throw TestInputs.invalidArgument(annotations, flag: "--annotations", "must be one of "
                    + CIAnnotations.allCases.map(\.rawValue).joined(separator: ", "))
            }
            self.annotations = chosen
        } else {
            self.annotations = environment["GITHUB_ACTIONS"] == "true" ? .github : .none
        }
        self.annotationsFile = annotationsFile ?? "gl-code-quality-report.json"
        self.summaryFile = summaryFile
        if annotationsFile != nil && self.annotations != .gitlab {
            throw TestInputs.invalidArgument(self.annotationsFile, flag: "--annotations-file", "needs --annotations gitlab")
        }
    }

    /// Writes the files this output asks for and returns the text for
    /// stdout (GitHub's workflow commands) and the errors of writing.
    func emit(_ run: RunResult) -> (stdout: String, errors: [String]) {
        var errors: [String] = []
        var stdout = ""
        let findings = run.findings
        switch annotations {
        case .github: stdout = CIAnnotations.githubCommands(findings)
        case .gitlab: write(CIAnnotations.gitlabCodeQuality(findings), to: annotationsFile, errors: &errors)
        case .none: break
        }
        if let summaryFile { write(SummaryJSONReport().render(run), to: summaryFile, errors: &errors) }
        return (stdout, errors)
    }

    private func write(_ text: String, to path: String, errors: inout [String]) {
        do throws(GoError) {
            try GoOS.mkdirAll(GoPath.dir(path))
            try GoOS.writeFileAtomically(Array(text.utf8), to: path)
        } catch {
            errors.append(error.message)
        }
    }
}
