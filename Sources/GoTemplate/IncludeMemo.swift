import Diagnostics
import GoStd
import Values

/// What `include` and `{{template}}` remember during one render: a named
/// template's output for the data it was given, reused while nothing that
/// output could depend on has changed. Charts' helpers (`labels`,
/// `fullname`) run dozens of times per template with the same data.
///
/// The rules that keep a reused output equal to a fresh run's:
/// - The data of a remembered call is *pinned*: every map reachable from it
///   through maps, lists and objects' held values. A template reads only
///   what its data reaches, so a remembered output depends on pinned maps.
/// - A change to a pinned map (`set`, `unset`, `merge…`, the engine's
///   `.Template`) makes every remembered output stale, and what is stored
///   into a pinned map is pinned with it. A map that is not pinned was made
///   by the running templates after every remembered call that could see it.
/// - A call is remembered only if it changed no pinned map and called only
///   deterministic functions, so skipping it later skips nothing another
///   template could observe; and it is reused only where running it could
///   not reach the include limit or Go's `{{template}}` depth limit.
/// - `include` and `{{template}}` calls are remembered apart: only an
///   include counts as an include level itself.
/// - The host's replacement of its context key (Helm's `.Template`, before
///   each file) makes stale only the outputs of calls that ran a template
///   reading that key (``ContextUse``), until a template that uses its
///   whole data has run; from then on it makes every output stale.
public final class IncludeMemo {
    private struct Entry {
        let output: GoString
        let epoch: UInt64
        /// How many include levels the call used, itself included.
        let depth: Int
        /// How many `{{template}}` levels the call used, itself included.
        let templateDepth: Int
        /// Whether the call ran a template reading the replaced context key.
        let readsReplacedKey: Bool
        /// The memo's count of context-key replacements when the call ran.
        let replacements: UInt64
    }

    // One render's memo is used by one thread, never by overlapping accesses.
    @exclusivity(unchecked) private var entries: [Key: Entry] = [:]
    /// Pinned maps, held so that no other map can take one's identity.
    @exclusivity(unchecked) private var pinned: [ObjectIdentifier: GoMap] = [:]
    /// Changes of pinned maps so far.
    @exclusivity(unchecked) private var epoch: UInt64 = 0
    /// Calls so far of functions whose results depend on more than their arguments.
    @exclusivity(unchecked) var nondeterministicCalls: UInt64 = 0
    /// Replacements of the context key so far, while no template has used
    /// its whole data (after that, replacements count as changes).
    @exclusivity(unchecked) private var replacements: UInt64 = 0
    /// Runs and reuses so far of templates reading the replaced context key.
    @exclusivity(unchecked) private var replacedKeyReads: UInt64 = 0
    /// Whether a template that uses its whole data has run with a context.
    @exclusivity(unchecked) private var wholeContextUsed = false
    /// The host's contexts (maps whose key it replaces).
    @exclusivity(unchecked) private var contexts: [GoMap] = []
    /// Include levels running now, and the deepest level reached since the
    /// innermost running call began.
    @exclusivity(unchecked) private var depth = 0
    @exclusivity(unchecked) private var deepest = 0
    /// The include limit of the host's `include`, once one has run (a
    /// remembered `{{template}}` call that included is reused under it).
    @exclusivity(unchecked) private var includeLimit = 0

    init() {}

    /// The output of the template `name` run with `data`: remembered, or
    /// `execute`'s (then remembered if the rules allow). With `remembering`
    /// false the call is run and only its depth counted. `limit` is the
    /// include depth at which a run would fail.
    public func output(of name: GoString, data: Value, remembering: Bool, limit: Int,
                       _ execute: () throws(LocatedError) -> GoString) throws(LocatedError) -> GoString {
        includeLimit = limit
        let key = remembering ? DataKey(data).map { Key(name: name, data: $0, isInclude: true) } : nil
        return try remembered(key, data: data, levels: 1, templateRoom: .max) { () throws(LocatedError) in
            (try execute(), 0)
        }.output
    }

