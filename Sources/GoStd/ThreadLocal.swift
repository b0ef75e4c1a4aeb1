#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One object per thread, made on first use and released when the thread ends.
public final class ThreadLocal<Object: AnyObject>: @unchecked Sendable {
    private var key = pthread_key_t()
    private let make: @Sendable () -> Object

    public init(_ make: @escaping @Sendable () -> Object) {
        self.make = make
        pthread_key_create(&key) { box in
            guard let box else { return }
            Unmanaged<AnyObject>.fromOpaque(box).release()
        }
    }

    /// This thread's object.
    public var value: Object {
        if let box = pthread_getspecific(key) {
            return Unmanaged<Object>.fromOpaque(box).takeUnretainedValue()
        }
        let object = make()
        pthread_setspecific(key, Unmanaged<Object>.passRetained(object).toOpaque())
        return object
    }
}

/// A per-thread list of things whose release was put off, so that freeing
/// a deep tree takes a loop instead of one stack frame per level: a dying
/// node moves its children out of its own storage and hands them to
/// ``hold(_:drain:)``; the outermost such call on the thread drops them one
/// at a time (their own deaths add to the list rather than recursing).
public final class DeferredRelease<Item> {
    private var pending: [Item] = []
    private var draining = false

    public init() {}

    /// Takes `items` (which must be the only references the dying node
    /// had) and drops them here, or leaves them to the teardown already
    /// running on this thread. `drain` sees each item just before it is
    /// dropped and may hold parts of it first (the elements of a list).
    public func hold(_ items: consuming [Item], drain: (Item, DeferredRelease<Item>) -> Void = { _, _ in }) {
        pending.append(contentsOf: consume items)
        if draining { return }
        draining = true
        defer { draining = false }
        while let item = pending.popLast() {
            drain(item, self)
        }
    }

    /// Moves `storage` out of a dying node (leaving `empty`) and holds it.
    public func hold(taking storage: inout Item, leaving empty: Item) {
        var taken = [empty]
        swap(&taken[0], &storage)
        hold(consume taken)
    }

    /// Adds `items` to the list (from a `drain` step).
    public func append<S: Sequence>(contentsOf items: S) where S.Element == Item {
        pending.append(contentsOf: items)
    }
}
