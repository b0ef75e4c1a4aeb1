import Foundation
import Testing
import TestSupport
@testable import ChartunitCLI

/// A file of a bad-input case: text, or raw bytes (invalid UTF-8, binary).
struct CaseFile: ExpressibleByStringLiteral, Sendable {
    var bytes: [UInt8]
    /// A symbolic link to this target instead of a file.
    var linkTarget: String?
    /// A named pipe instead of a file.
    var isFIFO = false

    init(stringLiteral text: String) { bytes = Array(text.utf8) }
    init(bytes: [UInt8]) { self.bytes = bytes }
    init(text: String) { bytes = Array(text.utf8) }

    /// A symbolic link to `target`.
    static func link(_ target: String) -> CaseFile {
        var file = CaseFile(bytes: [])
        file.linkTarget = target
        return file
    }

    /// A named pipe.
    static var fifo: CaseFile {
        var file = CaseFile(bytes: [])
        file.isFIFO = true
        return file
    }

    /// A committed fixture file (an archive), copied in.
    static func fixture(_ path: String) -> CaseFile {
        CaseFile(bytes: (try? Array(Data(contentsOf: Fixtures.url(path)))) ?? [])
    }
}

/// Text or a ``CaseFile``, where a case takes a file.
protocol CaseFileConvertible: Sendable {
    var caseFile: CaseFile { get }
}

extension String: CaseFileConvertible {
    var caseFile: CaseFile { CaseFile(text: self) }
}

extension CaseFile: CaseFileConvertible {
    var caseFile: CaseFile { self }
}

/// One bad input: files in a scratch directory, a command line, and what
/// must come of it — the exact exit status and fragments of the output
/// (file names, lines, the offending token). `$D` in the arguments and
/// fragments stands for the scratch directory.
struct BadInputCase: Sendable, CustomTestStringConvertible {
    var name: String
    /// Files relative to the scratch directory, over ``baseChart`` at `c/`
    /// unless `noBaseChart`; an empty text with `remove` deletes a base file.
    var files: [String: CaseFile] = [:]
    var remove: [String] = []
    var noBaseChart = false
    var arguments: [String]
    var status: Int32
    /// Fragments that must all occur in stdout + stderr.
    var fragments: [String]
    /// Fragments that must not occur.
    var absent: [String] = []
    /// Files (relative to the scratch directory) that must exist afterwards.
    var creates: [String] = []
    /// Files that must hold exactly these bytes afterwards.
    var keeps: [String: CaseFile] = [:]
    /// Paths (relative to the scratch directory) made read-only before the run.
    var readOnly: [String] = []

    var testDescription: String { name }

    /// A chart `c` whose one suite passes.
    static let baseChart: [String: CaseFile] = [
        "c/Chart.yaml": "apiVersion: v2\nname: c\nversion: 0.1.0\n",
        "c/values.yaml": "name: x\n",
        "c/templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.name }}\n",
        "c/tests/a_test.yaml": "suite: a\ntemplates: [cm.yaml]\ntests:\n  - it: works\n    asserts:\n      - equal: {path: metadata.name, value: x}\n",
    ]

    /// A passing suite file named `name` (for isolation cases).
    static func passingSuite(_ name: String, template: String = "cm.yaml") -> CaseFile {
        CaseFile(text: "suite: \(name)\ntemplates: [\(template)]\ntests:\n  - it: works\n    asserts:\n      - isKind: {of: ConfigMap}\n")
    }

    /// Builds the files, runs the command line in-process and checks the outcome.
    func check() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("chartunit-bad-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        var all = noBaseChart ? [:] : Self.baseChart
        for (path, file) in files { all[path] = file }
        for path in remove { all[path] = nil }
        for (path, file) in all.sorted(by: { $0.key < $1.key }) {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            if let target = file.linkTarget {
                try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
            } else if file.isFIFO {
                #expect(mkfifo(url.path, 0o644) == 0)
            } else {
                try Data(file.bytes).write(to: url)
            }
        }
        for path in readOnly {
            #expect(chmod(root.appendingPathComponent(path).path, 0o555) == 0)
        }
        defer { for path in readOnly { chmod(root.appendingPathComponent(path).path, 0o755) } }
        let expand = { (text: String) in text.replacingOccurrences(of: "$D", with: root.path) }
        let outcome = await CLI.run(arguments.map(expand))
        let output = outcome.stdout + outcome.stderr
        #expect(outcome.exitCode == status, "exit status; output:\n\(output)")
        for fragment in fragments.map(expand) {
            #expect(output.contains(fragment), "missing \(fragment.debugDescription) in:\n\(output)")
        }
        for fragment in absent.map(expand) {
            #expect(!output.contains(fragment), "unexpected \(fragment.debugDescription) in:\n\(output)")
        }
        for (path, file) in keeps {
            let now = try? Data(contentsOf: root.appendingPathComponent(path))
            #expect(now.map(Array.init) == file.bytes, "\(path) changed")
        }
        for path in creates {
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path), "\(path) not created")
        }
    }
}
