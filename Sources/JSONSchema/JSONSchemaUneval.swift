import GoStd

/// Properties and items not yet evaluated, for `unevaluated*`. Only made
/// when there is something to track: no instance means both sets empty.
final class Uneval {
    var props: Set<String> = []
    var items: Set<Int> = []

    /// The library's `unevalFrom`, or nil when both sets would be empty.
    static func from<I>(_ view: SchemaInstanceView<I>, _ node: SchemaNode, callerNeeds: Bool) -> Uneval? {
        switch view {
        case .object(let o):
            if !node.allPropsEvaluated, callerNeeds || node.unevaluatedProperties != nil, !o.isEmpty {
                let u = Uneval()
                u.props = Set(o.keys.map(\.text))
                return u
            }
        case .array(let a):
            if !node.allItemsEvaluated, callerNeeds || node.unevaluatedItems != nil, node.numItemsEvaluated < a.count {
                let u = Uneval()
                u.items = Set(node.numItemsEvaluated..<a.count)
                return u
            }
        default: break
        }
        return nil
    }

    /// Keeps what `other` (nil: nothing) has not evaluated either.
    func merge(_ other: Uneval?) {
        guard let other else {
            props = []
            items = []
            return
        }
        props.formIntersection(other.props)
        items.formIntersection(other.items)
    }

    var isEmpty: Bool { props.isEmpty && items.isEmpty }
}
