#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// Runs deep recursion on fresh threads with large stacks, so that Go's
/// depth limits (10000 nested parentheses or YAML/JSON levels, 100000 nested
/// template calls) end in Go's errors, and deep values are walked, rather
/// than the thread's stack overflowing. Go grows a goroutine's stack up to
/// 1 GB; a Swift thread has a fixed one (8 MB for the main thread and
/// Dispatch's workers on Linux, 512 KB for secondary threads on macOS).
///
/// A recursive function (the template executor and parser, walkers over
/// values and nodes) calls itself through ``withRoom(_:)``, which hops to a
/// new thread when the current thread's stack has less than ``reserve``
/// bytes left; how much a level takes (it varies with the build and with
/// what a template calls) does not matter.
public enum DeepStack {
    /// Stack size of each helper thread.
    public static var stackSize: Int { 64 << 20 }
    /// The stack ``withRoom(_:)`` keeps free for one step of a recursion and
    /// the non-recursive calls it makes (debug frames are large).
    public static var reserve: Int { 1 << 20 }

    /// Runs `body` here while this thread's stack has ``reserve`` bytes
    /// left, else on a fresh big-stack thread. A recursive walker calls
    /// itself through this at every level and needs no depth count.
    @inlinable @inline(__always)
    public static func withRoom<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        if hasRoom() { return try body() }
        return try onNewThread(body)
    }

    /// The stack of a goroutine-like thread. Go grows a goroutine's stack
    /// to 1 GB; deep template recursion (100000 nested `template` calls)
    /// and deep values built by a template (freed when it ends) need more
    /// than a caller's thread has.
    public static let goroutineStackSize = 512 << 20

    /// Each calling thread's parked thread with a ``goroutineStackSize`` stack.
    private static let goroutineThread = ThreadLocal { ParkedThread(stackSize: goroutineStackSize) }

    /// Runs `body` here when this thread has half a ``goroutineStackSize``
    /// of stack left (it is such a thread), else on the calling thread's
    /// parked thread with that stack. Callers run whole batches of work
    /// through this once, so that the inner calls find room and stay put.
    public static func onGoroutineStack<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        if room() >= goroutineStackSize / 2 { return try body() }
        return try goroutineThread.value.run(body)
    }

    /// Whether the current thread's stack has ``reserve`` bytes left below
    /// the caller.
    public static func hasRoom() -> Bool {
        var marker: UInt8 = 0
        let here = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
        return here > stackLowerBound() + UInt(reserve)
    }

    /// Runs `body`, which builds or frees trees `depth` levels deep by
    /// recursion Swift does itself (freeing nested arrays of enums), where
    /// that fits: here when this thread's stack has room, else on a new
    /// thread with stack enough. Whatever `body` drops, it drops there.
    @inlinable
    public static func withStack<T, E: Error>(forDepth depth: Int, _ body: () throws(E) -> T) throws(E) -> T {
        let needed = depth * bytesPerReleasedLevel + reserve
        if room() > needed { return try body() }
        return try onNewThread(stackSize: max(stackSize, 2 * needed), body)
    }

    /// Frees `value`, a tree `depth` levels deep that Swift frees by
    /// recursion (nested arrays of enums: no `deinit` to break it up), where
    /// that recursion fits: here when this thread's stack has room for it,
    /// else on a new thread with stack enough.
    @inlinable
    public static func release<T>(_ value: consuming T, depth: Int) {
        let needed = depth * bytesPerReleasedLevel + reserve
        if room() > needed { return }
        let box = ReleaseBox(consume value)
        onNewThread(stackSize: max(stackSize, 2 * needed)) { box.value = nil }
    }

    /// Stack one level of a recursive release takes (measured in debug
    /// builds: about 330 bytes for a map of values, less for arrays).
    @usableFromInline static var bytesPerReleasedLevel: Int { 512 }

    @usableFromInline final class ReleaseBox<T>: @unchecked Sendable {
        @usableFromInline var value: T?
        @usableFromInline init(_ value: consuming T) { self.value = value }
    }

    /// Bytes of stack left below the caller (0 when unknown).
    @usableFromInline static func room() -> Int {
        let here = stackAddress()
        let low = stackLowerBound()
        return low <= 1 || here <= low ? 0 : Int(here - low)
    }

    /// An address in the caller's frame.
    @inline(never)
    static func stackAddress() -> UInt {
        var marker: UInt8 = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    }

    /// The thread-specific slot caching each thread's lowest usable stack
    /// address (1 when it cannot be known: every check then passes).
    private static let boundKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    @inline(__always)
    private static func stackLowerBound() -> UInt {
        if let cached = pthread_getspecific(boundKey) { return UInt(bitPattern: cached) }
        return computeStackLowerBound()
    }

    @inline(never)
    private static func computeStackLowerBound() -> UInt {
        var low: UInt = 1
        #if canImport(Darwin)
        let self_ = pthread_self()
        let top = UInt(bitPattern: pthread_get_stackaddr_np(self_))
        let size = UInt(pthread_get_stacksize_np(self_))
        if top > size { low = top - size }
        #else
        var attr = pthread_attr_t()
        if let getattr = getattrNP, getattr(pthread_self(), &attr) == 0 {
            var base: UnsafeMutableRawPointer?
            var size = 0
            if pthread_attr_getstack(&attr, &base, &size) == 0, let base {
                var guardSize = 0
                pthread_attr_getguardsize(&attr, &guardSize)
                low = UInt(bitPattern: base) + UInt(guardSize)
            }
            pthread_attr_destroy(&attr)
        }
        #endif
        pthread_setspecific(boundKey, UnsafeRawPointer(bitPattern: low))
        return low
    }

    #if !canImport(Darwin)
    /// glibc's `pthread_getattr_np` (declared only under `_GNU_SOURCE`, so
    /// not visible to Swift), looked up once.
    private typealias GetAttr = @convention(c) (pthread_t, UnsafeMutablePointer<pthread_attr_t>) -> Int32
    private static let getattrNP: GetAttr? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "pthread_getattr_np") else { return nil }
        return unsafeBitCast(symbol, to: GetAttr.self)
    }()
    #endif

    private final class Item: @unchecked Sendable {
        var run: (() -> Void)?
        init(_ run: @escaping () -> Void) { self.run = run }
    }

    /// Runs `body` on a new thread with a `stackSize` stack (only the pages
    /// it touches take memory) and waits for it.
    public static func onNewThread<T, E: Error>(stackSize: Int = stackSize, _ body: () throws(E) -> T) throws(E) -> T {
        let result: Result<T, E> = withoutActuallyEscaping(body) { escapable in
            var result: Result<T, E>?
            let done = DispatchSemaphore(value: 0)
            // The thread drops `body` before it signals: nothing may hold it
            // once this call returns.
            let item = Item { result = Result { () throws(E) -> T in try escapable() } }
            let started = startThread(stackSize: stackSize) {
                item.run?()
                item.run = nil
                done.signal()
            }
            if started {
                done.wait()
            } else {
                // No thread: run here and let the stack take its chances.
                item.run?()
                item.run = nil
            }
            // The helper always stores a result before it signals.
            return result!
        }
        return try result.get()
    }
}
