import UnitTest

/// Reads a recorded console sample back into results, from its layout alone:
/// `### Chart [ name ] path`, suite lines, `\t- test`, `\t\tError: …`,
/// `\t\t- asserts[i] \`type\` fail`, and fail-info lines at three tabs
/// (`Name:\tvalue` fields, headings ending in `:`, four-tab block lines, other text).
/// Passed tests are invisible in the output, so every visible test is a failed or skipped one.
enum SampleReader {
    static func read(_ text: String, snapshotsPassed: Int) -> RunResult {
        var charts: [ChartResult] = []
        var suites: [TestSuiteResult] = []
        var blockLines: [String] = []

        func flushBlock() {
            guard !blockLines.isEmpty else { return }
            appendLine(.block(blockLines.joined(separator: "\n")))
            blockLines = []
        }
        func appendLine(_ line: FailureLine) {
            guard var suite = suites.popLast() else { return }
            if var test = suite.tests.popLast() {
                if var assertion = test.assertions.popLast() {
                    assertion.failureLines.append(line)
                    test.assertions.append(assertion)
                }
                suite.tests.append(test)
            }
            suites.append(suite)
        }
        func modifyLastTest(_ change: (inout TestJobResult) -> Void) {
            guard var suite = suites.popLast() else { return }
            if var test = suite.tests.popLast() {
                change(&test)
                suite.tests.append(test)
            }
            suites.append(suite)
        }

        for raw in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if raw.hasPrefix("\t\t\t\t") {
                blockLines.append(String(raw.dropFirst(4)))
                continue
            }
            flushBlock()
            if raw.hasPrefix("### Chart [ "), let close = raw.range(of: " ] ") {
                let name = String(raw[raw.index(raw.startIndex, offsetBy: 12)..<close.lowerBound])
                charts.append(ChartResult(name: name, path: String(raw[close.upperBound...])))
            } else if raw.hasPrefix(" PASS ") || raw.hasPrefix(" FAIL ") || raw.hasPrefix(" SKIP ") {
                let rest = raw.dropFirst(7)
                let parts = rest.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
                suites.append(TestSuiteResult(displayName: String(parts[0]), filePath: parts.count > 1 ? String(parts[1]) : "",
                                              passed: raw.hasPrefix(" PASS "), skipped: raw.hasPrefix(" SKIP ")))
            } else if raw.hasPrefix("\t- SKIPPED '") {
                let name = String(raw.dropFirst(12).dropLast())
                guard var suite = suites.popLast() else { continue }
                suite.tests.append(TestJobResult(displayName: name, index: suite.tests.count, passed: false, skipped: true))
                suites.append(suite)
            } else if raw.hasPrefix("\t- ") {
                guard var suite = suites.popLast() else { continue }
                suite.tests.append(TestJobResult(displayName: String(raw.dropFirst(3)), index: suite.tests.count, passed: false))
                suites.append(suite)
            } else if raw.hasPrefix("\t\tError: ") {
                modifyLastTest { $0.executionError = errorValue(String(raw.dropFirst(9))) }
            } else if raw.hasPrefix("\t\t\t") {
                let content = String(raw.dropFirst(3))
                if let tab = content.firstIndex(of: "\t"), content[..<tab].hasSuffix(":") {
                    appendLine(.field(String(content[..<content.index(before: tab)]), String(content[content.index(after: tab)...])))
                } else if content.hasSuffix(":") {
                    appendLine(.heading(content))
                } else {
                    appendLine(.text(content))
                }
            } else if raw.hasPrefix("\t\t") {
                let title = String(raw.dropFirst(2))
                modifyLastTest { test in
                    test.assertions.append(assertion(title: title))
                }
            }
        }
        flushBlock()
        if !suites.isEmpty { suites[0].snapshot = SnapshotCounts(total: snapshotsPassed) }
        if charts.isEmpty { charts.append(ChartResult(name: "", path: "")) }
        charts[charts.count - 1].suites = suites
        return RunResult(charts: charts, duration: .milliseconds(42))
    }

    /// ``- asserts[i]( NOT) `type` fail`` or a custom title.
    static func assertion(title: String) -> AssertionResult {
        guard title.hasPrefix("- asserts["), title.hasSuffix("` fail"),
              let close = title.firstIndex(of: "]"),
              let index = Int(title[title.index(title.startIndex, offsetBy: 10)..<close]),
              let tick = title.firstIndex(of: "`") else {
            return AssertionResult(index: 0, assertType: "", passed: false, customInfo: title)
        }
        let negated = title[close...].hasPrefix("] NOT")
        let type = String(title[title.index(after: tick)..<title.index(title.endIndex, offsetBy: -6)])
        return AssertionResult(index: index, assertType: type, isNegated: negated, passed: false)
    }
}
