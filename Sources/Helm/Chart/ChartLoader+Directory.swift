import Diagnostics
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import GoStd

/// The few file-system questions the loader asks, answered by the system
/// calls Go's `os` package makes (no Foundation objects per file).
enum FileSystem {
    enum Kind { case directory, file, symbolicLink, other }

    /// The kind of `path` itself (`lstat`), or nil if missing.
    static func linkKind(of path: String) -> Kind? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return kind(info.st_mode)
    }

    /// The kind of `path` after following symbolic links (`stat`), or nil if missing.
    static func kind(of path: String) -> Kind? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return kind(info.st_mode)
    }

    private static func kind(_ mode: mode_t) -> Kind {
        switch mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .file
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }

    /// `path` with every symbolic link resolved (`realpath`); a path that
    /// does not resolve is kept as Foundation keeps it.
    static func resolved(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return URL(fileURLWithPath: path).resolvingSymlinksInPath().path }
        defer { free(real) }
        return String(cString: real)
    }

    /// The size in bytes of the file `path` leads to; 0 if missing.
    static func size(_ path: String) -> Int {
        var info = stat()
        guard stat(path, &info) == 0 else { return 0 }
        return Int(info.st_size)
    }

    /// The names in `directory` (without `.` and `..`), or nil if it cannot be listed.
    static func names(in directory: String) -> [String]? {
        guard let stream = opendir(directory) else { return nil }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    static func read(_ path: String) throws(LocatedError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw LocatedError(.chartLoad, "open \(path): permission denied") }
        defer { close(fd) }
        var info = stat()
        let expected = fstat(fd, &info) == 0 ? max(Int(info.st_size), 0) : 0
        var bytes: [UInt8] = []
        bytes.reserveCapacity(expected)
        // The file's size and one byte more: a whole file then takes one read and the read that sees its end.
        var chunk = [UInt8](repeating: 0, count: min(expected + 1, 1 << 20))
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw LocatedError(.chartLoad, "open \(path): permission denied")
            }
            if n == 0 { break }
            bytes += chunk[..<n]
        }
        return bytes
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
            rules = try HelmIgnore(parsing: try FileSystem.read(ignorePath), file: GoPath.join(path, HelmIgnore.fileName))
        }
        rules.addDefaults()
        var files: [ChartFile] = []
        do {
            try walk(top: top, relative: "", rules: rules, into: &files, path: path)
        } catch {
            throw error.placed(at: SourceLocation(file: path))
        }
        return try loadFiles(files, path: path)
    }

    private func walk(top: String, relative: String, rules: HelmIgnore, into files: inout [ChartFile],
                      path: String) throws(LocatedError) {
        let directory = relative.isEmpty ? top : top + "/" + relative
        guard let listing = FileSystem.names(in: directory) else {
            throw LocatedError(.chartLoad, "open \(directory): permission denied")
        }
        let names = listing.sorted(by: goLess)
        for name in names {
            let rel = relative.isEmpty ? name : relative + "/" + name
            let full = top + "/" + rel
            guard var type = FileSystem.linkKind(of: full) else {
                throw LocatedError(.chartLoad, "lstat \(full): no such file or directory")
            }
            var regularPath = full
            if type == .symbolicLink {
                let target = FileSystem.resolved(full)
                guard target == top || target.hasPrefix(top + "/") else {
                    throw LocatedError(.chartLoad, "symbolic link \(rel) points outside the chart: \(target)")
                }
                guard let targetType = FileSystem.linkKind(of: target) else {
                    throw LocatedError(.chartLoad, "error evaluating symlink \(full): lstat \(target): no such file or directory")
                }
                type = targetType
                regularPath = target
                if type == .directory && (FileSystem.resolved(directory) + "/").hasPrefix(target + "/") {
                    throw LocatedError(.chartLoad, "symbolic link \(rel) forms a cycle")
                }
            }
            if type == .directory {
                if rules.ignores(rel, isDirectory: true) { continue }
                try walk(top: top, relative: rel, rules: rules, into: &files, path: path)
                continue
            }
            if rules.ignores(rel, isDirectory: false) { continue }
            guard type == .file else {
                throw LocatedError(.chartLoad, "cannot load irregular file \(full) as it has file mode type bits set")
            }
            if FileSystem.size(regularPath) > Self.maxFileSize {
                throw LocatedError(.chartLoad, "chart file \(GoQuote.quote(name)) is larger than the maximum file size \(Self.maxFileSize)",
                                   at: SourceLocation(file: GoPath.join(path, rel)))
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
                throw LocatedError(.chartLoad, "file '\(path)' seems to be a YAML file, but expected a gzipped archive",
                                   at: SourceLocation(file: path))
            }
            throw LocatedError(.chartLoad, "file '\(path)' does not appear to be a gzipped archive; got '\(sniffContentType(head))'",
                               at: SourceLocation(file: path))
        }
        do {
            return try loadArchive(bytes, path: path)
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
