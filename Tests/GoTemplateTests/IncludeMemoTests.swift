import Diagnostics
import GoStd
import Testing
@testable import GoTemplate
import Values

/// `IncludeMemo` on its own: when an output is reused and when the
/// template must run again.
@Suite struct IncludeMemoTests {
    /// Counts the runs of one remembered call.
    final class Runs {
        var count = 0
    }

    /// Calls `name` with `data` through `memo`; the run counts and outputs `text`.
    @discardableResult
    static func call(_ memo: IncludeMemo, _ data: Value, name: String = "t", runs: Runs, text: String = "out",
                     remembering: Bool = true, limit: Int = 1000,
                     body: () throws(LocatedError) -> Void = {}) throws -> GoString {
        try memo.output(of: GoString(name), data: data, remembering: remembering, limit: limit) { () throws(LocatedError) -> GoString in
            runs.count += 1
            try body()
            return GoString(text)
        }
    }

    enum Change: String, CaseIterable {
        case nothing, pinnedMap, unrelatedMap, nestedMapOfDict, nondeterministicCall, notRemembering, otherName
    }

    @Test(arguments: Change.allCases)
    func secondCallRunsAgainOnlyAfterAChange(_ change: Change) throws {
        let memo = IncludeMemo()
        let runs = Runs()
        let root = GoMap(["a": .int(1)])
        let inner = GoMap(["x": .int(1)])
        // A small map of plain values is keyed by content: a new one per call.
        func data() -> Value {
            change == .nestedMapOfDict ? .map(GoMap(["m": .map(inner), "s": .string("y")])) : .map(root)
        }
        try Self.call(memo, data(), runs: runs, remembering: change != .notRemembering)
        var name = "t"
        switch change {
        case .nothing, .notRemembering: break
        case .pinnedMap: memo.willChange(root, storing: .int(2))
        case .unrelatedMap: memo.willChange(GoMap(), storing: .map(GoMap()))
        case .nestedMapOfDict: memo.willChange(inner, storing: nil)
        case .nondeterministicCall: break
        case .otherName: name = "u"
        }
        if change == .nondeterministicCall {
            // A call that used a nondeterministic function is not remembered.
            let memo2 = IncludeMemo()
            let runs2 = Runs()
            for _ in 0..<2 { try Self.call(memo2, data(), runs: runs2) { memo2.nondeterministicCalls &+= 1 } }
            #expect(runs2.count == 2)
            return
        }
        try Self.call(memo, data(), name: name, runs: runs, remembering: change != .notRemembering)
        let expected = [Change.nothing: 1, .unrelatedMap: 1][change] ?? 2
        #expect(runs.count == expected)
    }

    @Test func dictsWithTheSameEntriesShareAnOutput() throws {
        let memo = IncludeMemo()
        let runs = Runs()
        for suffix in ["a", "a", "b", "a"] {
            try Self.call(memo, .map(GoMap(["name": .string("n"), "suffix": .string(suffix)])), runs: runs)
        }
        #expect(runs.count == 2)
        // Scalars are keyed by value and Go type.
        try Self.call(memo, .int(1), runs: runs)
        try Self.call(memo, .int(1), runs: runs)
        try Self.call(memo, .int(1, .int64), runs: runs)
        #expect(runs.count == 4)
    }

    @Test func aCallThatChangedItsDataIsNotRemembered() throws {
        let memo = IncludeMemo()
        let runs = Runs()
        let root = GoMap()
        for _ in 0..<2 {
            try Self.call(memo, .map(root), runs: runs) { memo.willChange(root, storing: .int(1)) }
        }
        #expect(runs.count == 2)
    }

    @Test func aMapStoredIntoPinnedDataIsPinned() throws {
        let memo = IncludeMemo()
        let runs = Runs()
        let root = GoMap()
        try Self.call(memo, .map(root), runs: runs)
        let added = GoMap(["k": .string("v")])
        memo.willChange(root, storing: .map(added))
        root["added"] = .map(added)
        try Self.call(memo, .map(root), runs: runs)
        memo.willChange(added, storing: .string("w"))
        try Self.call(memo, .map(root), runs: runs)
        #expect(runs.count == 3)
    }

