import Foundation
import GoStd
import Synchronization
import UnitTest
#if canImport(Glibc)
import Glibc
#endif

/// What a file was when last looked at: a change of any part is a change
/// of the file (an edit, a replace by rename, a chmod).
struct FileStamp: Hashable, Sendable {
    var seconds: Int
    var nanoseconds: Int
    var size: Int64
    var inode: UInt64
    var mode: UInt32

    /// The stamp of the regular file (or link to one) at `path`; nil for anything else.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        #if os(Linux)
        let modified = info.st_mtim
        #else
        let modified = info.st_mtimespec
        #endif
        seconds = Int(modified.tv_sec)
        nanoseconds = Int(modified.tv_nsec)
        size = Int64(info.st_size)
        inode = UInt64(info.st_ino)
        mode = UInt32(info.st_mode)
    }
}

/// The stamps of every file below a set of ``WatchRoot``s: what `--watch`
/// compares each reported path with, so that only real changes count (a
/// file created and removed between two looks, as editors' temporary files
/// are, is none) and the files a run wrote itself can be taken in silently.
struct FileIndex: Sendable {
    private(set) var stamps: [String: FileStamp] = [:]
    private(set) var roots: [WatchRoot] = []

    /// The files below `roots` now.
    init(roots: [WatchRoot]) {
        add(roots)
    }

    /// Also takes in the files below `roots`.
    mutating func add(_ roots: [WatchRoot]) {
        for root in roots where !self.roots.contains(root) {
            self.roots.append(root)
            for (path, stamp) in Self.scan(root.path, recursive: root.recursive) { stamps[path] = stamp }
        }
    }

    /// Looks at `paths` (files or directories, which are looked at whole)
    /// again and returns the files that changed, came or went, sorted.
    mutating func refresh(_ paths: some Sequence<String>) -> [String] {
        var changed = Set<String>()
        for path in paths where isWatched(path) {
            let now = FileStamp(path: path)
            if now != nil || stamps[path] != nil {
                if stamps[path] != now { changed.insert(path) }
                stamps[path] = now
                if now != nil { continue }
            }
            // A directory now, or one that was: everything below it.
            let below = path + "/"
            let fresh = GoOS.isDirectory(path) ? Self.scan(path, recursive: isRecursive(path)) : [:]
            for file in stamps.keys where file.hasPrefix(below) && fresh[file] == nil {
                stamps[file] = nil
                changed.insert(file)
            }
            for (file, stamp) in fresh where stamps[file] != stamp {
                stamps[file] = stamp
                changed.insert(file)
            }
        }
        return changed.sorted()
    }

    /// Every file that differs from `other`, sorted.
    func difference(from other: FileIndex) -> [String] {
        Set(stamps.keys).union(other.stamps.keys).filter { stamps[$0] != other.stamps[$0] }.sorted()
    }

    /// Whether `path` is a root or lies in one (directly, for a root that is not recursive).
    private func isWatched(_ path: String) -> Bool {
        roots.contains { root in
            path == root.path || (root.recursive ? path.hasPrefix(root.path + "/") : GoPath.dir(path) == root.path)
        }
    }

    private func isRecursive(_ path: String) -> Bool {
        roots.contains { $0.recursive && (path == $0.path || path.hasPrefix($0.path + "/")) }
    }

    /// The files in `directory` (and below it when `recursive`).
    static func scan(_ directory: String, recursive: Bool) -> [String: FileStamp] {
        var found: [String: FileStamp] = [:]
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return found }
        for name in names {
            let path = directory == "/" ? "/" + name : directory + "/" + name
            if let stamp = FileStamp(path: path) {
                found[path] = stamp
            } else if recursive && isRealDirectory(path) {
                found.merge(scan(path, recursive: true)) { a, _ in a }
            }
        }
        return found
    }

    /// A directory that is not a symbolic link (links are not followed, so no cycle).
    static func isRealDirectory(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}

/// Tells of paths that may have changed below the roots it watches, from
/// its own thread, until stopped.
protocol ChangeWatcher: AnyObject, Sendable {
    /// Watches `roots` (in place of what it watched before).
    func watch(_ roots: [WatchRoot])
    /// Stops watching; nothing is reported after it returns.
    func stop()
}

/// The watcher for this system: inotify where the kernel has it, else
/// polling. `report` is called with paths (files, or directories to look
/// at whole).
func makeChangeWatcher(report: @escaping @Sendable (Set<String>) -> Void) -> any ChangeWatcher {
    #if os(Linux)
    if let watcher = InotifyWatcher(report: report) { return watcher }
    #endif
    return PollingWatcher(report: report)
}

/// Compares the files below the roots every `interval` (for systems without inotify).
final class PollingWatcher: ChangeWatcher {
    private struct State {
        var roots: [WatchRoot] = []
        var index: FileIndex?
        var stopped = false
    }

    private let state = Mutex(State())
    private let report: @Sendable (Set<String>) -> Void