    /// A `{{template}}` call's output and the template levels it used
    /// (itself included), remembered or `execute`'s. `templateRoom` is how
    /// many levels the caller can still open before Go's depth limit.
    func templateOutput(of name: GoString, data: Value, templateRoom: Int,
                        _ execute: () throws -> (output: GoString, templateDepth: Int)) throws -> (output: GoString, templateDepth: Int) {
        let key = DataKey(data).map { Key(name: name, data: $0, isInclude: false) }
        return try remembered(key, data: data, levels: 0, templateRoom: templateRoom, execute)
    }

    /// A call opening `levels` include levels: the entry for `key` when it
    /// is current and reusing it cannot skip a depth limit's error,
    /// otherwise `execute`'s result, remembered if the rules allow.
    private func remembered<E: Error>(_ key: Key?, data: Value, levels: Int, templateRoom: Int,
                                      _ execute: () throws(E) -> (output: GoString, templateDepth: Int))
        throws(E) -> (output: GoString, templateDepth: Int) {
        let callerDepth = depth
        if let key, let entry = entries[key], entry.epoch == epoch,
           !entry.readsReplacedKey || entry.replacements == replacements, entry.templateDepth <= templateRoom,
           entry.depth == 0 || callerDepth + entry.depth < includeLimit {
            deepest = max(deepest, callerDepth + entry.depth)
            if entry.readsReplacedKey { replacedKeyReads &+= 1 }
            return (entry.output, entry.templateDepth)
        }
        if key != nil { pin(data) }
        let startEpoch = epoch, startCalls = nondeterministicCalls, startReads = replacedKeyReads
        let outerDeepest = deepest
        depth = callerDepth + levels
        deepest = depth
        defer {
            depth = callerDepth
            deepest = max(outerDeepest, deepest)
        }
        let result = try execute()
        if let key, epoch == startEpoch, nondeterministicCalls == startCalls {
            entries[key] = Entry(output: result.output, epoch: epoch, depth: deepest - callerDepth,
                                 templateDepth: result.templateDepth,
                                 readsReplacedKey: replacedKeyReads != startReads, replacements: replacements)
        }
        return result
    }

    /// To be called before `map` changes in place, with the value stored
    /// into it if any: a pinned map's change makes remembered outputs stale.
    public func willChange(_ map: GoMap, storing value: Value?) {
        guard !pinned.isEmpty, pinned[ObjectIdentifier(map)] != nil else { return }
        epoch &+= 1
        if let value { pin(value) }
    }

    /// To be called before the host replaces its context key
    /// (``ContextKeys/replaced``) in the context `map` with `value`, and so
    /// before a template runs with `map` as its data.
    public func willReplaceContextKey(of map: GoMap, with value: Value) {
        if !contexts.contains(where: { $0 === map }) { contexts.append(map) }
        guard !pinned.isEmpty, pinned[ObjectIdentifier(map)] != nil else { return }
        if wholeContextUsed { epoch &+= 1 } else { replacements &+= 1 }
        pin(value)
    }

    /// To be called as `template` starts running with `data`, for every run.
    ///
    /// Only a run with a context as data counts. Data that is not a context
    /// reaches none: a context first reaches a template as its file's data
    /// (registered by ``willReplaceContextKey(of:with:)``), and from there
    /// only through a whole use or a key that is not plain, which counts.
    func starting(_ template: Template, data: Value) {
        guard case .map(let map, _) = data, contexts.contains(where: { $0 === map }) else { return }
        switch template.contextUse {
        case .plainKeys: return
        case .replacedKey: replacedKeyReads &+= 1
        case .whole:
            replacedKeyReads &+= 1
            wholeContextUsed = true
        }
    }

    /// Pins every map `value` reaches (a pinned map's own maps already are).
    private func pin(_ value: Value) {
        /// Whether a value can hold maps (only those are worth visiting).
        func reachesMaps(_ value: Value) -> Bool {
            switch value {
            case .map, .list, .object: return true
            case .null, .bool, .int, .float, .string: return false
            }
        }
        var pending = [value]
        while let next = pending.popLast() {
            switch next {
            case .map(let map, _):
                guard pinned.updateValue(map, forKey: ObjectIdentifier(map)) == nil else { continue }
                for value in map.entries.values where reachesMaps(value) { pending.append(value) }
            case .list(let items, _):
                for item in items where reachesMaps(item) { pending.append(item) }
            case .object(let object):
                object.forEachHeldValue { pending.append($0) }
            case .null, .bool, .int, .float, .string:
                continue
            }
        }
    }
}

