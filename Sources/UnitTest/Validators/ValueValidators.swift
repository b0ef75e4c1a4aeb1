import Diagnostics
import GoRegexp
import GoStd
import Values

/// Validators that read values at a path of each document: equal,
/// isNullOrEmpty, isSubset, isType, matchRegex, greaterOrEqual/lessOrEqual.
extension ValidationContext {
    func validateEqual(path: String, expected: Value, decodeBase64: Bool) -> Verdict {
        func failure(_ actual: Value, _ document: Int, _ index: Int) -> [FailureLine] {
            let expectedYAML = trustedYAML(expected)
            if negative {
                return FailInfo.expectation(not: true, label: " to equal", path: path, expected: expectedYAML,
                                            document: document, value: index)
            }
            let actualYAML = trustedYAML(actual)
            return FailInfo.expectation(not: false, label: " to equal", path: path, expected: expectedYAML, actual: actualYAML,
                                        diff: unifiedDiff(expected: expectedYAML, actual: actualYAML), document: document, value: index)
        }
        return eachDocument(emptyFailure: { failure(.string("no manifest found"), -1, -1) }) { document, manifest in
            eachMatch(of: path, in: manifest, documentIndex: document, unknownPath: "unknown path \(path)") { index, match in
                var actual = match
                if case .string(var text) = match {
                    if decodeBase64 {
                        guard let decoded = (try? GoBaseEncoding.base64Decode(text)).map({ String(decoding: $0.bytes, as: UTF8.self) }) else {
                            return (false, FailInfo.error("unable to decode base64 expected content \(text)", document: document, value: index))
                        }
                        text = decoded
                    }
                    actual = .string(uniformContent(text))
                }
                if deepEqual(expected, actual) == negative { return (false, failure(actual, document, index)) }
                return (true, [])
            }
        }
    }

    func validateNullOrEmpty(path: String) -> Verdict {
        func failure(_ actual: Value, _ document: Int, _ index: Int) -> [FailureLine] {
            FailInfo.expectation(not: negative, label: " to be null or empty, got", path: path, expected: trustedYAML(actual),
                                 document: document, value: index)
        }
        return eachDocument(emptyFailure: { failure(.string("no manifest found"), -1, -1) }) { document, manifest in
            eachMatch(of: path, in: manifest, documentIndex: document, unknownPath: "unknown path \(path)") { index, match in
                isGoZeroOrEmpty(match) == negative ? (false, failure(match, document, index)) : (true, [])
            }
        }
    }

    func validateSubset(path: String, content: Value) -> Verdict {
        func failure(_ actual: Value, _ document: Int, _ index: Int) -> [FailureLine] {
            FailInfo.expectation(not: negative, label: " to contain", path: path, expected: trustedYAML(content),
                                 actual: trustedYAML(actual), document: document, value: index)
        }
        return eachDocument(emptyFailure: { failure(.string("no manifest found"), -1, -1) }) { document, manifest in
            eachMatch(of: path, in: manifest, documentIndex: document, unknownPath: "unknown path \(path)") { index, match in
                guard case .map(let actualMap, _) = match, case .map(let contentMap, _) = content else {
                    return (false, FailInfo.error("expect '\(path)' to be an object, got:\n\(trustedYAML(match))",
                                                  document: document, value: index))
                }
                let found = isSubset(contentMap, of: actualMap)
                return found == negative ? (false, failure(match, document, index)) : (true, [])
            }
        }
    }

    func validateType(path: String, type: String) -> Verdict {
        func failure(_ actual: String, _ document: Int, _ index: Int) -> [FailureLine] {
            FailInfo.expectation(not: negative, label: " to be of type", path: path, expected: type, actual: actual,
                                 document: document, value: index)
        }
        return eachDocument(emptyFailure: { failure("no manifest found", -1, -1) }) { document, manifest in
            eachMatch(of: path, in: manifest, documentIndex: document, unknownPath: "unknown path \(path)") { index, match in
                let actual = goReflectTypeName(match)
                return (actual == type) == negative ? (false, failure(actual, document, index)) : (true, [])
            }
        }
    }

    func validateRegex(path: String, pattern: String, decodeBase64: Bool) -> Verdict {
        if pattern.isEmpty { return Verdict(passed: false, lines: FailInfo.error("expected field 'pattern' to be filled")) }
        func failure(_ actual: String, _ document: Int, _ index: Int) -> [FailureLine] {
            FailInfo.expectation(not: negative, label: " to match", path: path, expected: pattern, actual: actual,
                                 document: document, value: index)
        }
        return eachDocument(emptyFailure: { failure("no manifest found", -1, -1) }) { document, manifest in
            do throws(LocatedError) {
                _ = try findPath(path, in: manifest)
            } catch {
                return Verdict(passed: false, lines: FailInfo.error(error.message, document: document))
            }
            let compiled: GoRegexp
            do throws(LocatedError) {
                compiled = try compilePattern(pattern)
            } catch {
                return Verdict(passed: false, lines: FailInfo.error(error.message))
            }
            return eachMatch(of: path, in: manifest, documentIndex: document, unknownPath: "unknown path \(path)") { index, match in
                guard case .string(var text) = match else {
                    return (false, FailInfo.error("expect '\(path)' to be a string, got:\n\(trustedYAML(match))",
                                                  document: document, value: index))
                }
                if decodeBase64 {
                    guard let decoded = (try? GoBaseEncoding.base64Decode(text)).map({ String(decoding: $0.bytes, as: UTF8.self) }) else {
                        return (false, FailInfo.error("unable to decode base64 expected content \(text)", document: document, value: index))
                    }
                    text = decoded
                }
                return compiled.matches(text) == negative ? (false, failure(text, document, index)) : (true, [])
            }
        }
    }

