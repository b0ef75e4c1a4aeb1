import Diagnostics
import Values
import GoStd

/// A chart during dependency processing: Go's `*chart.Chart`, with the
/// pointer sharing Helm relies on (metadata and dependency records are
/// shared between copies exactly where Go shares them).
final class WorkChart {
    /// Go's `*Metadata`: shared by shallow chart copies.
    final class MetadataBox {
        var metadata: ChartMetadata
        /// Go's `[]*Dependency`: each record shared by shallow metadata copies.
        var dependencies: [DependencyBox]?

        init(_ metadata: ChartMetadata) {
            var md = metadata
            dependencies = md.dependencies.map { list in list.compactMap { $0.map(DependencyBox.init) } }
            md.dependencies = nil
            self.metadata = md
        }

        init(metadata: ChartMetadata, dependencies: [DependencyBox]?) {
            self.metadata = metadata
            self.dependencies = dependencies
        }

        /// The metadata with its dependency records in place.
        var resolved: ChartMetadata {
            var md = metadata
            md.dependencies = dependencies?.map { $0.dependency }
            return md
        }
    }

    final class DependencyBox {
        var dependency: ChartDependency
        init(_ dependency: ChartDependency) { self.dependency = dependency }
    }

    var meta: MetadataBox
    var values: GoMap
    var dependencies: [WorkChart]
    let source: Chart

    init(meta: MetadataBox, values: GoMap, dependencies: [WorkChart], source: Chart) {
        self.meta = meta
        self.values = values
        self.dependencies = dependencies
        self.source = source
    }

    /// A working tree for `chart`. Default values are shared, not copied:
    /// processing only reads them (every merge works on a deep copy, and
    /// import-values replaces the map instead of changing it).
    convenience init(_ chart: Chart) {
        self.init(meta: MetadataBox(chart.metadata), values: chart.defaultValues,
                  dependencies: chart.dependencies.map(WorkChart.init), source: chart)
    }

    var name: String { meta.metadata.name }
}

/// Helm's values coalescing (pkg/chart/common/util/coalesce.go), on
/// reference-typed maps so that Go's sharing and in-place updates carry
/// over exactly. What Helm logs on the way goes to `log`.
struct Coalescer {
    let helm: HelmVersion
    let log: ValuesLog
    /// In a borrowing pass, the maps of the values it was given: they are
    /// read in place and copied only where the pass would change them.
    private var borrowed: BorrowedMaps?

    init(helm: HelmVersion, log: ValuesLog) {
        self.helm = helm
        self.log = log
    }

    /// `CoalesceValues(chart, vals)`: a deep copy of `vals`, with chart
    /// defaults and subchart values coalesced in (nulls from the user
    /// delete defaults).
    func coalesceValues(_ chart: WorkChart, _ vals: GoMap?) throws(LocatedError) -> GoMap {
        let copy = vals.map { Value.map($0).deepCopy().mapValue ?? GoMap() } ?? GoMap()
        return try coalesce(chart, copy, prefix: { "" }, merge: false)
    }

    /// ``coalesceValues(_:_:)`` for a result that is only read, while
    /// `vals` is not changed by anyone: instead of Helm's deep copy of
    /// `vals`, the maps of `vals` are shared and a map is copied (with its
    /// place in its parent) only before the pass would change it. What the
    /// result holds is what Helm's holds.
    /// Small values are copied as Helm copies them: with fewer than
    /// ``BorrowedMaps/minimumKeys`` top-level keys, a copy costs less than
    /// the bookkeeping.
    /// With `defaults` (the maps of the chart tree's defaults), chart
    /// defaults land in the result as they are instead of as copies, under
    /// the same rule.
    func coalesceValuesBorrowing(_ chart: WorkChart, _ vals: GoMap, sharing defaults: DefaultMaps? = nil) throws(LocatedError) -> GoMap {
        let borrowsValues = vals.count >= BorrowedMaps.minimumKeys
        guard borrowsValues || defaults != nil else { return try coalesceValues(chart, vals) }
        var pass = self
        pass.borrowed = BorrowedMaps(borrowsValues ? vals : nil, defaults: defaults)
        let dest = borrowsValues ? GoMap(vals.entries) : Value.map(vals).deepCopy().mapValue ?? GoMap()
        return try pass.coalesce(chart, dest, prefix: { "" }, merge: false)
    }

