import Diagnostics
import GoStd
import Foundation
import UnitTest
import Values
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// File access with Go's error wording (`open x: no such file or directory`).
enum GoFile {
    /// `os.ReadFile`, or all of stdin for `-` (Helm's `readFile`).
    @Sendable static func read(_ path: String) throws(LocatedError) -> [UInt8] {
        if path.trimmingCharacters(in: .whitespaces) == "-" {
            return Array(FileHandle.standardInput.readDataToEndOfFile())
        }
        do throws(GoError) {
            return try GoOS.readFile(path)
        } catch {
            throw LocatedError(.fileAccess, error.message, at: SourceLocation(file: path))
        }
    }

    /// `LocateChart` for local charts: the absolute path of an existing
    /// file or directory, or Helm's error for a missing one (charts from
    /// repositories are not supported; their errors assume none is configured).
    static func locateChart(_ name: String) throws(LocatedError) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        var info = stat()
        if stat(trimmed, &info) == 0 {
            let base = trimmed.hasPrefix("/") ? trimmed : FileManager.default.currentDirectoryPath + "/" + trimmed
            return URL(fileURLWithPath: base).standardized.path
        }
        if trimmed.hasPrefix("/") || trimmed.hasPrefix(".") {
            throw LocatedError(.commandLine, "path \(GoQuote.quote(trimmed)) not found")
        }
        let parts = trimmed.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        if parts.count < 2 {
            throw LocatedError(.commandLine, "non-absolute URLs should be in form of repo_name/path_to_chart, got: \(trimmed)")
        }
        throw LocatedError(.commandLine, "repo \(parts[0]) not found")
    }
}

/// pflag's flag value parsing.
enum GoFlags {
    /// A `StringSlice` value: one CSV record (`a,b`, `"a,b",c`); empty → none.
    static func csvSplit(_ value: String) -> [String] {
        if value.isEmpty { return [] }
        var fields: [String] = []
        var field = ""
        var quoted = false
        var atStart = true
        var chars = Array(value)[...]
        while let c = chars.first {
            chars = chars.dropFirst()
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" {
                        field.append("\"")
                        chars = chars.dropFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(c)
                }
            } else if c == "," {
                fields.append(field)
                field = ""
                atStart = true
                continue
            } else if c == "\"" && atStart {
                quoted = true
            } else {
                field.append(c)
            }
            atStart = false
        }
        fields.append(field)
        return fields
    }
}