extension IncludeMemo {
    struct Key: Hashable {
        let name: GoString
        let data: DataKey
        /// `include` and `{{template}}` count levels differently.
        let isInclude: Bool

        /// The table hash, folded from one word per part without `Hasher`
        /// (every `include` and `{{template}}` call looks its key up): equal
        /// keys give equal words.
        func _rawHashValue(seed: Int) -> Int {
            var h = Self.fold(UInt64(bitPattern: Int64(name._rawHashValue(seed: seed))), isInclude ? 1 : 2)
            switch data {
            case .value(let element):
                h = Self.fold(h, element.word)
            case .entries(let keys, let elements, let type):
                for key in keys { h = Self.fold(h, UInt64(bitPattern: Int64(key._rawHashValue(seed: 0)))) }
                for element in elements { h = Self.fold(h, element.word) }
                h = Self.fold(h, UInt64(type.rawValue) | 0x100)
            }
            return Int(bitPattern: UInt(truncatingIfNeeded: h))
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(_rawHashValue(seed: 0))
        }

        private static func fold(_ h: UInt64, _ word: UInt64) -> UInt64 {
            let (high, low) = (h ^ word).multipliedFullWidth(by: 0x9E37_79B9_7F4A_7C15)
            return high ^ low
        }
    }

    /// A map compared by identity.
    struct MapIdentity: Equatable {
        let map: GoMap
        let type: GoMapType

        static func == (a: MapIdentity, b: MapIdentity) -> Bool { a.map === b.map && a.type == b.type }
    }

    /// A value compared by content, or a map by identity (hashed only
    /// through ``Key``, by its ``word``).
    enum Element: Equatable {
        case scalar(ScalarKey)
        case map(MapIdentity)

        /// One word of the element for ``Key``'s hash: a map's address and
        /// type, a scalar's bits (an integer's kind left out).
        var word: UInt64 {
            switch self {
            case .map(let identity):
                return UInt64(UInt(bitPattern: ObjectIdentifier(identity.map))) &+ UInt64(identity.type.rawValue)
            case .scalar(.null): return 0x6E75_6C6C
            case .scalar(.bool(let b)): return b ? 0x7472_7565 : 0x6661_6C73
            case .scalar(.int(let n, _)): return UInt64(bitPattern: n)
            case .scalar(.float(let bits)): return bits ^ 0x666C_6F61_7400_0000
            case .scalar(.string(let s)): return UInt64(bitPattern: Int64(s._rawHashValue(seed: 0)))
            }
        }

        init?(_ value: Value) {
            if case .map(let m, let type) = value {
                self = .map(MapIdentity(map: m, type: type))
            } else if let scalar = ScalarKey(value) {
                self = .scalar(scalar)
            } else {
                return nil
            }
        }
    }

    /// The data of a call as a key, or nil for data no key covers (lists,
    /// objects). A small map of plain values (`dict "name" … "suffix" …`,
    /// made anew for every call) is keyed by its entries; any other map by
    /// identity.
    enum DataKey: Equatable {
        case value(Element)
        case entries([GoString], [Element], GoMapType)

        init?(_ data: Value) {
            if case .map(let map, let type) = data, map.count <= 8 {
                // The root context holds objects (`.Files`): keyed by identity, unsorted.
                guard map.entries.values.allSatisfy({ Element($0) != nil }) else {
                    self = .value(.map(MapIdentity(map: map, type: type)))
                    return
                }
                let keys = map.sortedKeys
                self = .entries(keys, keys.compactMap { map.entries[$0].flatMap(Element.init) }, type)
                return
            }
            guard let element = Element(data) else { return nil }
            self = .value(element)
        }
    }
}
