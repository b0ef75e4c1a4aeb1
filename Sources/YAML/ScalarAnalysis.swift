/// What libyaml's `yaml_emitter_analyze_scalar` finds out about a scalar's
/// text: which styles can represent it.
struct ScalarAnalysis: Sendable {
    var multiline = false
    var flowPlainAllowed = false
    var blockPlainAllowed = true
    var singleQuotedAllowed = true
    var blockAllowed = false
    var isEmpty = true

    /// Analyses `value` (UTF-8). `tabIsSpecial` is v2's rule (a tab is a
    /// non-printable character, which forbids every style but double
    /// quotes); v3 only forbids plain and single-quoted styles for tabs.
    init(_ value: [UInt8], unicode: Bool, tabIsSpecial: Bool) {
        if value.isEmpty { return }
        isEmpty = false
        if Self.isWordLike(value) {
            flowPlainAllowed = true
            blockAllowed = true
            return
        }
        var blockIndicators = false
        var flowIndicators = false
        var lineBreaks = false
        var specialCharacters = false
        var tabCharacters = false
        var leadingSpace = false
        var leadingBreak = false
        var trailingSpace = false
        var trailingBreak = false
        var breakSpace = false
        var spaceBreak = false
        var previousSpace = false
        var previousBreak = false

        if value.count >= 3 {
            let head = value[0..<3]
            if head.elementsEqual("---".utf8) || head.elementsEqual("...".utf8) {
                blockIndicators = true
                flowIndicators = true
            }
        }

        var precededByWhitespace = true
        var i = 0
        while i < value.count {
            let w = max(utf8Width(value[i]), 1)
            let followedByWhitespace = i + w >= value.count || isBlank(value, i + w)
            let c = value[i]
            if i == 0 {
                switch c {
                case UInt8(ascii: "#"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"),
                     UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "&"), UInt8(ascii: "*"),
                     UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"),
                     UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
                    flowIndicators = true
                    blockIndicators = true
                case UInt8(ascii: "?"), UInt8(ascii: ":"):
                    flowIndicators = true
                    if followedByWhitespace { blockIndicators = true }
                case UInt8(ascii: "-"):
                    if followedByWhitespace {
                        flowIndicators = true
                        blockIndicators = true
                    }
                default: break
                }
            } else {
                switch c {
                case UInt8(ascii: ","), UInt8(ascii: "?"), UInt8(ascii: "["), UInt8(ascii: "]"),
                     UInt8(ascii: "{"), UInt8(ascii: "}"):
                    flowIndicators = true
                case UInt8(ascii: ":"):
                    flowIndicators = true
                    if followedByWhitespace { blockIndicators = true }
                case UInt8(ascii: "#"):
                    if precededByWhitespace {
                        flowIndicators = true
                        blockIndicators = true
                    }
                default: break
                }
            }

            if !tabIsSpecial && c == UInt8(ascii: "\t") {
                tabCharacters = true
            } else if !isPrintable(value, i) || (!unicode && c > 0x7F) {
                specialCharacters = true
            }
            if c == UInt8(ascii: " ") {
                if i == 0 { leadingSpace = true }
                if i + w == value.count { trailingSpace = true }
                if previousBreak { breakSpace = true }
                previousSpace = true
                previousBreak = false
            } else if isBreak(value, i) {
                lineBreaks = true
                if i == 0 { leadingBreak = true }
                if i + w == value.count { trailingBreak = true }
                if previousSpace { spaceBreak = true }
                previousSpace = false
                previousBreak = true
            } else {
                previousSpace = false
                previousBreak = false
            }
            precededByWhitespace = isBlankOrBreakOrNul(value, i)
            i += w
        }

        multiline = lineBreaks
        flowPlainAllowed = true
        blockPlainAllowed = true
        singleQuotedAllowed = true
        blockAllowed = true
        if leadingSpace || leadingBreak || trailingSpace || trailingBreak {
            flowPlainAllowed = false
            blockPlainAllowed = false
        }
        if trailingSpace { blockAllowed = false }
        if breakSpace {
            flowPlainAllowed = false
            blockPlainAllowed = false
            singleQuotedAllowed = false
        }
        if spaceBreak || tabCharacters || specialCharacters {
            flowPlainAllowed = false
            blockPlainAllowed = false
            singleQuotedAllowed = false
        }
        if spaceBreak || specialCharacters { blockAllowed = false }
        if lineBreaks {
            flowPlainAllowed = false
            blockPlainAllowed = false
        }
        if flowIndicators { flowPlainAllowed = false }
        if blockIndicators { blockPlainAllowed = false }
    }
}

