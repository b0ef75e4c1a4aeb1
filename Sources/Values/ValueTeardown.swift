import GoStd

/// Frees deep value trees without deep recursion. Swift releases a nested
/// map or list by recursing into its elements, some 300 bytes of stack a
/// level, so a map nested 25000 deep (Go's values can be, and go-yaml's
/// 10000-level limits allow that much in a suite) would overflow an 8 MB
/// stack just by being dropped. A ``GoMap`` that dies with little stack
/// left hands its values to a per-thread ``DeferredRelease`` instead,
/// which takes lists apart element by element.
extension Value {
    /// Whether this is a list holding a list.
    var nestsLists: Bool {
        guard case .list(let items, _) = self else { return false }
        return items.contains { if case .list = $0 { true } else { false } }
    }
}

enum ValueTeardown {
    private static let queue = ThreadLocal { DeferredRelease<Value>() }

    /// Takes the entries of a dying map, leaving it empty.
    static func release(_ entries: inout [GoString: Value]) {
        guard entries.values.contains(where: \.isContainer) else { return }
        let values = Array(entries.values)
        entries = [:]
        queue.value.hold(consume values) { value, queue in
            // The list's elements are held first, so freeing the list only
            // drops references; a map's last reference comes back here.
            if case .list(let items, _) = value, items.contains(where: \.isContainer) {
                queue.append(contentsOf: items)
            }
        }
    }
}
