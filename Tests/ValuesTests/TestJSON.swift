import Foundation
@testable import Values

/// A small JSON reader for fixtures: numbers become float64, as they do
/// when Helm reads values through JSON.
struct TestJSON {
    let bytes: [UInt8]
    var i = 0

    static func parse(_ text: String) -> Value? {
        var p = TestJSON(bytes: Array(text.utf8))
        let v = p.value()
        p.skip()
        return p.i == p.bytes.count ? v : nil
    }

    static func load(fixture path: String) -> Value? {
        let base = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        guard let data = try? Data(contentsOf: base.appendingPathComponent("Fixtures/" + path)) else { return nil }
        return parse(String(decoding: data, as: UTF8.self))
    }

    mutating func skip() {
        while i < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[i]) { i += 1 }
    }

    mutating func value() -> Value? {
        skip()
        guard i < bytes.count else { return nil }
        switch bytes[i] {
        case UInt8(ascii: "{"):
            i += 1
            let m = GoMap()
            skip()
            if bytes[i] == UInt8(ascii: "}") { i += 1; return .map(m) }
            while true {
                skip()
                guard let k = string() else { return nil }
                skip()
                guard bytes[i] == UInt8(ascii: ":") else { return nil }
                i += 1
                guard let v = value() else { return nil }
                m[k] = v
                skip()
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "}") { i += 1; return .map(m) }
                return nil
            }
        case UInt8(ascii: "["):
            i += 1
            var l: [Value] = []
            skip()
            if bytes[i] == UInt8(ascii: "]") { i += 1; return .list(l) }
            while true {
                guard let v = value() else { return nil }
                l.append(v)
                skip()
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "]") { i += 1; return .list(l) }
                return nil
            }
        case UInt8(ascii: "\""):
            return string().map(Value.string)
        case UInt8(ascii: "t"): i += 4; return .bool(true)
        case UInt8(ascii: "f"): i += 5; return .bool(false)
        case UInt8(ascii: "n"): i += 4; return .null
        default:
            let start = i
            while i < bytes.count, "+-0123456789.eE".utf8.contains(bytes[i]) { i += 1 }
            return Double(String(decoding: bytes[start..<i], as: UTF8.self)).map(Value.float)
        }
    }

    mutating func hex4() -> UInt32? {
        guard i + 4 <= bytes.count, let v = UInt32(String(decoding: bytes[i..<i + 4], as: UTF8.self), radix: 16) else {
            return nil
        }
        i += 4
        return v
    }

    mutating func string() -> String? {
        guard bytes[i] == UInt8(ascii: "\"") else { return nil }
        i += 1
        var out: [UInt8] = []
        while i < bytes.count {
            let c = bytes[i]
            i += 1
            if c == UInt8(ascii: "\"") { return String(decoding: out, as: UTF8.self) }
            if c != UInt8(ascii: "\\") { out.append(c); continue }
            let e = bytes[i]
            i += 1
            switch e {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "u"):
                guard var v = hex4() else { return nil }
                if v >= 0xD800 && v < 0xDC00, bytes[i] == UInt8(ascii: "\\") {
                    i += 2
                    guard let lo = hex4() else { return nil }
                    v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(v) else { return nil }
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            default: out.append(e)
            }
        }
        return nil
    }
}
