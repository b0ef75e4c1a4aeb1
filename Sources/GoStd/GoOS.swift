#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Go's `os` package for reading files, with its error wording
/// (`open x: no such file or directory`).
public enum GoOS {
    /// `os.ReadFile`: the file's bytes, or `open <path>: …` / `read <path>: …`.
    public static func readFile(_ path: String) throws(GoError) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        if fd < 0 { throw GoError("open \(path): \(errnoText(errno))") }
        defer { close(fd) }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw GoError("read \(path): \(errnoText(errno))")
            }
            if n == 0 { break }
            out += buffer[0..<n]
        }
        return out
    }

    /// Go's `syscall.Errno.Error()` text for `code`.
    public static func errnoText(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file or directory"
        case EACCES: return "permission denied"
        case EISDIR: return "is a directory"
        case ENOTDIR: return "not a directory"
        case EEXIST: return "file exists"
        case EROFS: return "read-only file system"
        default: return String(cString: strerror(code)).lowercased()
        }
    }

    /// Whether `path` names a directory (following symbolic links).
    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Whether anything exists at `path` (following symbolic links).
    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    /// `os.MkdirAll(path, 0o755)`.
    public static func mkdirAll(_ path: String) throws(GoError) {
        if isDirectory(path) { return }
        if exists(path) { throw GoError("mkdir \(path): not a directory") }
        let parent = GoPath.dir(path)
        if parent != path && parent != "." && parent != "/" { try mkdirAll(parent) }
        if mkdir(path, 0o755) != 0 && !(errno == EEXIST && isDirectory(path)) {
            throw GoError("mkdir \(path): \(errnoText(errno))")
        }
    }

    /// Writes `bytes` to a temporary file next to `path`, then renames it
    /// over `path`, so readers see the old file or the new one, never a part.
    public static func writeFileAtomically(_ bytes: [UInt8], to path: String, mode: mode_t = 0o644) throws(GoError) {
        let temp = GoPath.join(GoPath.dir(path), ".\(GoPath.base(path)).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL, mode)
        if fd < 0 { throw GoError("open \(path): \(errnoText(errno))") }
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                let code = errno
                close(fd)
                unlink(temp)
                throw GoError("write \(path): \(errnoText(code))")
            }
            offset += n
        }
        close(fd)
        if rename(temp, path) != 0 {
            let code = errno
            unlink(temp)
            throw GoError("rename \(path): \(errnoText(code))")
        }
    }
}
