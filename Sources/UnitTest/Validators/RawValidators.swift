import GoRegexp
import Values

/// Validators of a document's `raw` text and of snapshots: equalRaw,
/// matchRegexRaw, matchSnapshot, matchSnapshotRaw.
extension ValidationContext {
    func validateEqualRaw(_ expected: String) -> Verdict {
        func failure(_ actual: String) -> [Problem] {
            if negative { return FailInfo.expectation(.equal, not: true, expected: .yaml(.string(expected))) }
            return FailInfo.expectation(.equal, not: false, expected: .yaml(.string(expected)), actual: .yaml(.string(actual)),
                                        showsDiff: true)
        }
        var passed = false
        var lines: [Problem] = []
        for (index, manifest) in selected.enumerated() {
            let actual = uniformContent(manifest.mapValue?.entries["raw"] ?? .null)
            if (actual == expected) == negative {
                passed = false
                lines += failure(actual)
                if failFast { break }
                continue
            }
            passed = accumulate(index, passed, true)
        }
        if selected.isEmpty {
            if negative { passed = true } else { lines += failure("no manifest found") }
        }
        return Verdict(passed: passed, problems: lines)
    }

    func validateRegexRaw(_ pattern: String) -> Verdict {
        if pattern.isEmpty { return Verdict(passed: false, problems: FailInfo.error("expected field 'pattern' to be filled")) }
        func failure(_ actual: String) -> [Problem] {
            FailInfo.expectation(.match, not: negative, expected: .text(pattern), actual: .text(actual))
        }
        var passed = false
        var lines: [Problem] = []
        for (index, manifest) in selected.enumerated() {
            let actual = uniformContent(manifest.mapValue?.entries["raw"] ?? .null)
            let compiled: GoRegexp
            do {
                compiled = try compilePattern(pattern)
            } catch {
                return Verdict(passed: false, problems: FailInfo.error(error.message))
            }
            if compiled.matches(actual) == negative {
                passed = false
                lines += failure(actual)
                if failFast { break }
                continue
            }
            passed = accumulate(index, passed, true)
        }
        if selected.isEmpty {
            if negative { passed = true } else { lines += failure("no manifest found") }
        }
        return Verdict(passed: passed, problems: lines)
    }

    /// matchSnapshot: passes on zero documents; every path match is one
    /// comparison (and one tick of the test's snapshot counter).
    func validateSnapshot(path: String, matchRegex: String?, notMatchRegex: String?) -> Verdict {
        var passed = selected.isEmpty && !negative
        var lines: [Problem] = []
        for (document, manifest) in selected.enumerated() {
            let verdict = snapshotDocument(manifest, document, path: path, matchRegex: matchRegex, notMatchRegex: notMatchRegex)
            lines += verdict.problems
            passed = accumulate(document, passed, verdict.passed)
            if !passed && failFast { break }
        }
        return Verdict(passed: passed, problems: lines)
    }

    private func snapshotDocument(_ manifest: Value, _ document: Int, path: String,
                                  matchRegex: String?, notMatchRegex: String?) -> Verdict {
        let matches: [Value]
        do {
            matches = try queries.find(path, in: manifest)
        } catch {
            return Verdict(passed: false, problems: FailInfo.error(error.message, document: document))
        }
        if matches.isEmpty && !negative {
            return Verdict(passed: false, problems: FailInfo.error("unknown path \(path)", document: document))
        }
        var passed = matches.isEmpty && negative
        var lines: [Problem] = []
        for (index, match) in matches.enumerated() {
            guard let snapshots else { continue }
            let result = snapshots.compare(match, matchRegex: matchRegex ?? "", notMatchRegex: notMatchRegex ?? "")
            if result.hasError {
                // helm-unittest prints the (nil) outer error here.
                return Verdict(passed: false, problems: lines + FailInfo.error("<nil>", document: document, value: index))
            }
            var current = true
            if result.passed == negative {
                current = false
                if let pattern = result.failedPattern {
                    lines += FailInfo.expectation(pattern, not: negative, expected: .text(result.cachedText),
                                                  document: document, value: index)
                } else {
                    let shown: Operand = negative ? .text(result.cachedText) : .diff(expected: result.cachedText, actual: result.newText)
                    lines += FailInfo.expectation(.snapshot(index: result.index), not: negative, path: path,
                                                  expected: shown, document: document, value: index)
                }
            }
            passed = accumulate(index, passed, current)
            if !passed && failFast { break }
        }
        return Verdict(passed: passed, problems: lines)
    }

    /// matchSnapshotRaw: the `raw` text of every selected document.
    func validateSnapshotRaw() -> Verdict {
        var passed = selected.isEmpty && !negative
        var lines: [Problem] = []
        for (index, manifest) in selected.enumerated() {
            let actual = uniformContent(manifest.mapValue?.entries["raw"] ?? .null)
            var current = true
            if let snapshots {
                let result = snapshots.compare(.string(actual), matchRegex: "", notMatchRegex: "")
                if result.passed == negative {
                    current = false
                    let shown: Operand = negative ? .text(result.cachedText) : .diff(expected: result.cachedText, actual: result.newText)
                    lines += FailInfo.expectation(.snapshot(index: result.index), not: negative, expected: shown)
                }
            }
            passed = accumulate(index, passed, current)
            if !passed && failFast { break }
        }
        return Verdict(passed: passed, problems: lines)
    }

    /// Runs the validator of `check`.
    func validate(_ check: Check) -> Verdict {
        switch check {
        case .equal(let path, let value, let decodeBase64): return validateEqual(path: path, expected: value, decodeBase64: decodeBase64)
        case .equalRaw(let value): return validateEqualRaw(value)
        case .exists(let path): return validateExists(path: path)
        case .contains(let path, let content, let count, let any):
            return validateContains(path: path, content: content, count: count, any: any)
        case .containsDocument(let kind, let apiVersion, let name, let namespace, let any):
            return validateContainsDocument(kind: kind, apiVersion: apiVersion, name: name, namespace: namespace, any: any)
        case .failedTemplate(let message, let pattern): return validateFailedTemplate(errorMessage: message, errorPattern: pattern)
        case .hasDocuments(let count, let filterAware): return validateDocumentCount(count, filterAware: filterAware)
        case .isKind(let of): return validateField("kind", equals: of, relation: .kind)
        case .isAPIVersion(let of): return validateField("apiVersion", equals: of, relation: .apiVersion)
        case .isNullOrEmpty(let path): return validateNullOrEmpty(path: path)
        case .isSubset(let path, let content): return validateSubset(path: path, content: content)
        case .isType(let path, let type): return validateType(path: path, type: type)
        case .lengthEqual(let paths, let path, let count): return validateLength(paths: paths, path: path, count: count)
        case .matchRegex(let path, let pattern, let decodeBase64):
            return validateRegex(path: path, pattern: pattern, decodeBase64: decodeBase64)
        case .matchRegexRaw(let pattern): return validateRegexRaw(pattern)
        case .compare(let path, let value, let greater): return validateComparison(path: path, expected: value, greater: greater)
        case .matchSnapshot(let path, let matchRegex, let notMatchRegex):
            return validateSnapshot(path: path, matchRegex: matchRegex, notMatchRegex: notMatchRegex)
        case .matchSnapshotRaw: return validateSnapshotRaw()
        }
    }
}
