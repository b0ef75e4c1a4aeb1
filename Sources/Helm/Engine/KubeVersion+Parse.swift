import Diagnostics
import GoStd
import Values

extension KubeVersionInfo {
    /// kubeVersion: `ws* 'v'? [0-9]+ ('.' [0-9]+)+ (any - newline)*`
    ///
    /// Helm's `common.ParseKubeVersion` (k8s `version.ParseGeneric`): at
    /// least two numeric components after an optional `v`, anything after
    /// them ignored. `String()` (what constraints are checked against) is
    /// `v` plus the numeric components; `.Version` keeps the input.
    /// Throws the k8s parser's message (`could not parse "x" as version`).
    public static func parseGeneric(_ text: String) throws(LocatedError) -> KubeVersionInfo {
        let bytes = Array(text.utf8)
        func isSpace(_ b: UInt8) -> Bool { b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D || b == 0x20 }
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        let quoted = GoQuote.quote(text)
        // ^\s*v?([0-9]+(?:\.[0-9]+)*)(.*)*$ — `.` does not match a newline.
        var i = 0
        while i < bytes.count, isSpace(bytes[i]) { i += 1 }
        if i < bytes.count, bytes[i] == UInt8(ascii: "v") { i += 1 }
        let numbersStart = i
        guard i < bytes.count, isDigit(bytes[i]) else { throw LocatedError(.helmTemplate, "could not parse \(quoted) as version") }
        while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        while i + 1 < bytes.count, bytes[i] == UInt8(ascii: "."), isDigit(bytes[i + 1]) {
            i += 1
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        guard !bytes[i...].contains(0x0A) else { throw LocatedError(.helmTemplate, "could not parse \(quoted) as version") }
        let numbers = String(decoding: bytes[numbersStart..<i], as: UTF8.self)
        let components = numbers.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard components.count >= 2 else { throw LocatedError(.helmTemplate, "illegal version string \(quoted)") }
        var values: [UInt] = []
        for (index, component) in components.enumerated() {
            if index == 0 && component.hasPrefix("0") && component != "0" {
                throw LocatedError(.helmTemplate, "illegal zero-prefixed version component \(GoQuote.quote(component)) in \(quoted)")
            }
            guard let value = UInt(component) else {
                throw LocatedError(.helmTemplate, "illegal non-numeric version component \(GoQuote.quote(component)) in \(quoted): "
                    + "strconv.ParseUint: parsing \(GoQuote.quote(component)): value out of range")
            }
            values.append(value)
        }
        let gitVersion = text.hasPrefix("v") ? text : "v" + text
        return KubeVersionInfo(version: gitVersion, major: String(values[0]), minor: String(values[1]),
                               normalized: "v" + values.map(String.init).joined(separator: "."))
    }

    /// Whether a chart's `kubeVersion` constraint accepts this version
    /// (Helm's `IsCompatibleRange` against `String()`).
    public func satisfies(_ constraint: String) -> Bool {
        isCompatibleRange(constraint, normalized)
    }
}