    /// greaterOrEqual / lessOrEqual, including helm-unittest's precedence
    /// bug: `notGreaterOrEqual` passes whenever the types agree, and
    /// `notLessOrEqual` means "greater than".
    func validateComparison(path: String, expected: Value, greater: Bool) -> Verdict {
        let comparison = greater ? "greater" : "less"
        func failure(_ message: String, _ document: Int, _ index: Int) -> [FailureLine] {
            FailInfo.expectation(not: negative, label: " to be \(comparison) then or equal to, got", path: path,
                                 expected: message, document: document, value: index)
        }
        return eachDocument(emptyFailure: { failure("no manifests found", -1, -1) }) { document, manifest in
            eachMatch(of: path, in: manifest, documentIndex: document, unknownPath: "unknown path '\(path)'") { index, actual in
                let actualType = goReflectTypeName(actual)
                let expectedType = goReflectTypeName(expected)
                if actualType != expectedType {
                    let a = actualType.isEmpty ? "%!s(<nil>)" : actualType
                    let e = expectedType.isEmpty ? "%!s(<nil>)" : expectedType
                    return (nil, FailInfo.error("actual '\(a)' and expected '\(e)' types do not match", document: document, value: index))
                }
                let ordered: Bool
                switch (expected, actual) {
                case (.string(let e), .string(let a)):
                    ordered = greater ? !a.utf8.lexicographicallyPrecedes(e.utf8) : !e.utf8.lexicographicallyPrecedes(a.utf8)
                case (.int(let e, .int), .int(let a, .int)):
                    ordered = greater ? a >= e : a <= e
                case (.float(let e), .float(let a)):
                    ordered = greater ? a >= e : a <= e
                default:
                    let name = expectedType.isEmpty ? "<nil>" : expectedType
                    return (false, failure("unsupported type '\(name)'", document, index))
                }
                // Go: (greater && A) || (less && B) == !negative
                let result = greater ? (ordered || negative) : (ordered == !negative)
                if !result {
                    let message = "the actual '\(GoFmt.format(actual))' is not \(comparison) or equal to the expected '\(GoFmt.format(expected))'"
                    return (false, failure(message, document, index))
                }
                return (true, [])
            }
        }
    }

    func validateContains(path: String, content: Value, count: Int?, any: Bool) -> Verdict {
        func failure(_ actual: Value, _ document: Int, _ index: Int) -> [FailureLine] {
            FailInfo.expectation(not: negative, label: " to contain", path: path, expected: trustedYAML(.list([content])),
                                 actual: trustedYAML(actual), document: document, value: index)
        }
        return eachDocument(emptyFailure: { failure(.string("no manifest found"), 0, -1) }) { document, manifest in
            eachMatch(of: path, in: manifest, documentIndex: document, unknownPath: "unknown path \(path)") { index, match in
                guard case .list(let items, _) = match else {
                    return (false, FailInfo.error("expect '\(path)' to be an array, got:\n\(trustedYAML(match))",
                                                  document: document, value: index))
                }
                var found = false
                var matches = 0
                for element in items {
                    var isArray = false
                    if any {
                        if case .map(let e, _) = element, case .map(let c, _) = content {
                            if isSubset(c, of: e) { found = true; matches += 1 }
                        } else {
                            isArray = true
                        }
                    }
                    if (!any || isArray) && deepEqual(element, content) { found = true; matches += 1 }
                }
                guard let count else {
                    return found == negative ? (false, failure(match, document, index)) : (true, [])
                }
                if (found && matches == count) == negative {
                    if !found { return (false, failure(match, document, index)) }
                    return (false, FailInfo.error("expect count \(count) in '\(path)' to be in array, got \(matches):\n\(trustedYAML(match))",
                                                  document: document, value: index))
                }
                return (true, [])
            }
        }
    }
}

/// helm-unittest's `validateSubset`: every top-level key of `content`
/// DeepEquals the same key of `actual` (a missing key reads as nil).
func isSubset(_ content: GoMap, of actual: GoMap) -> Bool {
    content.entries.allSatisfy { key, value in deepEqual(actual.entries[key] ?? .null, value) }
}