    /// `parent[key]` if it is a map, which the caller may then change: in a
    /// borrowing pass a borrowed map is first replaced there by a copy.
    private func ownedTable(_ parent: GoMap, _ key: GoString) -> GoMap? {
        guard case .map(let table, let type)? = parent[key] else { return nil }
        return owned(table, type, in: parent, at: key)
    }

    /// `table`, held by `parent` at `key`, made changeable as
    /// ``ownedTable(_:_:)`` makes it.
    private func owned(_ table: GoMap, _ type: GoMapType, in parent: GoMap, at key: GoString) -> GoMap {
        guard let borrowed, borrowed.contains(table) else { return table }
        let copy = GoMap(table.entries)
        parent[key] = .map(copy, type)
        return copy
    }

    /// `MergeValues(chart, vals)`: as ``coalesceValues`` but nulls are kept.
    func mergeValues(_ chart: WorkChart, _ vals: GoMap?) throws(LocatedError) -> GoMap {
        let copy = vals.map { Value.map($0).deepCopy().mapValue ?? GoMap() } ?? GoMap()
        return try coalesce(chart, copy, prefix: { "" }, merge: true)
    }

    /// `prefix` gives the dotted key of `dest`'s chart, built only for a warning.
    func coalesce(_ chart: WorkChart, _ dest: GoMap, prefix: () -> String, merge: Bool) throws(LocatedError) -> GoMap {
        coalesceChartValues(chart, dest, prefix: prefix, merge: merge)
        return try coalesceDependencies(chart, dest, prefix: prefix, merge: merge)
    }

    private func coalesceDependencies(_ chart: WorkChart, _ dest: GoMap, prefix: () -> String, merge: Bool) throws(LocatedError) -> GoMap {
        for sub in chart.dependencies {
            let name = sub.name
            let key = GoString(name)
            let table: GoMap
            switch dest[key] {
            case .map(let existing, let type)?:
                table = owned(existing, type, in: dest, at: key)
            case let existing?:
                throw LocatedError(.chartLoad, "type mismatch on \(name): \(goBoolVerb(existing))")
            case nil:
                table = GoMap()
                dest[key] = .map(table)
            }
            func subPrefix() -> String { concatPrefix(prefix(), chart.name) }
            coalesceGlobals(table, dest, prefix: subPrefix)
            dest[name] = .map(try coalesce(sub, table, prefix: subPrefix, merge: merge))
        }
        return dest
    }

    /// Copies `src`'s globals into `dest`'s (parent globals win).
    private func coalesceGlobals(_ dest: GoMap, _ src: GoMap, prefix: () -> String) {
        let global: GoString = "global"
        let destGlobals: GoMap
        switch dest[global] {
        case nil: destGlobals = GoMap()
        case .map(let m, let type)?: destGlobals = owned(m, type, in: dest, at: global)
        default: log.warn(.destinationGlobalsNotTable); return
        }
        let srcGlobals: GoMap
        switch src[global] {
        case nil: srcGlobals = GoMap()
        case .map(let m, let type)?: srcGlobals = owned(m, type, in: src, at: global)
        default: log.warn(.sourceGlobalsNotTable); return
        }
        if borrowed != nil {
            // The copies below share the tables' own tables, which the
            // merges may change: those must not be borrowed ones.
            for key in srcGlobals.entries.keys {
                guard let table = ownedTable(srcGlobals, key) else { continue }
                for inner in table.entries.keys { _ = ownedTable(table, inner) }
            }
        }
        for (key, value) in srcGlobals.entries {
            if case .map(let table, _) = value {
                let copy = GoMap(table.entries)
                if let existing = destGlobals[key] {
                    if case .map(let existingTable, let type) = existing {
                        let existingTable = owned(existingTable, type, in: destGlobals, at: key)
                        coalesceTables(copy, existingTable, prefix: { concatPrefix(prefix(), key.text) }, merge: true)
                        destGlobals[key] = .map(copy)
                    } else {
                        log.warn(.globalMapOntoNonMap, path: key.text)
                    }
                } else {
                    destGlobals[key] = .map(copy)
                }
            } else if case .map? = destGlobals[key] {
                log.warn(.globalKeyIsTable, path: key.text)
            } else {
                destGlobals[key] = value
            }
        }
        dest["global"] = .map(destGlobals)
    }

