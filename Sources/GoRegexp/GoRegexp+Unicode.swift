/// Unicode tables named by `\p{…}` in Go regexps, and Go's simple case folding.
struct UnicodeTable: Sendable {
    private enum Kind: Sendable {
        case any
        case ascii
        case categories(Set<Unicode.GeneralCategory>, negated: Bool)
        case ranges([ClosedRange<UInt32>])
    }

    private let kind: Kind

    /// The table Go's `unicodeTable` finds for `name`, or nil.
    init?(name: String) {
        let canon = Self.canonicalName(name)
        switch canon {
        case "Any": kind = .any; return
        case "Assigned": kind = .categories([.unassigned], negated: true); return
        case "Ascii": kind = .ascii; return
        default: break
        }
        let category = Self.categoryAbbreviations[canon == "Lc" ? "LC" : canon]
            ?? Self.categoryAliases.first { Self.canonicalName($0.key) == canon }.flatMap { Self.categoryAbbreviations[$0.value] }
        if let category {
            kind = .categories(category, negated: false)
            return
        }
        let script = Self.scriptData[canon] ?? Self.scriptData.first { Self.canonicalName($0.key) == canon }?.value
        guard let script else { return nil }
        kind = .ranges(script.split(separator: " ").compactMap { pair in
            let parts = pair.split(separator: "-")
            guard parts.count == 2, let lo = UInt32(parts[0], radix: 16), let hi = UInt32(parts[1], radix: 16) else { return nil }
            return lo...hi
        })
    }

    func contains(_ c: UInt32) -> Bool {
        switch kind {
        case .any: return true
        case .ascii: return c < 0x80
        case .categories(let set, let negated):
            guard let s = Unicode.Scalar(c) else { return negated != set.contains(.surrogate) }
            return set.contains(s.properties.generalCategory) != negated
        case .ranges(let r): return RangeSet.contains(r, c)
        }
    }

    /// Go's `canonicalName`: first letter upper, the rest lower, no `_`, `-` or spaces.
    static func canonicalName(_ name: String) -> String {
        var out = ""
        var first = true
        for ch in name.unicodeScalars {
            if ch == "_" || ch == "-" || ch == " " { continue }
            if first {
                out.unicodeScalars.append(ch.isASCII ? Unicode.Scalar(UInt8(ascii: ch) & ~(ch.properties.isLowercase ? 0x20 : 0)) : ch)
                first = false
            } else {
                out.unicodeScalars.append(ch.isASCII && ch.properties.isUppercase ? Unicode.Scalar(UInt8(ascii: ch) | 0x20) : ch)
            }
        }
        return out
    }

    private static let categoryAbbreviations: [String: Set<Unicode.GeneralCategory>] = {
        let single: [String: Unicode.GeneralCategory] = [
            "Lu": .uppercaseLetter, "Ll": .lowercaseLetter, "Lt": .titlecaseLetter, "Lm": .modifierLetter, "Lo": .otherLetter,
            "Mn": .nonspacingMark, "Mc": .spacingMark, "Me": .enclosingMark,
            "Nd": .decimalNumber, "Nl": .letterNumber, "No": .otherNumber,
            "Pc": .connectorPunctuation, "Pd": .dashPunctuation, "Ps": .openPunctuation, "Pe": .closePunctuation,
            "Pi": .initialPunctuation, "Pf": .finalPunctuation, "Po": .otherPunctuation,
            "Sm": .mathSymbol, "Sc": .currencySymbol, "Sk": .modifierSymbol, "So": .otherSymbol,
            "Zs": .spaceSeparator, "Zl": .lineSeparator, "Zp": .paragraphSeparator,
            "Cc": .control, "Cf": .format, "Cs": .surrogate, "Co": .privateUse, "Cn": .unassigned,
        ]
        var out = single.mapValues { Set([$0]) }
        for major in ["L", "M", "N", "P", "S", "Z"] {
            out[major] = Set(single.filter { $0.key.hasPrefix(major) }.values)
        }
        out["C"] = [.control, .format, .surrogate, .privateUse]
        out["LC"] = [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter]
        return out
    }()

