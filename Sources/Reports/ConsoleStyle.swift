/// The styles helm-unittest's printer uses, with the escape sequences of
/// fatih/color v1.19: `ESC[<attrs>m` text `ESC[<resets>m`, where every
/// attribute gets its own reset (`22` for bold and faint, `0` for colours).
public enum ConsoleStyle: Sendable, CaseIterable {
    /// Green text.
    case success
    /// Black on green (the ` PASS ` label).
    case successLabel
    /// Red text.
    case danger
    /// White on red (the ` FAIL ` label).
    case dangerLabel
    /// Yellow text.
    case warning
    /// Black on yellow (the ` SKIP ` label, `SKIPPED`).
    case warningLabel
    /// Bold.
    case highlight
    /// Faint.
    case faint

    /// The SGR attribute numbers, in fatih/color's order.
    var attributes: [Int] {
        switch self {
        case .success: [32]
        case .successLabel: [42, 30]
        case .danger: [31]
        case .dangerLabel: [41, 37]
        case .warning: [33]
        case .warningLabel: [43, 30]
        case .highlight: [1]
        case .faint: [2]
        }
    }

    /// The opening escape sequence.
    public var prefix: String {
        "\u{1B}[" + attributes.map(String.init).joined(separator: ";") + "m"
    }

    /// The closing escape sequence: one reset per attribute.
    public var suffix: String {
        let resets = attributes.map { attribute -> String in
            switch attribute {
            case 1, 2: "22"  // bold and faint both end with "normal intensity"
            default: "0"
            }
        }
        return "\u{1B}[" + resets.joined(separator: ";") + "m"
    }

    /// `text` wrapped in this style when `colored`, else `text` unchanged (even when empty, as fatih/color does).
    public func apply(_ text: String, colored: Bool) -> String {
        colored ? prefix + text + suffix : text
    }
}