    /// Merges the chart's own defaults into `v` (`v` wins).
    ///
    /// Helm merges a deep copy of the defaults and drops it afterwards;
    /// here the defaults are read in place and only what lands in `v` is
    /// copied (``coalesceTables(_:defaults:cleaning:prefix:merge:)``).
    private func coalesceChartValues(_ chart: WorkChart, _ v: GoMap, prefix: () -> String, merge: Bool) {
        func subPrefix() -> String { concatPrefix(prefix(), chart.name) }
        let cleanNils = !merge && helm.dropsDefaultNulls
        // A fresh map gets room for every default key at once, instead of
        // growing key by key.
        if v.count == 0 { v.reserveCapacity(chart.values.count) }
        // Each key is settled on its own, so map order does not matter.
        for (key, value) in chart.values.entries {
            if let current = v[key] {
                if case .null = current, !merge {
                    v[key] = nil
                } else if case .map(let table, let type) = current {
                    guard case .map(let srcTable, _) = value else {
                        // A null default has nothing to coalesce: Helm says nothing.
                        if case .null = value {} else { log.warn(.skippedNotTable, path: subPrefix() + "." + key.text) }
                        continue
                    }
                    let destTable = owned(table, type, in: v, at: key)
                    let childMerge = chart.dependencies.contains { GoString($0.name) == key } ? true : merge
                    coalesceTables(destTable, defaults: srcTable, cleaning: !childMerge && cleanNils,
                                   prefix: { concatPrefix(subPrefix(), key.text) }, merge: childMerge)
                }
            } else {
                if cleanNils, case .null = value { continue }
                v[key] = landing(value, cleaning: cleanNils)
            }
        }
    }

    /// ``coalesceTables(_:_:prefix:merge:)`` of a deep copy of `src` (with
    /// `cleaning`, nulls removed from its maps as `cleanNilValues` does)
    /// that is dropped afterwards: `src` is only read, and only what lands
    /// in `dst` is copied. Keys null in `dst` are settled as the copy's
    /// null-marking settles them; what that marking leaves in the copy is
    /// never seen.
    private func coalesceTables(_ dst: GoMap, defaults src: GoMap, cleaning: Bool, prefix: () -> String, merge: Bool) {
        for (key, value) in src.entries {
            if cleaning, case .null = value { continue }
            guard let existing = dst[key] else {
                dst[key] = landing(value, cleaning: cleaning)
                continue
            }
            if case .null = existing {
                if !merge && !isNull(value) { dst[key] = nil }
            } else if case .map(let srcTable, _) = value {
                if case .map(let table, let type) = existing {
                    let dstTable = owned(table, type, in: dst, at: key)
                    DeepStack.withRoom {
                        coalesceTables(dstTable, defaults: srcTable, cleaning: cleaning,
                                       prefix: { concatPrefix(prefix(), key.text) }, merge: merge)
                    }
                } else {
                    log.warn(.cannotOverwriteTable, path: concatPrefix(prefix(), key.text),
                             detail: GoFmt.format(Self.copy(value, cleaning: cleaning)))
                }
            } else if case .map = existing, !isNull(value) {
                log.warn(.destinationIsTable, path: concatPrefix(prefix(), key.text), detail: GoFmt.format(value))
            }
        }
    }

