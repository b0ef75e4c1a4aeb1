import Diagnostics
import Foundation
import GoRegexp
import GoStd
import Values

/// A test's `postRenderer:` run the way helm-unittest runs it: every rendered
/// file joined into one stream (`---\n#### file: <path>` before each, in
/// byte order of the paths), piped through the command as Helm v3's exec
/// post-renderer does (`pkg/postrender/exec.go`), and split back into files
/// by those markers (`MergeAndPostRender`, `SplitManifests`).
struct PostRenderer {
    static let fileKeyPrefix = "#### file:"
    static let separator = "---\n" + fileKeyPrefix

    var command: String
    var arguments: [String]
    /// The `PATH` a command name is looked up in (`exec.LookPath`).
    var searchPath: String

    /// The post-rendered files; when the command dropped every marker, the
    /// whole output becomes one file `manifest.yaml`.
    func run(_ files: [String: GoString]) throws(LocatedError) -> [String: GoString] {
        let executable = try Self.lookPath(command, in: searchPath)
        var input: [UInt8] = []
        for key in files.keys.sorted(by: goLess) {
            input += (Self.separator + " " + key + "\n").utf8
            (files[key] ?? .empty).trimming(where: GoUnicode.isSpace).append(to: &input)
            input.append(UInt8(ascii: "\n"))
        }
        let output: String
        do {
            output = try Self.execute(executable, arguments, input: input)
        } catch {
            throw error.prefixed("post-render failed: ")
        }
        return Self.split(output).mapValues { GoString($0) }
    }

    /// `SplitManifests`.
    static func split(_ output: String) -> [String: String] {
        var result: [String: String] = [:]
        var found = false
        for block in splitBefore(output, separator) where !block.isEmpty {
            guard let groups = filePattern?.submatches(block), groups.count >= 2 else { continue }
            var manifest = Substring(block)
            let head = "---\n" + groups[0] + "\n"
            if manifest.hasPrefix(head) { manifest = manifest.dropFirst(head.count) }
            result[groups[1]] = String(manifest)
            found = true
        }
        if !found { result["manifest.yaml"] = output }
        return result
    }

    /// helm-unittest's `SplitBefore`: pieces that each start with `sep`
    /// (the first may not), a leading "" when `s` starts with it.
    static func splitBefore(_ s: String, _ sep: String) -> [String] {
        var out: [String] = []
        let bytes = Array(s.utf8)
        let sepBytes = Array(sep.utf8)
        if s.isEmpty || s.hasPrefix(sep) { out.append("") }
        var start = 0
        while start < bytes.count {
            var next: Int?
            var i = start + 1
            while i + sepBytes.count <= bytes.count {
                if bytes[i] == sepBytes[0] && Array(bytes[i..<(i + sepBytes.count)]) == sepBytes {
                    next = i
                    break
                }
                i += 1
            }
            guard let next else {
                out.append(String(decoding: bytes[start...], as: UTF8.self))
                break
            }
            out.append(String(decoding: bytes[start..<next], as: UTF8.self))
            start = next
        }
        return out
    }

    private static let filePattern: GoRegexp? = try? GoRegexp(fileKeyPrefix + " (.*)")

    /// Go's `exec.LookPath` plus `filepath.Abs`, wrapped as Helm wraps it.
    static func lookPath(_ name: String, in searchPath: String) throws(LocatedError) -> String {
        func isExecutable(_ path: String) -> Bool {
            var isDir: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && !isDir.boolValue
                && FileManager.default.isExecutableFile(atPath: path)
        }
        let prefix = "unable to find binary at \(name): "
        if name.contains("/") {
            guard FileManager.default.fileExists(atPath: name) else {
                throw LocatedError(.postRender, prefix + "exec: \(GoQuote.quote(name)): stat \(name): no such file or directory")
            }
            guard isExecutable(name) else {
                throw LocatedError(.postRender, prefix + "exec: \(GoQuote.quote(name)): permission denied")
            }
            return absolutePath(name)
        }
        for dir in searchPath.split(separator: ":", omittingEmptySubsequences: false).map(String.init) {
            let candidate = (dir.isEmpty ? "." : dir) + "/" + name
            if isExecutable(candidate) { return absolutePath(candidate) }
        }
        throw LocatedError(.postRender, prefix + "exec: \(GoQuote.quote(name)): executable file not found in $PATH")
    }

    /// Runs `executable` with `input` on stdin; the stdout text, or Helm's
    /// `error while running command …` with the stderr text.
    static func execute(_ executable: String, _ arguments: [String], input: [UInt8]) throws(LocatedError) -> String {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("chartunit-postrender-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let inURL = scratch.appendingPathComponent("stdin")
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        let status: Int32
        let reason: Process.TerminationReason
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            try Data(input).write(to: inURL)
            _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
            _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            let stdin = try FileHandle(forReadingFrom: inURL)
            let stdout = try FileHandle(forWritingTo: outURL)
            let stderr = try FileHandle(forWritingTo: errURL)
            defer {
                try? stdin.close()
                try? stdout.close()
                try? stderr.close()
            }
            process.standardInput = stdin
            process.standardOutput = stdout
            process.standardError = stderr
            try process.run()
            process.waitUntilExit()
            status = process.terminationStatus
            reason = process.terminationReason
        } catch {
            throw LocatedError(.postRender, "error while running command \(executable). error output:\n: \(error)")
        }
        let output = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
        if status != 0 || reason != .exit {
            let errors = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
            let cause = reason == .exit ? "exit status \(status)" : "signal: \(signalName(status))"
            throw LocatedError(.postRender, "error while running command \(executable). error output:\n\(errors): \(cause)")
        }
        return output
    }

    private static func signalName(_ signal: Int32) -> String {
        switch signal {
        case 9: return "killed"
        case 15: return "terminated"
        case 2: return "interrupt"
        case 6: return "aborted"
        case 11: return "segmentation fault"
        case 13: return "broken pipe"
        default: return "signal \(signal)"
        }
    }
}