    init(report: @escaping @Sendable (Set<String>) -> Void, interval: Duration = .milliseconds(500)) {
        self.report = report
        let thread = Thread { [weak self] in
            while let self, self.poll() { Thread.sleep(forTimeInterval: interval.inSeconds) }
        }
        thread.name = "chartunit-watch-poll"
        thread.start()
    }

    func watch(_ roots: [WatchRoot]) {
        let index = FileIndex(roots: roots)
        state.withLock { state in
            state.roots = roots
            state.index = index
        }
    }

    func stop() {
        state.withLock { $0.stopped = true }
    }

    /// One look: reports what differs from the last; false once stopped.
    private func poll() -> Bool {
        guard let roots = state.withLock({ $0.stopped ? nil : $0.roots }) else { return false }
        let now = FileIndex(roots: roots)
        let changed: [String]? = state.withLock { state in
            guard !state.stopped, state.roots == roots, let before = state.index else { return nil }
            state.index = now
            return now.difference(from: before)
        }
        if let changed, !changed.isEmpty { report(Set(changed)) }
        return true
    }
}

#if os(Linux)
/// Linux inotify on every directory below the roots, directories that
/// appear watched as they come (and reported whole, for what was written
/// into them before their watch was in place).
final class InotifyWatcher: ChangeWatcher {
    private struct State {
        var roots: [WatchRoot] = []
        /// Watch descriptor → its directory and whether its subdirectories are watched.
        var directories: [Int32: (path: String, recursive: Bool)] = [:]
        var stopped = false
    }

    private static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_ATTRIB
        | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)

    private let descriptor: Int32
    /// A pipe whose write end wakes the reading thread to stop.
    private let wake: (read: Int32, write: Int32)
    private let state = Mutex(State())
    private let report: @Sendable (Set<String>) -> Void
    private let finished = DispatchSemaphore(value: 0)

    /// Nil when the kernel gives no inotify instance.
    init?(report: @escaping @Sendable (Set<String>) -> Void) {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else {
            close(descriptor)
            return nil
        }
        self.descriptor = descriptor
        wake = (ends[0], ends[1])
        self.report = report
        let thread = Thread { [self] in readLoop() }
        thread.name = "chartunit-watch-inotify"
        thread.start()
    }

    func watch(_ roots: [WatchRoot]) {
        state.withLock { state in
            for (wd, _) in state.directories { inotify_rm_watch(descriptor, wd) }
            state.directories = [:]
            state.roots = roots
            for root in roots { add(root.path, recursive: root.recursive, into: &state) }
        }
    }

    func stop() {
        let first = state.withLock { state in
            defer { state.stopped = true }
            return !state.stopped
        }
        guard first else { return }
        var byte: UInt8 = 1
        _ = write(wake.write, &byte, 1)
        finished.wait()
        close(descriptor)
        close(wake.read)
        close(wake.write)
    }

    /// Watches `path` (and, when `recursive`, every directory below it).
    private func add(_ path: String, recursive: Bool, into state: inout State) {
        let wd = inotify_add_watch(descriptor, path, Self.mask)
        guard wd >= 0 else { return }
        let known = state.directories[wd]
        state.directories[wd] = (path, recursive || (known?.recursive ?? false))
        guard recursive, let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in names where FileIndex.isRealDirectory(path + "/" + name) {
            add(path + "/" + name, recursive: true, into: &state)
        }
    }

    private func readLoop() {
        defer { finished.signal() }
        let size = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: MemoryLayout<inotify_event>.alignment)
        defer { buffer.deallocate() }
        var fds = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0), pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0)]
        while true {
            let ready = poll(&fds, 2, -1)
            if ready < 0 && errno == EINTR { continue }
            if ready < 0 || fds[1].revents != 0 || state.withLock({ $0.stopped }) { return }
            let count = read(descriptor, buffer, size)
            if count <= 0 { continue }
            let paths = state.withLock { state in events(in: buffer, count: count, state: &state) }
            if !paths.isEmpty { report(paths) }
        }
    }

    /// The paths the events in `buffer` name; new directories are watched.
    private func events(in buffer: UnsafeMutableRawPointer, count: Int, state: inout State) -> Set<String> {
        var paths = Set<String>()
        var offset = 0
        let header = MemoryLayout<inotify_event>.size
        while offset + header <= count {
            let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
            let nameStart = buffer + offset + header
            offset += header + Int(event.len)
            if event.mask & UInt32(IN_Q_OVERFLOW) != 0 {
                // Events were lost: every root is looked at whole.
                paths.formUnion(state.roots.map(\.path))
                continue
            }
            guard let directory = state.directories[event.wd] else { continue }
            if event.mask & UInt32(IN_IGNORED) != 0 {
                state.directories[event.wd] = nil
                continue
            }
            var path = directory.path
            if event.len > 0 {
                let name = String(cString: nameStart.assumingMemoryBound(to: CChar.self))
                path = directory.path == "/" ? "/" + name : directory.path + "/" + name
            }
            paths.insert(path)
            let isNewDirectory = event.mask & UInt32(IN_ISDIR) != 0 && event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0
            if isNewDirectory && directory.recursive { add(path, recursive: true, into: &state) }
        }
        return paths
    }
}
#endif
