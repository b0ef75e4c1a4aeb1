import GoRegexp
import GoStd
import Values

/// Validators about whole documents: exists, isKind, isAPIVersion,
/// hasDocuments, containsDocument, lengthEqual.
extension ValidationContext {
    func validateExists(path: String) -> Verdict {
        func failure(_ document: Int) -> [FailureLine] {
            let text = "Path:\t\(FailInfo.trimGo(path)) expected to " + (negative ? "NOT " : "") + "exists"
            return FailInfo.indexed([.text(text)], document: document, value: -1)
        }
        var passed = false
        var lines: [FailureLine] = []
        for (index, manifest) in selected.enumerated() {
            let matches: [Value]
            do {
                matches = try findPath(path, in: manifest)
            } catch {
                passed = false
                lines += FailInfo.error(error.message, document: index)
                if failFast { break }
                continue
            }
            if !matches.isEmpty == negative {
                passed = false
                lines += failure(index)
                continue
            }
            passed = accumulate(index, passed, true)
        }
        if selected.isEmpty {
            if negative { passed = true } else { lines += failure(-1) }
        }
        return Verdict(passed: passed, lines: lines)
    }

    /// isKind (`field` = "kind") and isAPIVersion (`field` = "apiVersion").
    func validateField(_ field: String, equals expected: String, label: String) -> Verdict {
        func failure(_ actual: Value, _ document: Int) -> [FailureLine] {
            if negative {
                return FailInfo.expectation(not: true, label: label, expected: expected, document: document)
            }
            return FailInfo.expectation(not: false, label: label, expected: expected, actual: trustedYAML(actual), document: document)
        }
        return eachDocument(emptyFailure: { failure(.string("no manifest found"), -1) }) { index, manifest in
            let actual = manifest.mapValue?.entries[field] ?? .null
            let matches = actual.stringValue == expected
            return matches == negative ? Verdict(passed: false, lines: failure(actual, index)) : Verdict(passed: true, lines: [])
        }
    }

    func validateDocumentCount(_ count: Int, filterAware: Bool) -> Verdict {
        let actual = filterAware ? selected.count : docs.count
        if (actual == count) != negative { return Verdict(passed: true, lines: []) }
        if negative {
            return Verdict(passed: false, lines: FailInfo.expectation(not: true, label: " documents count to be", expected: String(count)))
        }
        return Verdict(passed: false, lines: FailInfo.expectation(not: false, label: " documents count to be",
                                                                  expected: String(count), actual: String(actual)))
    }

    func validateContainsDocument(kind: String, apiVersion: String, name: String, namespace: String, any: Bool) -> Verdict {
        var description = "Kind = \(kind), apiVersion = \(apiVersion)"
        if !name.isEmpty { description += ", Name = \(name)" }
        if !namespace.isEmpty { description += ", Namespace = \(namespace)" }
        func failure(_ document: Int) -> [FailureLine] {
            FailInfo.expectation(not: negative, label: " to contain document", expected: description, document: document)
        }
        func metadata(_ manifest: Value, _ key: String, equals expected: String) -> Bool {
            if expected.isEmpty { return true }
            guard let found = try? findPath("metadata.\(key)", in: manifest), let first = found.first else { return false }
            return first.stringValue == expected
        }
        func matches(_ manifest: Value) -> Bool {
            let map = manifest.mapValue
            if case .string(let k)? = map?.entries["kind"], k != kind { return false }
            if case .string(let a)? = map?.entries["apiVersion"], a != apiVersion { return false }
            return metadata(manifest, "name", equals: name) && metadata(manifest, "namespace", equals: namespace)
        }
        var passed = false
        var lines: [FailureLine] = []
        for (index, manifest) in selected.enumerated() {
            var current = matches(manifest)
            if current == negative {
                current = false
                lines += failure(index)
                if failFast { passed = false; break }
            } else {
                current = true
                if any != negative { passed = true; lines = []; break }
            }
            passed = accumulate(index, passed, current)
        }
        if selected.isEmpty {
            if negative { passed = true } else { lines += failure(0) }
        }
        return Verdict(passed: passed, lines: lines)
    }

