import Foundation

/// helm-unittest's `makeOutputSnapshotable` followed by cupaloy's snapshot
/// layout: how the recorded console samples were made from the raw output.
/// Sections start at ` PASS `, ` FAIL `, or newlines before `###`, `Charts:`
/// or `Snapshot Summary:`; suite sections lose their trailing newlines and each
/// run of them is sorted byte-wise; every section is followed by a newline.
enum Snapshotable {
    static func transform(_ output: String) throws -> String {
        var text = output.replacingOccurrences(of: "\\", with: "/")
        let time = try Regex(#"(Time:\s+)(?:[\d\.]+)(s|ms|µs)"#)
        text = text.replacing(time) { match in
            (match.output[1].substring.map(String.init) ?? "") + "XX.XXXms"
        }
        let begin = try Regex("( PASS | FAIL |\n*###|\n*Charts:|\n*Snapshot Summary:)")
        let starts = text.matches(of: begin).map(\.range.lowerBound)
        var sections: [String] = []
        var suiteRunStart: Int?
        for (i, start) in starts.enumerated() {
            let end = i + 1 < starts.count ? starts[i + 1] : text.endIndex
            let content = String(text[start..<end])
            let head = String(decoding: Array(content.utf8.prefix(6)), as: UTF8.self)
            if head == " PASS " || head == " FAIL " {
                var trimmed = Array(content.utf8)
                while trimmed.last == UInt8(ascii: "\n") { trimmed.removeLast() }
                sections.append(String(decoding: trimmed, as: UTF8.self))
                if suiteRunStart == nil { suiteRunStart = i }
            } else {
                if let runStart = suiteRunStart {
                    sections[runStart..<i].sort { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
                    suiteRunStart = nil
                }
                sections.append(content)
            }
        }
        return sections.map { $0 + "\n" }.joined()
    }
}