extension ScalarAnalysis {
    /// Whether `value` is letters, digits, `_`, `.`, `/` and `-`, starting
    /// with a letter, digit, `_` or `/`: no indicator, space, break or
    /// special character, so every style is allowed (the common case of
    /// names and labels).
    @inline(__always)
    static func isWordLike(_ value: [UInt8]) -> Bool {
        func isWord(_ c: UInt8) -> Bool {
            (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39)
                || c == UInt8(ascii: "_") || c == UInt8(ascii: "/")
        }
        guard let first = value.first, isWord(first) else { return false }
        return value.allSatisfy { isWord($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }
    }
}

extension EmitterCore {
    /// libyaml's `yaml_emitter_select_scalar_style`, for untagged scalars.
    func selectStyle(_ requested: EmitScalarStyle, analysis: ScalarAnalysis) -> EmitScalarStyle {
        var style = requested == .any ? .plain : requested
        if simpleKeyContext && analysis.multiline { style = .doubleQuoted }
        if style == .plain {
            if (flowLevel > 0 && !analysis.flowPlainAllowed) || (flowLevel == 0 && !analysis.blockPlainAllowed) {
                style = .singleQuoted
            }
            if analysis.isEmpty && (flowLevel > 0 || simpleKeyContext) { style = .singleQuoted }
        }
        if style == .singleQuoted && !analysis.singleQuotedAllowed { style = .doubleQuoted }
        if style == .literal || style == .folded {
            if !analysis.blockAllowed || flowLevel > 0 || simpleKeyContext { style = .doubleQuoted }
        }
        return style
    }
}

// MARK: character classes (yamlprivateh.go), on UTF-8 bytes; out of range reads as NUL

@inline(__always)
func byteAt(_ b: [UInt8], _ i: Int) -> UInt8 { i < b.count ? b[i] : 0 }

/// Bytes in the UTF-8 sequence starting with `b` (0 for a continuation byte).
@inline(__always)
func utf8Width(_ b: UInt8) -> Int {
    if b & 0x80 == 0 { return 1 }
    if b & 0xE0 == 0xC0 { return 2 }
    if b & 0xF0 == 0xE0 { return 3 }
    if b & 0xF8 == 0xF0 { return 4 }
    return 0
}

/// libyaml's printable set: LF, 0x20–0x7E, U+00A0–U+D7FF, U+E000–U+FFFD
/// except the BOM. Tabs, CR, DEL, C1 controls (NEL too) and every non-BMP
/// character count as non-printable.
@inline(__always)
func isPrintable(_ b: [UInt8], _ i: Int) -> Bool {
    let c = byteAt(b, i), n1 = byteAt(b, i + 1), n2 = byteAt(b, i + 2)
    return c == 0x0A
        || (c >= 0x20 && c <= 0x7E)
        || (c == 0xC2 && n1 >= 0xA0)
        || (c > 0xC2 && c < 0xED)
        || (c == 0xED && n1 < 0xA0)
        || c == 0xEE
        || (c == 0xEF && !(n1 == 0xBB && n2 == 0xBF) && !(n1 == 0xBF && (n2 == 0xBE || n2 == 0xBF)))
}

/// Whether the whole value starts with a BOM (libyaml tests position 0
/// whatever index it is asked about).
func startsWithBOM(_ b: [UInt8]) -> Bool {
    byteAt(b, 0) == 0xEF && byteAt(b, 1) == 0xBB && byteAt(b, 2) == 0xBF
}

@inline(__always)
func isBreak(_ b: [UInt8], _ i: Int) -> Bool {
    let c = byteAt(b, i)
    return c == 0x0D || c == 0x0A
        || (c == 0xC2 && byteAt(b, i + 1) == 0x85)
        || (c == 0xE2 && byteAt(b, i + 1) == 0x80 && (byteAt(b, i + 2) == 0xA8 || byteAt(b, i + 2) == 0xA9))
}

@inline(__always)
func isSpace(_ b: [UInt8], _ i: Int) -> Bool { i < b.count && b[i] == 0x20 }

@inline(__always)
func isBlank(_ b: [UInt8], _ i: Int) -> Bool {
    i < b.count && (b[i] == 0x20 || b[i] == 0x09)
}

/// libyaml's `is_blankz`: space, tab, line break or NUL (also past the end).
@inline(__always)
func isBlankOrBreakOrNul(_ b: [UInt8], _ i: Int) -> Bool {
    let c = byteAt(b, i)
    return c == 0x20 || c == 0x09 || c == 0 || isBreak(b, i)
}