    private static let categoryAliases: [String: String] = [
        "Cased_Letter": "LC", "Close_Punctuation": "Pe", "Combining_Mark": "M", "Connector_Punctuation": "Pc",
        "Control": "Cc", "Currency_Symbol": "Sc", "Dash_Punctuation": "Pd", "Decimal_Number": "Nd",
        "Enclosing_Mark": "Me", "Final_Punctuation": "Pf", "Format": "Cf", "Initial_Punctuation": "Pi",
        "Letter": "L", "Letter_Number": "Nl", "Line_Separator": "Zl", "Lowercase_Letter": "Ll", "Mark": "M",
        "Math_Symbol": "Sm", "Modifier_Letter": "Lm", "Modifier_Symbol": "Sk", "Nonspacing_Mark": "Mn",
        "Number": "N", "Open_Punctuation": "Ps", "Other": "C", "Other_Letter": "Lo", "Other_Number": "No",
        "Other_Punctuation": "Po", "Other_Symbol": "So", "Paragraph_Separator": "Zp", "Private_Use": "Co",
        "Punctuation": "P", "Separator": "Z", "Space_Separator": "Zs", "Spacing_Mark": "Mc", "Surrogate": "Cs",
        "Symbol": "S", "Titlecase_Letter": "Lt", "Unassigned": "Cn", "Uppercase_Letter": "Lu",
        "cntrl": "Cc", "digit": "Nd", "punct": "P",
    ]
}

/// Go's `unicode.SimpleFold` orbits, from the scalar case mappings.
enum CaseFolding {
    /// Fold pairs the one-to-one case mappings miss.
    private static let extra: [UInt32: [UInt32]] = [
        0x4B: [0x212A], 0x6B: [0x212A], 0x212A: [0x4B, 0x6B],
        0x53: [0x17F], 0x73: [0x17F], 0x17F: [0x53, 0x73],
        0x3A3: [0x3C2], 0x3C3: [0x3C2], 0x3C2: [0x3A3, 0x3C3],
        0x3A9: [0x2126], 0x3C9: [0x2126], 0x2126: [0x3A9, 0x3C9],
        0xC5: [0x212B], 0xE5: [0x212B], 0x212B: [0xC5, 0xE5],
        0xDF: [0x1E9E], 0x1E9E: [0xDF],
        0x399: [0x345, 0x1FBE], 0x3B9: [0x345, 0x1FBE], 0x345: [0x399, 0x3B9, 0x1FBE], 0x1FBE: [0x399, 0x3B9, 0x345],
        0x392: [0x3D0], 0x3B2: [0x3D0], 0x3D0: [0x392, 0x3B2],
        0x395: [0x3F5], 0x3B5: [0x3F5], 0x3F5: [0x395, 0x3B5],
        0x398: [0x3D1, 0x3F4], 0x3B8: [0x3D1, 0x3F4], 0x3D1: [0x398, 0x3B8, 0x3F4], 0x3F4: [0x398, 0x3B8, 0x3D1],
        0x39A: [0x3F0], 0x3BA: [0x3F0], 0x3F0: [0x39A, 0x3BA],
        0x3A0: [0x3D6], 0x3C0: [0x3D6], 0x3D6: [0x3A0, 0x3C0],
        0x3A1: [0x3F1], 0x3C1: [0x3F1], 0x3F1: [0x3A1, 0x3C1],
        0x3A6: [0x3D5], 0x3C6: [0x3D5], 0x3D5: [0x3A6, 0x3C6],
        0x39C: [0xB5], 0x3BC: [0xB5], 0xB5: [0x39C, 0x3BC],
    ]

    /// Every code point that folds together with `c`, including `c`.
    static func orbit(_ c: UInt32) -> [UInt32] {
        if c < 0x80 {
            if (0x41...0x5A).contains(c) { return [c, c + 0x20] + (extra[c] ?? []) }
            if (0x61...0x7A).contains(c) { return [c, c - 0x20] + (extra[c] ?? []) }
            return [c]
        }
        var out: [UInt32] = [c]
        var i = 0
        while i < out.count {
            let x = out[i]
            i += 1
            var next = extra[x] ?? []
            if x != 0x130 && x != 0x131, let s = Unicode.Scalar(x) {
                for m in [s.properties.lowercaseMapping, s.properties.uppercaseMapping, s.properties.titlecaseMapping] {
                    let scalars = m.unicodeScalars
                    if scalars.count == 1, let f = scalars.first { next.append(f.value) }
                }
            }
            for n in next where !out.contains(n) { out.append(n) }
        }
        return out
    }
}
