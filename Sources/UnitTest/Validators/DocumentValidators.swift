import GoRegexp
import GoStd
import Values

/// Validators about whole documents: exists, isKind, isAPIVersion,
/// hasDocuments, containsDocument, lengthEqual.
extension ValidationContext {
    func validateExists(path: String) -> Verdict {
        func failure(_ document: Int) -> [Problem] {
            [Problem(.existence(path: path, negated: negative), document: FailInfo.shown(document))]
        }
        var passed = false
        var lines: [Problem] = []
        for (index, manifest) in selected.enumerated() {
            let matches: [Value]
            do {
                matches = try queries.find(path, in: manifest)
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
        return Verdict(passed: passed, problems: lines)
    }

    /// isKind (`field` = "kind") and isAPIVersion (`field` = "apiVersion").
    func validateField(_ field: String, equals expected: String, relation: FailedExpectation.Relation) -> Verdict {
        func failure(_ actual: Value, _ document: Int) -> [Problem] {
            if negative {
                return FailInfo.expectation(relation, not: true, expected: .text(expected), document: document)
            }
            return FailInfo.expectation(relation, not: false, expected: .text(expected), actual: .yaml(actual), document: document)
        }
        return eachDocument(emptyFailure: { failure(.string("no manifest found"), -1) }) { index, manifest in
            let actual = manifest.mapValue?.entries[GoString(field)] ?? .null
            let matches = actual.stringValue == expected
            return matches == negative ? Verdict(passed: false, problems: failure(actual, index)) : Verdict(passed: true, problems: [])
        }
    }

    func validateDocumentCount(_ count: Int, filterAware: Bool) -> Verdict {
        let actual = filterAware ? selected.count : docs.count
        if (actual == count) != negative { return Verdict(passed: true, problems: []) }
        if negative {
            return Verdict(passed: false, problems: FailInfo.expectation(.documentCount, not: true, expected: .text(String(count))))
        }
        return Verdict(passed: false, problems: FailInfo.expectation(.documentCount, not: false, expected: .text(String(count)),
                                                                     actual: .text(String(actual))))
    }

    func validateContainsDocument(kind: String, apiVersion: String, name: String, namespace: String, any: Bool) -> Verdict {
        var description = "Kind = \(kind), apiVersion = \(apiVersion)"
        if !name.isEmpty { description += ", Name = \(name)" }
        if !namespace.isEmpty { description += ", Namespace = \(namespace)" }
        func failure(_ document: Int) -> [Problem] {
            FailInfo.expectation(.containDocument, not: negative, expected: .text(description), document: document)
        }
        func metadata(_ manifest: Value, _ key: String, equals expected: String) -> Bool {
            if expected.isEmpty { return true }
            guard let found = try? queries.find("metadata.\(key)", in: manifest), let first = found.first else { return false }
            return first.stringValue == expected
        }
        func matches(_ manifest: Value) -> Bool {
            let map = manifest.mapValue
            if case .string(let k)? = map?.entries["kind"], k != GoString(kind) { return false }
            if case .string(let a)? = map?.entries["apiVersion"], a != GoString(apiVersion) { return false }
            return metadata(manifest, "name", equals: name) && metadata(manifest, "namespace", equals: namespace)
        }
        var passed = false
        var lines: [Problem] = []
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
        return Verdict(passed: passed, problems: lines)
    }

    func validateLength(paths list: [String], path: String, count: Int?) -> Verdict {
        if !path.isEmpty && (count ?? -1) < 0 {
            return Verdict(passed: false, problems: FailInfo.error("'count' field must be set if 'path' is used"))
        }
        if !path.isEmpty && !list.isEmpty {
            return Verdict(passed: false, problems: FailInfo.error("'paths' couldn't be used with 'path'"))
        }
        func failure(_ path: String, _ expected: String, _ actual: String, _ document: Int) -> [Problem] {
            FailInfo.expectation(.count, not: negative, path: path, expected: .text(expected), actual: .text(actual), document: document)
        }
        func lengths(_ manifest: Value, _ path: String, _ document: Int) -> (Bool, [Problem], Int) {
            let matches: [Value]
            do {
                matches = try queries.find(path, in: manifest)
            } catch {
                return (false, FailInfo.error(error.message, document: document), 0)
            }
            var passed = matches.isEmpty && negative
            var lines: [Problem] = []
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
                return Verdict(passed: passed, problems: lines)
            }
            var counts: [String: Int] = [:]
            var lines: [Problem] = []
            var allPassed = true
            for p in list {
                let (passed, found, length) = lengths(manifest, p, document)
                counts[p] = length
                if !passed { lines += found; allPassed = false }
            }
            if !allPassed { return Verdict(passed: false, problems: lines) }
            var arrayCount = -1
            for p in counts.keys.sorted(by: goLess) {
                let n = counts[p] ?? 0
                if arrayCount == -1 {
                    arrayCount = n
                } else if (arrayCount == n) == negative {
                    return Verdict(passed: false, problems: lines + failure(p, "-1", String(n), document))
                }
            }
            return Verdict(passed: arrayCount != -1, problems: lines)
        }
    }

    func validateFailedTemplate(errorMessage: String, errorPattern: String) -> Verdict {
        if !errorMessage.isEmpty && !errorPattern.isEmpty {
            return Verdict(passed: false, problems: FailInfo.error("single attribute 'errorMessage' or 'errorPattern' supported at the same time"))
        }
        let relation: FailedExpectation.Relation = errorPattern.isEmpty ? .equal : .match
        let message = errorMessage.isEmpty ? errorPattern : errorMessage
        func failure(_ actual: Operand, _ document: Int) -> [Problem] {
            if negative { return FailInfo.expectation(relation, not: true, expected: .text(message), document: document) }
            return FailInfo.expectation(relation, not: false, expected: .text(message), actual: actual, document: document)
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
                        return Verdict(passed: false, problems: FailInfo.error(error.message))
                    }
                }
                guard case .string(let goText) = actual else { return Verdict(passed: true, problems: []) }
                let text = goText.text
                if compiled.matches(text) == negative {
                    if errorPattern.contains(where: { "\\.+*?()|[]{}^$".contains($0) }),
                       let literal = try? compilePattern(GoRegexp.quoteMeta(errorPattern)) {
                        if literal.matches(text) == negative { return Verdict(passed: false, problems: failure(.text(text), document)) }
                        return Verdict(passed: true, problems: [])
                    }
                    return Verdict(passed: false, problems: failure(.text(text), document))
                }
                return Verdict(passed: true, problems: [])
            }
            if !errorMessage.isEmpty {
                let equal = actual.stringValue == errorMessage
                if equal == negative {
                    return Verdict(passed: false, problems: failure(.printed(actual), document))
                }
                return Verdict(passed: true, problems: [])
            }
            return Verdict(passed: true, problems: [])
        }
        if let renderError {
            return check(.string(renderError), -1)
        }
        var passed = true
        var lines: [Problem] = []
        for (index, manifest) in selected.enumerated() {
            if errorMessage.isEmpty && errorPattern.isEmpty && !negative { continue }
            let verdict = check(manifest.mapValue?.entries["raw"] ?? .null, index)
            lines += verdict.problems
            passed = accumulate(index, passed, verdict.passed)
            if !passed && failFast { break }
        }
        if selected.isEmpty && !negative {
            passed = false
            lines += failure(.text("No failed document"), -1)
        }
        return Verdict(passed: passed, problems: lines)
    }
}
