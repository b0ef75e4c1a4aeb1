import Diagnostics
import GoStd
import Testing
@testable import Helm
import TestSupport
import Values

/// Dependency processing coalesces values it only reads by borrowing them
/// and by holding chart defaults instead of copies
/// (`Coalescer.coalesceValuesBorrowing`): on random charts and values, the
/// result and the warnings equal those of Helm's deep-copying coalescing,
/// and the borrowed values and the chart defaults are left as they were.
@Suite struct BorrowingCoalesceTests {
    /// Random values: nested tables (shared keys so that tables meet),
    /// scalars where others have tables, nulls, lists holding tables.
    struct Values {
        var rng: SplitMix64
        let keys: [GoString] = ["a", "b", "global", "sub", "leaf"]

        mutating func value(depth: Int) -> Value {
            switch Int.random(in: 0..<10, using: &rng) {
            case 0: return .null
            case 1: return .int(Int.random(in: 0..<3, using: &rng))
            case 2: return .string(GoString("s\(Int.random(in: 0..<3, using: &rng))"))
            case 3: return .list([.map(map(depth: depth - 1)), .int(1)])
            default: return depth > 0 ? .map(map(depth: depth - 1)) : .bool(true)
            }
        }

        mutating func map(depth: Int) -> GoMap {
            let m = GoMap()
            for _ in 0..<Int.random(in: 0...4, using: &rng) {
                m[keys[Int.random(in: 0..<keys.count, using: &rng)]] = value(depth: depth)
            }
            return m
        }
    }

    static func chart(_ name: String, _ defaults: GoMap, _ dependencies: [Chart]) -> Chart {
        var metadata = ChartMetadata()
        metadata.name = name
        metadata.version = "0.1.0"
        return Chart(metadata: metadata, defaultValues: defaults, dependencies: dependencies)
    }

    /// The coalesced values and warnings, as text. The warnings are sorted:
    /// where globals share tables, Helm's own order of them follows map
    /// iteration order (random in Go, per table in Swift).
    static func run(_ body: (Coalescer) throws(LocatedError) -> GoMap, helm: HelmVersion) -> String {
        let log = ValuesLog(helm: helm)
        var text: String
        do {
            text = GoFmt.format(.map(try body(Coalescer(helm: helm, log: log))))
        } catch {
            text = "error: \(error.message)"
        }
        return text + "\n" + log.warnings.map { "\($0)" }.sorted().joined(separator: "\n")
    }

    @Test(arguments: [HelmVersion.v3, .v4])
    func borrowingGivesHelmsResult(helm: HelmVersion) {
        var random = Values(rng: SplitMix64(state: 17))
        var borrowedPasses = 0
        for _ in 0..<1000 {
            let leaf = Self.chart("leaf", random.map(depth: 3), [])
            let sub = Self.chart("sub", random.map(depth: 3), [leaf])
            let other = Self.chart("other", random.map(depth: 2), [])
            let top = Self.chart("top", random.map(depth: 3), [sub, other])
            let defaultsBefore = [top, sub, leaf, other].map { GoFmt.format(.map($0.defaultValues)) }
            let defaults = DefaultMaps(top)
            let work = WorkChart(top)
            // As dependency processing runs: the user values, the parent's
            // coalesced values (with Helm's shared global tables; from a
            // pass that copies and from one that shares defaults), then each
            // subchart's pass over them; once as they are, once padded past
            // the threshold for borrowing values.
            let small = random.map(depth: 3)
            let padded = GoMap(small.entries)
            for i in 0..<BorrowedMaps.minimumKeys { padded[GoString("pad\(i)")] = .map(GoMap(["k": .int(i)])) }
            for user in [small, padded] {
                let log = ValuesLog(helm: helm)
                guard let parent = try? Coalescer(helm: helm, log: log).coalesceValues(work, user),
                      let sharedParent = try? Coalescer(helm: helm, log: log).coalesceValuesBorrowing(work, user, sharing: defaults)
                else { continue }
                #expect(GoFmt.format(.map(sharedParent)) == GoFmt.format(.map(parent)))
                for vals in [user, parent, sharedParent] {
                    let before = GoFmt.format(.map(vals))
                    for chart in [work] + work.dependencies {
                        let copied = Self.run({ (c: Coalescer) throws(LocatedError) in try c.coalesceValues(chart, vals) }, helm: helm)
                        let borrowing = Self.run({ (c: Coalescer) throws(LocatedError) in
                            try c.coalesceValuesBorrowing(chart, vals)
                        }, helm: helm)
                        let sharing = Self.run({ (c: Coalescer) throws(LocatedError) in
                            try c.coalesceValuesBorrowing(chart, vals, sharing: defaults)
                        }, helm: helm)
                        #expect(borrowing == copied)
                        #expect(sharing == copied)
                        #expect(GoFmt.format(.map(vals)) == before)
                        borrowedPasses += 1
                    }
                }
            }
            #expect([top, sub, leaf, other].map { GoFmt.format(.map($0.defaultValues)) } == defaultsBefore)
        }
        #expect(borrowedPasses > 3000)
    }
}
