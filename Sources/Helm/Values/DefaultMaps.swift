import GoStd
import Values

/// The maps of a chart tree's default values (every chart's values, through
/// maps and lists), which nothing changes once the chart is loaded. A
/// coalescing pass whose result is only read may hold them instead of
/// copies (``Coalescer/coalesceValuesBorrowing(_:_:sharing:)``), copying
/// one only before it would change it.
final class DefaultMaps: Sendable {
    /// Every map the defaults reach, and whether `cleanNilValues` would
    /// leave it as it is: no null entry, and none in the maps it holds
    /// (cleaning does not enter lists).
    private let isClean: [MapAddress: Bool]
    /// The chart whose defaults these are, held so that the maps stay alive.
    private let chart: Chart

    init(_ chart: Chart) {
        self.chart = chart
        var isClean: [MapAddress: Bool] = [:]
        /// Whether `map` is clean, recording it and what it reaches.
        func visit(_ map: GoMap) -> Bool {
            let address = MapAddress(map)
            if let known = isClean[address] { return known }
            isClean[address] = false  // until its entries are seen
            var clean = true
            for value in map.entries.values {
                switch value {
                case .null: clean = false
                case .map(let inner, _): if !DeepStack.withRoom({ visit(inner) }) { clean = false }
                case .list(let items, _): DeepStack.withRoom { visitList(items) }
                default: break
                }
            }
            isClean[address] = clean
            return clean
        }
        func visitList(_ items: [Value]) {
            for item in items {
                switch item {
                case .map(let inner, _): _ = DeepStack.withRoom { visit(inner) }
                case .list(let nested, _): DeepStack.withRoom { visitList(nested) }
                default: break
                }
            }
        }
        var charts = [chart]
        while let next = charts.popLast() {
            _ = visit(next.defaultValues)
            charts += next.dependencies
        }
        self.isClean = isClean
    }

    /// Whether `map` is one of the defaults' maps.
    func contains(_ map: GoMap) -> Bool { isClean[MapAddress(map)] != nil }

    /// Whether `map` is one of the defaults' maps and, with `cleaned`, one
    /// that `cleanNilValues` leaves as it is.
    func holds(_ map: GoMap, cleaned: Bool) -> Bool {
        guard let clean = isClean[MapAddress(map)] else { return false }
        return clean || !cleaned
    }
}
