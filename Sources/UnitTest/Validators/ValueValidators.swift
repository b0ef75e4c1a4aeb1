import Diagnostics
import GoRegexp
import GoStd
import Values

/// Validators that read values at a path of each document: equal,
/// isNullOrEmpty, isSubset, isType, matchRegex, greaterOrEqual/lessOrEqual.
extension ValidationContext {
    func validateEqual(path: String, expected: Value, decodeBase64: Bool) -> Verdict {
        func failure(_ actual: Value, _ document: Int, _ index: Int) -> [Problem] {
            if negative {
                return FailInfo.expectation(.equal, not: true, path: path, expected: .yaml(expected), document: document, value: index)
            }
            return FailInfo.expectation(.equal, not: false, path: path, expected: .yaml(expected), actual: .yaml(actual),
                                        showsDiff: true, document: document, value: index)
        }
        return eachDocument(emptyFailure: { failure(.string("no manifest found"), -1, -1) }) { document, manifest in
            eachMatch(of: path, in: manifest, documentIndex: document, unknownPath: "unknown path \(path)") { index, match in
                var actual = match
                if case .string(var text) = match {
                    if decodeBase64 {
                        guard let decoded = (try? GoBaseEncoding.base64Decode(text.text)).map({ GoString(bytes: $0.bytes) }) else {
                            return (false, FailInfo.error("unable to decode base64 expected content \(text)", document: document, value: index))
                        }
                        text = decoded
                    }
                    actual = .string(uniformContent(text.text))
                }
                if deepEqual(expected, actual) == negative { return (false, failure(actual, document, index)) }
                return (true, [])
            }
        }
    }

    func validateNullOrEmpty(path: String) -> Verdict {
        func failure(_ actual: Value, _ document: Int, _ index: Int) -> [Problem] {
            FailInfo.expectation(.nullOrEmpty, not: negative, path: path, expected: .yaml(actual), document: document, value: index)
        }
        return eachDocument(emptyFailure: { failure(.string("no manifest found"), -1, -1) }) { document, manifest in
            eachMatch(of: path, in: manifest, documentIndex: document, unknownPath: "unknown path \(path)") { index, match in
                isGoZeroOrEmpty(match) == negative ? (false, failure(match, document, index)) : (true, [])
            }
        }
    }

    func validateSubset(path: String, content: Value) -> Verdict {
        func failure(_ actual: Value, _ document: Int, _ index: Int) -> [Problem] {
            FailInfo.expectation(.contain, not: negative, path: path, expected: .yaml(content), actual: .yaml(actual),
                                 document: document, value: index)
        }
        return eachDocument(emptyFailure: { failure(.string("no manifest found"), -1, -1) }) { document, manifest in
            eachMatch(of: path, in: manifest, documentIndex: document, unknownPath: "unknown path \(path)") { index, match in
                guard case .map(let actualMap, _) = match, case .map(let contentMap, _) = content else {
                    return (false, FailInfo.error(.notAnObject(path: path, actual: match), document: document, value: index))
                }
                let found = isSubset(contentMap, of: actualMap)
                return found == negative ? (false, failure(match, document, index)) : (true, [])
            }
        }
    }

    func validateType(path: String, type: String) -> Verdict {
        func failure(_ actual: String, _ document: Int, _ index: Int) -> [Problem] {
            FailInfo.expectation(.type, not: negative, path: path, expected: .text(type), actual: .text(actual),
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
        if pattern.isEmpty { return Verdict(passed: false, problems: FailInfo.error("expected field 'pattern' to be filled")) }
        func failure(_ actual: String, _ document: Int, _ index: Int) -> [Problem] {
            FailInfo.expectation(.match, not: negative, path: path, expected: .text(pattern), actual: .text(actual),
                                 document: document, value: index)
        }
        return eachDocument(emptyFailure: { failure("no manifest found", -1, -1) }) { document, manifest in
            do throws(LocatedError) {
                _ = try queries.find(path, in: manifest)
            } catch {
                return Verdict(passed: false, problems: FailInfo.error(error.message, document: document))
            }
            let compiled: GoRegexp
            do throws(LocatedError) {
                compiled = try compilePattern(pattern)
            } catch {
                return Verdict(passed: false, problems: FailInfo.error(error.message))
            }
            return eachMatch(of: path, in: manifest, documentIndex: document, unknownPath: "unknown path \(path)") { index, match in
                guard case .string(var text) = match else {
                    return (false, FailInfo.error(.notAString(path: path, actual: match), document: document, value: index))
                }
                if decodeBase64 {
                    guard let decoded = (try? GoBaseEncoding.base64Decode(text.text)).map({ GoString(bytes: $0.bytes) }) else {
                        return (false, FailInfo.error("unable to decode base64 expected content \(text)", document: document, value: index))
                    }
                    text = decoded
                }
                return compiled.matches(text.text) == negative ? (false, failure(text.text, document, index)) : (true, [])
            }
        }
    }

    /// greaterOrEqual / lessOrEqual, including helm-unittest's precedence
    /// bug: `notGreaterOrEqual` passes whenever the types agree, and
    /// `notLessOrEqual` means "greater than".
    func validateComparison(path: String, expected: Value, greater: Bool) -> Verdict {
        func failure(_ expected: Operand, _ document: Int, _ index: Int) -> [Problem] {
            FailInfo.expectation(greater ? .greaterOrEqual : .lessOrEqual, not: negative, path: path, expected: expected,
                                 document: document, value: index)
        }
        return eachDocument(emptyFailure: { failure(.text("no manifests found"), -1, -1) }) { document, manifest in
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
                    ordered = greater ? !(a < e) : !(e < a)
                case (.int(let e, .int), .int(let a, .int)):
                    ordered = greater ? a >= e : a <= e
                case (.float(let e), .float(let a)):
                    ordered = greater ? a >= e : a <= e
                default:
                    let name = expectedType.isEmpty ? "<nil>" : expectedType
                    return (false, failure(.unsupportedType(name), document, index))
                }
                // Go: (greater && A) || (less && B) == !negative
                let result = greater ? (ordered || negative) : (ordered == !negative)
                if !result {
                    return (false, failure(.notInOrder(actual: actual, expected: expected, greater: greater), document, index))
                }
                return (true, [])
            }
        }
    }

    func validateContains(path: String, content: Value, count: Int?, any: Bool) -> Verdict {
        func failure(_ actual: Value, _ document: Int, _ index: Int) -> [Problem] {
            FailInfo.expectation(.contain, not: negative, path: path, expected: .yaml(.list([content])), actual: .yaml(actual),
                                 document: document, value: index)
        }
        return eachDocument(emptyFailure: { failure(.string("no manifest found"), 0, -1) }) { document, manifest in
            eachMatch(of: path, in: manifest, documentIndex: document, unknownPath: "unknown path \(path)") { index, match in
                guard case .list(let items, _) = match else {
                    return (false, FailInfo.error(.notAnArray(path: path, actual: match), document: document, value: index))
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
                    return (false, FailInfo.error(.countMismatch(path: path, expected: count, found: matches, actual: match),
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