    /// A default value as it lands in coalesced values: the value itself
    /// where this pass shares defaults and cleaning would leave it as it
    /// is, else ``copy(_:cleaning:)``.
    private func landing(_ value: Value, cleaning: Bool) -> Value {
        guard let defaults = borrowed?.defaults else { return Self.copy(value, cleaning: cleaning) }
        // Cleaning does not reach into lists, so a list (its maps are
        // defaults too) and a scalar land as they are.
        if case .map(let map, _) = value, !defaults.holds(map, cleaned: cleaning) { return Self.copy(value, cleaning: cleaning) }
        return value
    }

    /// A deep copy of a default value; with `cleaning`, its maps lose their
    /// null entries, recursively through maps (`cleanNilValues`).
    private static func copy(_ value: Value, cleaning: Bool) -> Value {
        let copy = value.deepCopy()
        if cleaning, case .map(let table, _) = copy { cleanNilValues(table) }
        return copy
    }

    /// `coalesceTablesFullKey`: merges `src` into `dst`, `dst` winning.
    /// `prefix` gives the dotted key of `dst`, built only for a warning.
    @discardableResult
    func coalesceTables(_ dst: GoMap, _ src: GoMap, prefix: () -> String, merge: Bool) -> GoMap {
        // Keys null in `dst` become null in `src`; remember which of them
        // `src` held a value for (only those keys are asked about below).
        var srcNonNil: Set<GoString> = []
        for (key, value) in dst.entries {
            guard case .null = value else { continue }
            if let existing = src[key] {
                if case .null = existing {} else { srcNonNil.insert(key) }
            }
            src[key] = .null
        }
        for (key, value) in src.entries {
            let existing = dst[key]
            if let existing, !merge, case .null = existing, srcNonNil.contains(key) {
                dst[key] = nil
            } else if existing == nil {
                dst[key] = value
            } else if case .map(let table, let type) = value {
                let srcTable = owned(table, type, in: src, at: key)
                if case .map(let existingTable, let existingType)? = existing {
                    let dstTable = owned(existingTable, existingType, in: dst, at: key)
                    _ = DeepStack.withRoom { coalesceTables(dstTable, srcTable, prefix: { concatPrefix(prefix(), key.text) }, merge: merge) }
                } else {
                    log.warn(.cannotOverwriteTable, path: concatPrefix(prefix(), key.text), detail: GoFmt.format(value))
                }
            } else if case .map? = existing, !isNull(value) {
                log.warn(.destinationIsTable, path: concatPrefix(prefix(), key.text), detail: GoFmt.format(value))
            }
        }
        return dst
    }

    /// The warnings `coalesceValues(chart, v)` logs, without building its
    /// result: for a chart whose coalesced values are not needed.
    func chartValuesWarnings(_ chart: WorkChart, _ v: GoMap, prefix: String) {
        let subPrefix = concatPrefix(prefix, chart.name)
        for (key, value) in chart.values.entries {
            guard case .map(let dest, _)? = v[key] else { continue }
            switch value {
            case .null: continue
            case .map(let src, _): tableWarnings(dest, src, prefix: { concatPrefix(subPrefix, key.text) })
            default: log.warn(.skippedNotTable, path: subPrefix + "." + key.text)
            }
        }
    }

