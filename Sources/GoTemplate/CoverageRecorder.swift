/// What the executor counts for template coverage while it runs: how often
/// each text, action and template call ran, which arm each branch point
/// took, and which templates each `define` was entered from. One recorder
/// serves one execution environment (one render); recorders merge by
/// adding counts, so a run's total does not depend on the order of its
/// renders. Points are keyed by the source they were parsed from, so text
/// parsed by `tpl` (a source of its own) never counts against a file.
public final class CoverageRecorder: @unchecked Sendable {
    /// What a point counts. An `if` and the first function of its
    /// condition share a position (Go's parser places the `if` at its
    /// pipeline), so the kind keeps them apart.
    public enum Kind: UInt8, Sendable {
        /// A text, action or `template` call ran (arm 0).
        case ran
        /// The arm an `if`, `with` or `range` took.
        case control
        /// The arm a branching function (`and`, `or`, `default`…) took.
        case call
    }

    /// A counted point: a node of a source, and which of its arms (0 for
    /// "ran"; 1… for the arms of a branch point).
    public struct Point: Hashable, Sendable {
        public var source: ObjectIdentifier
        public var pos: Int
        public var kind: Kind
        public var arm: Int

        public init(source: ObjectIdentifier, pos: Int, kind: Kind, arm: Int) {
            self.source = source
            self.pos = pos
            self.kind = kind
            self.arm = arm
        }
    }

    /// An entry into a `define`d template from a template of another (or
    /// the same) source.
    public struct DefineCall: Hashable, Sendable {
        /// The source of the `define` and the position of its body.
        public var define: Point
        /// The name of the template whose execution made the call (the file
        /// for top-level text, else the calling `define`'s name).
        public var caller: String
    }

    /// Counts per point.
    public private(set) var hits: [Point: Int] = [:]
    /// Counts per define entry and caller.
    public private(set) var defineCalls: [DefineCall: Int] = [:]

    public init() {}

    @inline(__always)
    func hit(_ source: TemplateSource, _ pos: Int, _ kind: Kind = .ran, arm: Int = 0) {
        hits[Point(source: ObjectIdentifier(source), pos: pos, kind: kind, arm: arm), default: 0] += 1
    }

    func enter(_ template: Template, from caller: Template) {
        guard template.name != template.source.name else { return }
        let point = Point(source: ObjectIdentifier(template.source), pos: template.root.pos, kind: .ran, arm: 0)
        defineCalls[DefineCall(define: point, caller: caller.name), default: 0] += 1
    }

    /// Adds `other`'s counts to these.
    public func merge(_ other: CoverageRecorder) {
        for (point, n) in other.hits { hits[point, default: 0] += n }
        for (call, n) in other.defineCalls { defineCalls[call, default: 0] += n }
    }
}
