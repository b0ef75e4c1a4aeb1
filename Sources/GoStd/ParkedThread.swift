#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// A helper thread with a stack of a chosen size that runs one caller's
/// work items in turn and waits, parked, between them. Creating a thread
/// with a large stack for every short job costs more than the job (the
/// mapping, and the fresh stack pages the kernel must zero); a parked
/// thread pays that once. Keep one per calling thread (``ThreadLocal``):
/// the caller blocks while its item runs, so the two never run at once.
/// The thread ends when its owner is released.
public final class ParkedThread: @unchecked Sendable {
    /// What the owner and the thread share; the thread holds only this, so
    /// releasing the owner ends it.
    private final class Mailbox: @unchecked Sendable {
        let start = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        var item: (() -> Void)?
        var stopping = false
    }

    private let mailbox = Mailbox()
    private let started: Bool

    /// Starts the thread with a `stackSize` stack (only the pages it
    /// touches take memory).
    public init(stackSize: Int) {
        let mailbox = self.mailbox
        started = startThread(stackSize: stackSize) {
            while true {
                mailbox.start.wait()
                if mailbox.stopping { return }
                mailbox.item?()
                mailbox.item = nil
                mailbox.finished.signal()
            }
        }
    }

    deinit {
        guard started else { return }
        mailbox.stopping = true
        mailbox.start.signal()
    }

    /// Runs `body` on the thread and waits for it; runs it here if the
    /// thread could not be started.
    public func run<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        guard started else { return try body() }
        let result: Result<T, E> = withoutActuallyEscaping(body) { escapable in
            var result: Result<T, E>?
            mailbox.item = { result = Result { () throws(E) -> T in try escapable() } }
            mailbox.start.signal()
            mailbox.finished.wait()
            // The thread always stores a result before it signals.
            return result!
        }
        return try result.get()
    }
}

/// Work handed to a new thread.
private final class ThreadWork: @unchecked Sendable {
    let run: () -> Void
    init(_ run: @escaping () -> Void) { self.run = run }
}

/// Starts a detached thread with a `stackSize` stack (only the pages it
/// touches take memory) running `work`; false when no thread could be made.
func startThread(stackSize: Int, _ work: @escaping () -> Void) -> Bool {
    var attr = pthread_attr_t()
    pthread_attr_init(&attr)
    defer { pthread_attr_destroy(&attr) }
    pthread_attr_setstacksize(&attr, stackSize)
    pthread_attr_setdetachstate(&attr, Int32(PTHREAD_CREATE_DETACHED))
    #if canImport(Darwin)
    var thread: pthread_t?
    #else
    var thread = pthread_t()
    #endif
    let raw = Unmanaged.passRetained(ThreadWork(work)).toOpaque()
    let rc = pthread_create(&thread, &attr, { arg in
        guard let arg else { return nil }
        Unmanaged<ThreadWork>.fromOpaque(arg).takeRetainedValue().run()
        return nil
    }, raw)
    if rc != 0 { Unmanaged<ThreadWork>.fromOpaque(raw).release() }
    return rc == 0
}
