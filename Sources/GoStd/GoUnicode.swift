/// Go's `unicode` predicates and simple case mappings.
public enum GoUnicode {
    /// `unicode.IsSpace`.
    public static func isSpace(_ r: Unicode.Scalar) -> Bool {
        switch r.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0: return true
        default: return r.value > 0xFF && r.properties.isWhitespace
        }
    }

    public static func category(_ r: Unicode.Scalar) -> Unicode.GeneralCategory { r.properties.generalCategory }
    public static func isUpper(_ r: Unicode.Scalar) -> Bool { category(r) == .uppercaseLetter }
    public static func isLower(_ r: Unicode.Scalar) -> Bool { category(r) == .lowercaseLetter }
    public static func isTitle(_ r: Unicode.Scalar) -> Bool { category(r) == .titlecaseLetter }
    public static func isLetter(_ r: Unicode.Scalar) -> Bool {
        switch category(r) {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }
    public static func isDigit(_ r: Unicode.Scalar) -> Bool { category(r) == .decimalNumber }

    public static func isNumber(_ r: Unicode.Scalar) -> Bool {
        switch category(r) {
        case .decimalNumber, .letterNumber, .otherNumber: return true
        default: return false
        }
    }

    public static func isPunct(_ r: Unicode.Scalar) -> Bool {
        switch category(r) {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }

    private static func single(_ mapping: String, _ r: Unicode.Scalar) -> Unicode.Scalar {
        let s = mapping.unicodeScalars
        return s.count == 1 ? s[s.startIndex] : r
    }

    public static func toUpper(_ r: Unicode.Scalar) -> Unicode.Scalar { r.value == 0x131 ? "I" : single(r.properties.uppercaseMapping, r) }
    public static func toLower(_ r: Unicode.Scalar) -> Unicode.Scalar { r.value == 0x130 ? "i" : single(r.properties.lowercaseMapping, r) }
    public static func toTitle(_ r: Unicode.Scalar) -> Unicode.Scalar { r.value == 0x131 ? "I" : single(r.properties.titlecaseMapping, r) }
}
