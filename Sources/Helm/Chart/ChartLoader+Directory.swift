import Diagnostics
import Foundation
import GoStd

/// The few file-system questions the loader asks.
enum FileSystem {
    enum Kind { case directory, file, other }

    /// The kind of `path` after following symbolic links, or nil if missing.
    static func kind(of path: String) -> Kind? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue { return .directory }
        let type = (try? FileManager.default.attributesOfItem(atPath: resolved(path)))?[.type] as? FileAttributeType
        return type == .typeRegular ? .file : .other
    }

    static func resolved(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    }

    static func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    static func read(_ path: String) throws(LocatedError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LocatedError(.chartLoad, "open \(path): permission denied")
        }
        return [UInt8](data)
    }
}

extension ChartLoader {
    /// The largest file Helm loads (5 MiB).
    public static let maxFileSize = 5 * 1024 * 1024
    /// The most an archive may decompress to (100 MiB).
    public static let maxDecompressedChartSize = 100 * 1024 * 1024

    /// Helm's `LoadDir`: walks the directory in byte order of names,
    /// skipping what `.helmignore` (plus `templates/.?*`) ignores.
    /// Symbolic links are followed as Helm follows them, but only when
    /// their target lies inside the chart directory; a link leading out of
    /// it is an error rather than a read outside the chart.
    public func loadDirectory(_ path: String) throws(LocatedError) -> Chart {
        let top = FileSystem.resolved(URL(fileURLWithPath: path).standardizedFileURL.path)
        var rules = HelmIgnore()
        let ignorePath = top + "/" + HelmIgnore.fileName
        if FileSystem.kind(of: ignorePath) != nil {
            rules = try HelmIgnore(parsing: try FileSystem.read(ignorePath))
        }
        rules.addDefaults()
        var files: [ChartFile] = []
        try walk(top: top, relative: "", rules: rules, into: &files)
        return try loadFiles(files)
    }

    private func walk(top: String, relative: String, rules: HelmIgnore, into files: inout [ChartFile]) throws(LocatedError) {
        let directory = relative.isEmpty ? top : top + "/" + relative
        guard let listing = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw LocatedError(.chartLoad, "open \(directory): permission denied")
        }
        let names = listing.sorted(by: goLess)
        for name in names {
            let rel = relative.isEmpty ? name : relative + "/" + name
            let full = top + "/" + rel
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: full) else {
                throw LocatedError(.chartLoad, "lstat \(full): no such file or directory")
            }
            var type = attributes[.type] as? FileAttributeType
            if type == .typeSymbolicLink {
                let target = FileSystem.resolved(full)
                guard target == top || target.hasPrefix(top + "/") else {
                    throw LocatedError(.chartLoad, "symbolic link \(rel) points outside the chart: \(target)")
                }
                guard let attributes = try? FileManager.default.attributesOfItem(atPath: target) else {
                    throw LocatedError(.chartLoad, "error evaluating symlink \(full): lstat \(target): no such file or directory")
                }
                type = attributes[.type] as? FileAttributeType
                if type == .typeDirectory && (FileSystem.resolved(directory) + "/").hasPrefix(target + "/") {
                    throw LocatedError(.chartLoad, "symbolic link \(rel) forms a cycle")
                }
            }
            if type == .typeDirectory {
                if rules.ignores(rel, isDirectory: true) { continue }
                try walk(top: top, relative: rel, rules: rules, into: &files)
                continue
            }
            if rules.ignores(rel, isDirectory: false) { continue }
            guard type == .typeRegular else {
                throw LocatedError(.chartLoad, "cannot load irregular file \(full) as it has file mode type bits set")
            }
            if FileSystem.size(FileSystem.resolved(full)) > Self.maxFileSize {
                throw LocatedError(.chartLoad, "chart file \(GoQuote.quote(name)) is larger than the maximum file size \(Self.maxFileSize)")
            }
            var data = try FileSystem.read(full)
            if data.starts(with: [0xEF, 0xBB, 0xBF]) { data.removeFirst(3) }
            files.append(ChartFile(name: rel, data: data))
        }
    }

    /// Helm's `LoadFile`: checks the file looks like gzip, then loads it.
    public func loadArchiveFile(_ path: String) throws(LocatedError) -> Chart {
        let bytes = try FileSystem.read(path)
        // Helm sniffs a zero-filled 512-byte buffer, so short files look binary.
        var head = Array(bytes.prefix(512))
        head += [UInt8](repeating: 0, count: 512 - head.count)
        if !head.starts(with: [0x1F, 0x8B, 0x08]) {
            if path.hasSuffix(".yml") || path.hasSuffix(".yaml") {
                throw LocatedError(.chartLoad, "file '\(path)' seems to be a YAML file, but expected a gzipped archive")
            }
            throw LocatedError(.chartLoad, "file '\(path)' does not appear to be a gzipped archive; got '\(sniffContentType(head))'")
        }
        do {
            return try loadArchive(bytes)
        } catch where error.kind == .gzipHeader {
            throw LocatedError(.chartLoad, "file '\(path)' does not appear to be a valid chart file (details: \(error.message))",
                               at: SourceLocation(file: path))
        }
    }
}


/// A small part of Go's `http.DetectContentType`: enough to name what a
/// non-gzip file looks like in Helm's error.
func sniffContentType(_ head: [UInt8]) -> String {
    if head.isEmpty { return "text/plain; charset=utf-8" }
    let signatures: [([UInt8], String)] = [
        (Array("%PDF-".utf8), "application/pdf"),
        ([0x50, 0x4B, 0x03, 0x04], "application/zip"),
        (Array("\u{89}PNG\r\n\u{1A}\n".unicodeScalars.map { UInt8($0.value) }), "image/png"),
        (Array("BZh".utf8), "application/x-bzip2"),
    ]
    for (signature, type) in signatures where head.starts(with: signature) { return type }
    if head.count > 262, Array(head[257..<262]) == Array("ustar".utf8) { return "application/x-tar" }
    let binary = head.contains { $0 <= 0x08 || $0 == 0x0B || (0x0E...0x1A).contains($0) || (0x1C...0x1F).contains($0) }
    if binary { return "application/octet-stream" }
    return "text/plain; charset=utf-8"
}