    @Test func listsAndObjectsInTheDataArePinnedThrough() throws {
        let memo = IncludeMemo()
        let runs = Runs()
        let inList = GoMap(), inObject = GoMap()
        let root = GoMap(["l": .list([.map(inList)]), "o": .object(GoMapSlice([inObject]))])
        try Self.call(memo, .map(root), runs: runs)
        memo.willChange(inList, storing: nil)
        try Self.call(memo, .map(root), runs: runs)
        memo.willChange(inObject, storing: nil)
        try Self.call(memo, .map(root), runs: runs)
        #expect(runs.count == 3)
    }

    /// An output is reused only where running it could not reach the limit:
    /// the call below used three levels (itself and two nested calls).
    @Test(arguments: [(0, 1), (1, 1), (2, 2)])
    func reuseStaysUnderTheIncludeLimit(callerDepth: Int, expectedRuns: Int) throws {
        let memo = IncludeMemo()
        let runs = Runs(), other = Runs()
        let limit = 5
        func threeLevels() throws {
            try Self.call(memo, .int(3), runs: runs, limit: limit) {
                try? Self.call(memo, .null, name: "n1", runs: other, remembering: false, limit: limit) {
                    try? Self.call(memo, .null, name: "n2", runs: other, remembering: false, limit: limit)
                }
            }
        }
        try threeLevels()
        func nest(_ levels: Int) throws {
            if levels == 0 { return try threeLevels() }
            try Self.call(memo, .null, name: "outer", runs: other, remembering: false, limit: limit) { try? nest(levels - 1) }
        }
        try nest(callerDepth)
        #expect(runs.count == expectedRuns)
    }

    @Test func aFailedRunIsNotRemembered() throws {
        let memo = IncludeMemo()
        let runs = Runs()
        for _ in 0..<2 {
            #expect(throws: LocatedError.self) {
                try Self.call(memo, .null, runs: runs) { () throws(LocatedError) in throw LocatedError(.templateExec, "boom") }
            }
        }
        #expect(runs.count == 2)
    }
}

/// Replacing the host's context key: outputs of templates that did not read
/// it stay, until a template using its whole data has run with a context.
@Suite struct IncludeMemoReplacementTests {
    /// A template of the given body, parsed with Helm-like context keys.
    static func template(_ body: String) throws -> Template {
        var set = TemplateSet(name: "t", functions: ContextUseTests.functions, contextKeys: ContextUseTests.keys)
        try set.parse(body, name: "t")
        return try #require(set.lookup("t"))
    }

    enum Body: String, CaseIterable {
        case plainKeys = "{{ .Values.a }}"
        case readsKey = "{{ .Template.Name }}"
        case plainCallingReader = "{{ .Values.a }}+"
        case plainAfterWholeUse = "{{ .Values.a }}*"
        case plainAfterWholeUseOfOtherData = "{{ .Values.a }}-"
    }

    @Test(arguments: Body.allCases)
    func aReplacementMakesStaleOnlyWhatReadTheKey(_ body: Body) throws {
        let memo = IncludeMemo()
        let runs = IncludeMemoTests.Runs(), inner = IncludeMemoTests.Runs()
        let context = GoMap(["Values": .map(GoMap()), "Template": .map(GoMap())])
        memo.willReplaceContextKey(of: context, with: .map(GoMap()))
        let outer = try Self.template(body == .readsKey ? body.rawValue : Body.plainKeys.rawValue)
        let reader = try Self.template(Body.readsKey.rawValue)
        let whole = try Self.template("{{ . }}")
        if body == .plainAfterWholeUse { memo.starting(whole, data: .map(context)) }
        // A template's use of data that is not a context does not count.
        if body == .plainAfterWholeUseOfOtherData { memo.starting(whole, data: .map(GoMap())) }
        func call() throws {
            try IncludeMemoTests.call(memo, .map(context), runs: runs) {
                memo.starting(outer, data: .map(context))
                if body == .plainCallingReader {
                    _ = try? IncludeMemoTests.call(memo, .map(context), name: "reader", runs: inner) {
                        memo.starting(reader, data: .map(context))
                    }
                }
            }
        }
        try call()
        try call()
        memo.willReplaceContextKey(of: context, with: .map(GoMap()))
        try call()
        let staysValid: Set<Body> = [.plainKeys, .plainAfterWholeUseOfOtherData]
        #expect(runs.count == (staysValid.contains(body) ? 1 : 2))
    }
}
