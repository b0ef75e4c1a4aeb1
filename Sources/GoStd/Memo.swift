import Synchronization

/// Results of a pure, possibly failing computation remembered by input and
/// shared across threads: charts ask for the same regexps and version
/// constraints on every render. Bounded: once full, it starts over.
public final class Memo<Key: Hashable & Sendable, Output: Sendable, Failure: Error>: Sendable {
    @usableFromInline let entries = Mutex<[Key: Result<Output, Failure>]>([:])
    @usableFromInline let capacity: Int

    /// A memo holding at most `capacity` results.
    public init(capacity: Int = 4096) {
        self.capacity = capacity
    }

    /// The remembered result for `key`, or `compute(key)` remembered (a
    /// failure too). `compute` runs outside the lock. Inlinable, so that
    /// each caller's key and result types are specialised.
    @inlinable
    public func value(for key: Key, _ compute: (Key) throws(Failure) -> Output) throws(Failure) -> Output {
        if let hit = entries.withLock({ $0[key] }) { return try hit.get() }
        let result: Result<Output, Failure>
        do { result = .success(try compute(key)) } catch { result = .failure(error) }
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll() }
            entries[key] = result
        }
        return try result.get()
    }
}
