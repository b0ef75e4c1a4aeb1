import Foundation
import GoStd

/// The file-system questions ``ChartFinder`` and ``ChartGraph`` ask, so
/// they can be tested on any tree.
public protocol ChartTree: Sendable {
    /// The names in `directory` (unsorted), or nil when it cannot be listed.
    func names(in directory: String) -> [String]?
    /// What `path` is once symbolic links are followed; nil when missing
    /// (or a dangling link).
    func kind(of path: String) -> ChartTreeKind?
    /// The canonical absolute path of `path`: symbolic links resolved, `.`
    /// and `..` gone (for a missing path, its nearest existing parent's
    /// joined with the rest). Two paths name the same file when these are equal.
    func realPath(_ path: String) -> String
    /// The bytes of the file at `path`, or nil when it cannot be read.
    func read(_ path: String) -> [UInt8]?
}

/// What a path is: a directory, or a file (anything else).
public enum ChartTreeKind: Sendable, Hashable {
    case directory, file
}

/// The process's file system, relative paths against its working directory.
public struct LocalChartTree: ChartTree {
    public init() {}

    public func names(in directory: String) -> [String]? {
        try? FileManager.default.contentsOfDirectory(atPath: directory)
    }

    public func kind(of path: String) -> ChartTreeKind? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        return isDirectory.boolValue ? .directory : .file
    }

    public func realPath(_ path: String) -> String {
        let absolute = GoPath.clean(path.hasPrefix("/") ? path : GoPath.join(FileManager.default.currentDirectoryPath, path))
        guard let resolved = realpath(absolute, nil) else {
            // Missing (a deleted chart, say): the parent resolved, then the name.
            return absolute == "/" ? absolute : GoPath.join(realPath(GoPath.dir(absolute)), GoPath.base(absolute))
        }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    public func read(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }
}
