import GoStd
import Helm
import Synchronization
import Values

/// Renders of one loaded chart by their inputs, shared by every job of the
/// run: suites often render the same values, release and capabilities in
/// several jobs (a test per assertion group), and a render that read
/// neither the clock nor randomness gives the same files again.
///
/// What is remembered: successful renders and failures before the engine
/// ran (values, dependencies, schema), with the values warnings they
/// logged. Never: engine failures, renders that called `now`, `rand…`,
/// `genCA`…, renders that count coverage, and requests whose inputs cannot
/// be compared exactly (`kubernetesProvider` objects, values nested deeper
/// than ``RenderKey/maximumDepth``).
final class RenderMemo: Sendable {
    struct Entry: Sendable {
        var result: Result<[String: GoString], RenderFailure>
        var warnings: [ValuesWarning]
    }

    private struct State {
        var entries: [RenderKey: Entry] = [:]
        var bytes = 0
    }

    private let state = Mutex(State())
    /// The most rendered bytes the memo holds; past it, renders are no longer remembered.
    let capacity: Int

    init(capacity: Int = 64 << 20) {
        self.capacity = capacity
    }

    /// The remembered render of `key`, if any.
    func entry(_ key: RenderKey) -> Entry? {
        state.withLock { $0.entries[key] }
    }

    /// Remembers `entry` for `key` while the memo has room.
    func remember(_ key: RenderKey, _ entry: Entry) {
        let size: Int
        switch entry.result {
        case .success(let files): size = files.reduce(0) { $0 + $1.key.utf8.count + $1.value.count }
        case .failure: size = 0
        }
        state.withLock { state in
            guard state.bytes + size <= capacity, state.entries[key] == nil else { return }
            state.entries[key] = entry
            state.bytes += size
        }
    }
}

/// Every input of a render, compared exactly: values by Go type and bytes
/// (`1`, `1.0` and `"1"` differ, as do an `int` and an `int64`).
struct RenderKey: Hashable, Sendable {
    /// Deeper values are not keyed (the key's hashing recurses).
    static let maximumDepth = 64

    let values: PlainValue
    let release: ReleaseOptions
    let kubeMajor: String
    let kubeMinor: String
    let apiVersions: [String]
    let chartVersion: String
    let appVersion: String
    let templates: [String]
    let skipSchemaValidation: Bool

    /// The key of `request`; nil when its render must not be remembered.
    init?(_ request: RenderRequest) {
        guard request.coverage == nil, request.kubernetesProvider.objects.isEmpty, request.kubernetesProvider.scheme.isEmpty,
              let values = PlainValue(.map(request.values), depth: Self.maximumDepth)
        else { return nil }
        self.values = values
        release = request.release
        kubeMajor = request.kubeMajor
        kubeMinor = request.kubeMinor
        apiVersions = request.apiVersions
        chartVersion = request.chartVersion
        appVersion = request.appVersion
        templates = request.templates.selection
        skipSchemaValidation = request.skipSchemaValidation
    }
}

/// A copy of a plain ``Value`` (no objects) that compares as Go tells
/// values apart (``ScalarKey``).
indirect enum PlainValue: Hashable, Sendable {
    case scalar(ScalarKey)
    case list([PlainValue], GoSliceType)
    case map([GoString: PlainValue], GoMapType)

    /// The copy of `value`; nil if it holds an object or nests deeper than `depth`.
    init?(_ value: Value, depth: Int) {
        switch value {
        case .list(let items, let type):
            guard depth > 0 else { return nil }
            var copies: [PlainValue] = []
            copies.reserveCapacity(items.count)
            for item in items {
                guard let copy = PlainValue(item, depth: depth - 1) else { return nil }
                copies.append(copy)
            }
            self = .list(copies, type)
        case .map(let map, let type):
            guard depth > 0 else { return nil }
            var copies: [GoString: PlainValue] = [:]
            copies.reserveCapacity(map.count)
            for (key, item) in map.entries {
                guard let copy = PlainValue(item, depth: depth - 1) else { return nil }
                copies[key] = copy
            }
            self = .map(copies, type)
        default:
            guard let scalar = ScalarKey(value) else { return nil }
            self = .scalar(scalar)
        }
    }
}
