import GoStd
import Values

/// The maps of a chart tree's default values (every chart's values, through
/// maps and lists), which nothing changes once the chart is loaded. A
/// coalescing pass whose result is only read may hold them instead of
/// copies (``Coalescer/coalesceValuesBorrowing(_:_:sharing:)``), copying
/// one only before it would change it.
final class DefaultMaps: @unchecked Sendable {
    /// Every map the defaults reach.
    private let maps: Set<MapAddress>
    /// The maps `cleanNilValues` would leave as they are: no null entry,
    /// and none in the maps they hold (cleaning does not enter lists).
    private let cleanMaps: Set<MapAddress>
    /// The chart whose defaults these are, held so that the maps stay alive.
    private let chart: Chart

    init(_ chart: Chart) {
        self.chart = chart
        var maps: Set<MapAddress> = []
        var clean: [MapAddress: Bool] = [:]
        /// Whether `map` is clean, recording it and what it reaches.
        func visit(_ map: GoMap) -> Bool {
            let address = MapAddress(map)
            if let known = clean[address] { return known }
            maps.insert(address)
            clean[address] = false  // until its entries are seen
            var isClean = true
            for value in map.entries.values {
                switch value {
                case .null: isClean = false
                case .map(let inner, _): if !DeepStack.withRoom({ visit(inner) }) { isClean = false }
                case .list(let items, _): DeepStack.withRoom { visitList(items) }
                default: break
                }
            }
            clean[address] = isClean
            return isClean
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
        self.maps = maps
        self.cleanMaps = Set(clean.compactMap { $0.value ? $0.key : nil })
    }

    /// Whether `map` is one of the defaults' maps.
    func contains(_ map: GoMap) -> Bool { maps.contains(MapAddress(map)) }

    /// Whether `map` is one of the defaults' maps and, with `cleaned`, one
    /// that `cleanNilValues` leaves as it is.
    func holds(_ map: GoMap, cleaned: Bool) -> Bool {
        cleaned ? cleanMaps.contains(MapAddress(map)) : contains(map)
    }
}
