import GoStd

/// One child of an XML element: an element, character data or a CDATA section.
enum XMLNode: Sendable, Hashable {
    case element(XMLElement)
    /// Character data, escaped like Go's `xml.EscapeText` (newlines, tabs and carriage returns too).
    case text(String)
    /// A CDATA section as Go's encoding/xml writes it (nothing at all for an empty string).
    case cdata(String)
}

/// An XML element with ordered attributes.
struct XMLElement: Sendable, Hashable {
    var name: String
    var attributes: [XMLAttribute]
    var children: [XMLNode]

    init(_ name: String, _ attributes: [XMLAttribute] = [], _ children: [XMLNode] = []) {
        self.name = name
        self.attributes = attributes
        self.children = children
    }

    /// An element holding only character data.
    static func text(_ name: String, _ attributes: [XMLAttribute] = [], _ text: String) -> XMLElement {
        XMLElement(name, attributes, [.text(text)])
    }
}

/// A `name="value"` pair.
struct XMLAttribute: Sendable, Hashable {
    var name: String
    var value: String

    init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    init(_ name: String, _ value: Int) {
        self.init(name, String(value))
    }

    init(_ name: String, _ value: Bool) {
        self.init(name, value ? "true" : "false")
    }
}

/// Writes elements exactly as Go's `xml.MarshalIndent(v, "", "\t")` does:
/// every start tag on its own line, an end tag on its own line only when the
/// element had child elements, empty elements written open and close
/// (`<a></a>`), attributes and character data escaped with Go's table.
struct GoXMLWriter {
    private(set) var output = ""
    private var depth = 0
    private var indentedIn = false
    private var putNewline = false

    /// The document for `root`, without an XML declaration, ending with a newline
    /// (helm-unittest adds one after `MarshalIndent`).
    static func document(_ root: XMLElement) -> String {
        var writer = GoXMLWriter()
        writer.write(root)
        return writer.output + "\n"
    }

    mutating func write(_ element: XMLElement) {
        writeIndent(1)
        output += "<" + element.name
        for attribute in element.attributes {
            output += " " + attribute.name + "=\"" + Self.escape(attribute.value) + "\""
        }
        output += ">"
        for child in element.children {
            switch child {
            case .element(let inner): write(inner)
            case .text(let text): output += Self.escape(text)
            case .cdata(let text): output += Self.cdata(text)
            }
        }
        writeIndent(-1)
        output += "</" + element.name + ">"
    }

    /// Go's `printer.writeIndent` with an empty prefix and a tab indent.
    private mutating func writeIndent(_ delta: Int) {
        if delta < 0 {
            depth -= 1
            if indentedIn {
                indentedIn = false
                return
            }
            indentedIn = false
        }
        if putNewline { output += "\n" } else { putNewline = true }
        output += String(repeating: "\t", count: depth)
        if delta > 0 {
            depth += 1
            indentedIn = true
        }
    }

    /// Go's escaping for attributes and character data: `&#34; &#39; &amp; &lt; &gt; &#x9; &#xA; &#xD;`,
    /// and U+FFFD for characters XML cannot hold.
    static func escape(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "&#34;"
            case "'": out += "&#39;"
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\t": out += "&#x9;"
            case "\n": out += "&#xA;"
            case "\r": out += "&#xD;"
            default:
                out.unicodeScalars.append(isXMLCharacter(scalar) ? scalar : "\u{FFFD}")
            }
        }
        return out
    }

    /// Go's `emitCDATA`: nothing for an empty string; a nested `]]>` splits the section.
    static func cdata(_ text: String) -> String {
        if text.isEmpty { return "" }
        return "<![CDATA[" + GoStrings.replaceAll(text, "]]>", "]]]]><![CDATA[>") + "]]>"
    }

    /// XML 1.0's `Char` production (Go's `isInCharacterRange`).
    static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