    func validateLength(paths list: [String], path: String, count: Int?) -> Verdict {
        if !path.isEmpty && (count ?? -1) < 0 {
            return Verdict(passed: false, lines: FailInfo.error("'count' field must be set if 'path' is used"))
        }
        if !path.isEmpty && !list.isEmpty {
            return Verdict(passed: false, lines: FailInfo.error("'paths' couldn't be used with 'path'"))
        }
        func failure(_ path: String, _ expected: String, _ actual: String, _ document: Int) -> [FailureLine] {
            FailInfo.expectation(not: negative, label: " to match count", path: path, expected: expected, actual: actual, document: document)
        }
        func lengths(_ manifest: Value, _ path: String, _ document: Int) -> (Bool, [FailureLine], Int) {
            let matches: [Value]
            do {
                matches = try findPath(path, in: manifest)
            } catch {
                return (false, FailInfo.error(error.message, document: document), 0)
            }
            var passed = matches.isEmpty && negative
            var lines: [FailureLine] = []
            var length = 0
            for (index, match) in matches.enumerated() {
                let list = match.listValue
                if list == nil && count == nil {
                    lines += FailInfo.error("\(path) is not array", document: document, value: index)
                    continue
                }
                length = list?.count ?? 0
                var current = true
                if let count, (length == count) == negative {
                    lines += failure(path, String(count), String(length), document)
                    current = false
                }
                passed = accumulate(index, passed, current)
                if !passed && failFast { break }
            }
            return (passed, lines, length)
        }
        return eachDocument(emptyFailure: { failure("", "", "no manifest found", -1) }) { document, manifest in
            if !path.isEmpty {
                let (passed, lines, _) = lengths(manifest, path, document)
                return Verdict(passed: passed, lines: lines)
            }
            var counts: [String: Int] = [:]
            var lines: [FailureLine] = []
            var allPassed = true
            for p in list {
                let (passed, found, length) = lengths(manifest, p, document)
                counts[p] = length
                if !passed { lines += found; allPassed = false }
            }
            if !allPassed { return Verdict(passed: false, lines: lines) }
            var arrayCount = -1
            for p in counts.keys.sorted(by: goLess) {
                let n = counts[p] ?? 0
                if arrayCount == -1 {
                    arrayCount = n
                } else if (arrayCount == n) == negative {
                    return Verdict(passed: false, lines: lines + failure(p, "-1", String(n), document))
                }
            }
            return Verdict(passed: arrayCount != -1, lines: lines)
        }
    }

    func validateFailedTemplate(errorMessage: String, errorPattern: String) -> Verdict {
        if !errorMessage.isEmpty && !errorPattern.isEmpty {
            return Verdict(passed: false, lines: FailInfo.error("single attribute 'errorMessage' or 'errorPattern' supported at the same time"))
        }
        let label = errorPattern.isEmpty ? " to equal" : " to match"
        let message = errorMessage.isEmpty ? errorPattern : errorMessage
        func failure(_ actual: String, _ document: Int) -> [FailureLine] {
            if negative { return FailInfo.expectation(not: true, label: label, expected: message, document: document) }
            return FailInfo.expectation(not: false, label: label, expected: message, actual: actual, document: document)
        }
        func check(_ actual: Value, _ document: Int) -> Verdict {
            if !errorPattern.isEmpty {
                let compiled: GoRegexp
                do {
                    compiled = try compilePattern(errorPattern)
                } catch {
                    do {
                        compiled = try compilePattern(GoRegexp.quoteMeta(errorPattern))
                    } catch {
                        return Verdict(passed: false, lines: FailInfo.error(error.message))
                    }
                }
                guard case .string(let text) = actual else { return Verdict(passed: true, lines: []) }
                if compiled.matches(text) == negative {
                    if errorPattern.contains(where: { "\\.+*?()|[]{}^$".contains($0) }),
                       let literal = try? compilePattern(GoRegexp.quoteMeta(errorPattern)) {
                        if literal.matches(text) == negative { return Verdict(passed: false, lines: failure(text, document)) }
                        return Verdict(passed: true, lines: [])
                    }
                    return Verdict(passed: false, lines: failure(text, document))
                }
                return Verdict(passed: true, lines: [])
            }
            if !errorMessage.isEmpty {
                let equal = actual.stringValue == errorMessage
                if equal == negative {
                    let shown = actual.stringValue ?? (actual.isNull ? "%!s(<nil>)" : GoFmt.format(actual))
                    return Verdict(passed: false, lines: failure(shown, document))
                }
                return Verdict(passed: true, lines: [])
            }
            return Verdict(passed: true, lines: [])
        }
        if let renderError {
            return check(.string(renderError), -1)
        }
        var passed = true
        var lines: [FailureLine] = []
        for (index, manifest) in selected.enumerated() {
            if errorMessage.isEmpty && errorPattern.isEmpty && !negative { continue }
            let verdict = check(manifest.mapValue?.entries["raw"] ?? .null, index)
            lines += verdict.lines
            passed = accumulate(index, passed, verdict.passed)
            if !passed && failFast { break }
        }
        if selected.isEmpty && !negative {
            passed = false
            lines += failure("No failed document", -1)
        }
        return Verdict(passed: passed, lines: lines)
    }
}
