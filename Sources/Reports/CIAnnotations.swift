import Diagnostics
import GoStd
import Values

/// Where a CI system shows a run's failures next to the code.
public enum CIAnnotations: String, Sendable, CaseIterable {
    /// GitHub Actions workflow commands (`::error file=…,line=…::…`) on stdout.
    case github
    /// A GitLab Code Quality report (JSON) the job uploads as `artifacts:reports:codequality`.
    case gitlab
    /// None.
    case none

    /// GitHub's workflow commands for `findings`, one line each.
    public static func githubCommands(_ findings: [RunFinding]) -> String {
        findings.map { finding in
            var properties = ["file=\(escapeProperty(finding.location.file))"]
            if finding.location.line > 0 {
                properties.append("line=\(finding.location.line)")
                if finding.location.column > 0 { properties.append("col=\(finding.location.column)") }
            }
            properties.append("title=\(escapeProperty(finding.title))")
            return "::error \(properties.joined(separator: ","))::\(escapeData(finding.message))\n"
        }.joined()
    }

    /// A GitLab Code Quality report for `findings`: a JSON array of issues
    /// with a stable fingerprint each (the same failure at the same place
    /// keeps its fingerprint across runs, so GitLab can tell new from fixed).
    public static func gitlabCodeQuality(_ findings: [RunFinding]) -> String {
        var seen: [String: Int] = [:]
        let issues: [Value] = findings.map { finding in
            var key = "\(finding.location)\u{0}\(finding.title)\u{0}\(finding.message)"
            // Equal findings (a test repeated) still get distinct fingerprints.
            let repeats = seen[key, default: 0]
            seen[key] = repeats + 1
            if repeats > 0 { key += "\u{0}\(repeats)" }
            let lines: Value = .fields(["begin": .count(max(finding.location.line, 1))])
            return .fields([
                "description": .text(finding.message.isEmpty ? finding.title : "\(finding.title): \(finding.message)"),
                "check_name": .text("chartunit"),
                "fingerprint": .text(fingerprint(key)),
                "severity": .text("major"),
                "location": .fields(["path": .text(finding.location.file), "lines": lines]),
            ])
        }
        return Value.list(issues).reportJSON(empty: "[]")
    }

    /// 128 bits of two FNV-1a hashes of `text`, as 32 hex digits.
    static func fingerprint(_ text: String) -> String {
        var first: UInt64 = 0xcbf2_9ce4_8422_2325
        var second: UInt64 = 0x6c62_272e_07bb_0142
        for byte in text.utf8 {
            first = (first ^ UInt64(byte)) &* 0x100_0000_01b3
            second = (second ^ UInt64(byte)) &* 0x100_0000_01b3 &+ 0x9e37_79b9
        }
        return [first, second].map { value in
            let hex = String(value, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }

    /// A workflow command's message: `%`, CR and LF escaped.
    static func escapeData(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A workflow command's property value: as data, and `:` and `,` too.
    static func escapeProperty(_ text: String) -> String {
        var out = ""
        for scalar in escapeData(text).unicodeScalars {
            switch scalar {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