    /// The warnings `coalesceTablesFullKey(dst, src)` logs, leaving both as they are.
    private func tableWarnings(_ dst: GoMap, _ src: GoMap, prefix: () -> String) {
        for (key, value) in src.entries {
            guard let existing = dst[key], !isNull(existing) else { continue }
            if case .map(let srcTable, _) = value {
                if case .map(let dstTable, _) = existing {
                    DeepStack.withRoom { tableWarnings(dstTable, srcTable, prefix: { concatPrefix(prefix(), key.text) }) }
                } else {
                    log.warn(.cannotOverwriteTable, path: concatPrefix(prefix(), key.text), detail: GoFmt.format(value))
                }
            } else if case .map = existing, !isNull(value) {
                log.warn(.destinationIsTable, path: concatPrefix(prefix(), key.text), detail: GoFmt.format(value))
            }
        }
    }

    /// `cleanNilValues`: removes null entries, recursively, in place.
    static func cleanNilValues(_ map: GoMap) {
        for (key, value) in map.entries {
            switch value {
            case .null: map[key] = nil
            case .map(let sub, _): DeepStack.withRoom { cleanNilValues(sub) }
            default: break
            }
        }
    }
}

/// Go's `v == nil` for a value of a values map.
private func isNull(_ value: Value) -> Bool {
    if case .null = value { return true }
    return false
}

func concatPrefix(_ a: String, _ b: String) -> String {
    a.isEmpty ? b : a + "." + b
}

/// Go's `%t` of a value (how Helm prints a non-table subchart key).
func goBoolVerb(_ v: Value) -> String {
    switch v {
    case .bool(let b): return b ? "true" : "false"
    case .null: return "%!t(<nil>)"
    case .list(let items, _): return DeepStack.withRoom { "[" + items.map(goBoolVerb).joined(separator: " ") + "]" }
    case .map(let m, _):
        return DeepStack.withRoom {
            "map[" + m.sortedKeys.map { goBoolVerb(.string($0)) + ":" + goBoolVerb(m[$0] ?? .null) }.joined(separator: " ") + "]"
        }
    default: return "%!t(\(v.goTypeName)=\(GoFmt.format(v)))"
    }
}

/// The maps a coalescing pass must copy before changing them, by identity:
/// those reachable from the values it was given (held alive with them),
/// and those of the chart defaults it shares.
final class BorrowedMaps {
    /// The fewest top-level keys of values worth borrowing.
    static let minimumKeys = 12

    private let root: GoMap?
    private var maps: Set<MapAddress> = []
    /// The chart defaults the pass shares, if it does.
    let defaults: DefaultMaps?

    /// The maps `root` reaches, and those of `defaults`.
    init(_ root: GoMap?, defaults: DefaultMaps? = nil) {
        self.root = root
        self.defaults = defaults
        guard let root else { return }
        var pending: [Value] = [.map(root, .interfaces)]
        while let next = pending.popLast() {
            switch next {
            case .map(let map, _):
                // A default map's own maps are defaults too.
                if let defaults, defaults.contains(map) { continue }
                guard maps.insert(MapAddress(map)).inserted else { continue }
                for value in map.entries.values where value.isMapOrList { pending.append(value) }
            case .list(let items, _):
                for item in items where item.isMapOrList { pending.append(item) }
            default:
                continue
            }
        }
    }

    func contains(_ map: GoMap) -> Bool {
        maps.contains(MapAddress(map)) || defaults?.contains(map) == true
    }
}

/// A live map's address as a set element, hashed by one multiply-mix
/// instead of SipHash.
struct MapAddress: Hashable {
    let bits: UInt

    init(_ map: GoMap) {
        bits = UInt(bitPattern: Unmanaged.passUnretained(map).toOpaque())
    }

    func hash(into hasher: inout Hasher) { hasher.combine(bits) }

    func _rawHashValue(seed: Int) -> Int {
        var z = UInt64(bits) ^ UInt64(bitPattern: Int64(seed)) &* 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int(bitPattern: UInt(truncatingIfNeeded: z ^ (z >> 31)))
    }
}

private extension Value {
    var isMapOrList: Bool {
        switch self {
        case .map, .list: return true
        default: return false
        }
    }
}
