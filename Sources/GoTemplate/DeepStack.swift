import GoStd
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs deep recursion in chunks on fresh threads with large stacks, so that
/// Go's depth limits (10000 nested parentheses, 100000 nested template
/// calls) end in Go's errors rather than a stack overflow.
enum DeepStack {
    /// Recursion levels run on the caller's thread before the first hop
    /// (small, since the caller's stack size and use are unknown).
    static let firstHop = 48
    /// Recursion levels run on each helper thread (a template level takes
    /// about 8 KB of stack in debug builds, 2 KB in release builds).
    static let chunk = 2048
    /// Stack size of each helper thread.
    static let stackSize = 64 << 20

    /// Runs `body` here, or on a fresh big-stack thread when `depth` reaches
    /// ``firstHop`` and every ``chunk`` levels after it.
    @inline(__always)
    static func guarded<T>(depth: Int, _ body: () throws -> T) throws -> T {
        if depth < firstHop || (depth - firstHop) % chunk != 0 { return try body() }
        return try onNewThread(body)
    }

    private final class Job: @unchecked Sendable {
        let work: () -> Void
        init(_ work: @escaping () -> Void) { self.work = work }
    }

    /// Runs `body` on a new thread with a ``stackSize`` stack and waits for it.
    static func onNewThread<T>(_ body: () throws -> T) throws -> T {
        try withoutActuallyEscaping(body) { escapable in
            var result: Result<T, any Error>?
            let job = Job { result = Result { try escapable() } }
            var attr = pthread_attr_t()
            pthread_attr_init(&attr)
            defer { pthread_attr_destroy(&attr) }
            pthread_attr_setstacksize(&attr, stackSize)
            #if canImport(Darwin)
            var thread: pthread_t?
            #else
            var thread = pthread_t()
            #endif
            let raw = Unmanaged.passRetained(job).toOpaque()
            let rc = pthread_create(&thread, &attr, { arg in
                guard let arg else { return nil }
                Unmanaged<Job>.fromOpaque(arg).takeRetainedValue().work()
                return nil
            }, raw)
            if rc != 0 {
                Unmanaged<Job>.fromOpaque(raw).release()
                return try escapable()
            }
            #if canImport(Darwin)
            if let thread { pthread_join(thread, nil) }
            #else
            pthread_join(thread, nil)
            #endif
            guard let result else { throw GoError("internal error: helper thread produced no result") }
            return try result.get()
        }
    }
}
