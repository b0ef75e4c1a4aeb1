import GoStd

/// Compiling a parsed Go regexp to a program and running it with a
/// backtracker that remembers visited (instruction, position) states, as
/// Go's regexp/backtrack.go does: leftmost-first matches in linear time.

enum RegexInst: Sendable {
    case literal(UInt32, fold: Bool)
    case charClass(RegexClass)
    case anyChar
    case anyCharNotNL
    case assertion(RegexAssertion)
    /// Try the first target, then the second.
    case split(Int, Int)
    case jump(Int)
    case save(Int)
    case match
}

struct RegexCompiler {
    private(set) var program: [RegexInst] = []

    /// The program for `node`, wrapped in capture group 0.
    static func compile(_ node: RegexNode) -> [RegexInst] {
        var c = RegexCompiler()
        c.program.append(.save(0))
        c.emit(node)
        c.program.append(.save(1))
        c.program.append(.match)
        return c.program
    }

    private mutating func append(_ inst: RegexInst) -> Int {
        program.append(inst)
        return program.count - 1
    }

    private mutating func emit(_ node: RegexNode) {
        switch node {
        case .empty: break
        case .literal(let r, let fold): _ = append(.literal(r, fold: fold))
        case .charClass(let c): _ = append(.charClass(c))
        case .anyChar: _ = append(.anyChar)
        case .anyCharNotNL: _ = append(.anyCharNotNL)
        case .assertion(let a): _ = append(.assertion(a))
        case .capture(let n, _, let sub):
            _ = append(.save(2 * n))
            emit(sub)
            _ = append(.save(2 * n + 1))
        case .concat(let subs):
            for s in subs { emit(s) }
        case .alternate(let subs):
            var jumps: [Int] = []
            for (i, s) in subs.enumerated() {
                if i == subs.count - 1 {
                    emit(s)
                } else {
                    let split = append(.split(0, 0))
                    emit(s)
                    jumps.append(append(.jump(0)))
                    program[split] = .split(split + 1, program.count)
                }
            }
            for j in jumps { program[j] = .jump(program.count) }
        case .quest(let sub, let greedy):
            let split = append(.split(0, 0))
            emit(sub)
            program[split] = greedy ? .split(split + 1, program.count) : .split(program.count, split + 1)
        case .plus(let sub, let greedy):
            let start = program.count
            emit(sub)
            let split = append(.split(0, 0))
            program[split] = greedy ? .split(start, split + 1) : .split(split + 1, start)
        case .star(let sub, let greedy):
            if Self.nullable(sub) {
                // (x+)? keeps the priority order right (golang.org/issue/46123).
                emit(.quest(.plus(sub, greedy: greedy), greedy: greedy))
                return
            }
            let split = append(.split(0, 0))
            emit(sub)
            _ = append(.jump(split))
            program[split] = greedy ? .split(split + 1, program.count) : .split(program.count, split + 1)
        case .repeat(let sub, let min, let max, let greedy):
            emit(Self.expand(sub, min: min, max: max, greedy: greedy))
        }
    }

    /// Go's `simplify` of `x{n,m}`.
    private static func expand(_ x: RegexNode, min: Int, max: Int, greedy: Bool) -> RegexNode {
        if max == -1 {
            if min == 0 { return .star(x, greedy: greedy) }
            if min == 1 { return .plus(x, greedy: greedy) }
            return .concat(Array(repeating: x, count: min - 1) + [.plus(x, greedy: greedy)])
        }
        if min == 0 && max == 0 { return .empty }
        if min == 1 && max == 1 { return x }
        var parts = Array(repeating: x, count: min)
        if max > min {
            var suffix: RegexNode = .quest(x, greedy: greedy)
            for _ in (min + 1)..<max { suffix = .quest(.concat([x, suffix]), greedy: greedy) }
            parts.append(suffix)
        }
        return parts.count == 1 ? parts[0] : .concat(parts)
    }

    /// The longest run of consecutive case-sensitive literals that every
    /// match of `node` contains, as UTF-8; empty when there is none.
    static func requiredLiteral(_ node: RegexNode) -> [UInt8] {
        var best: [UInt8] = []
        var run: [UInt8] = []
        func endRun() {
            if run.count > best.count { best = run }
            run = []
        }
        func walk(_ node: RegexNode) {
            switch node {
            case .literal(let r, let fold) where !fold:
                if let scalar = Unicode.Scalar(r) { run += Array(String(Character(scalar)).utf8) } else { endRun() }
            case .empty, .assertion:
                break
            case .capture(_, _, let sub):
                walk(sub)
            case .concat(let subs):
                for sub in subs { walk(sub) }
            case .plus(let sub, _):
                endRun(); walk(sub); endRun()
            case .repeat(let sub, let min, _, _) where min >= 1:
                endRun(); walk(sub); endRun()
            default:
                endRun()
            }
        }
        walk(node)
        endRun()
        return best
    }

    static func nullable(_ node: RegexNode) -> Bool {
        switch node {
        case .empty, .assertion, .star, .quest: return true
        case .literal, .charClass, .anyChar, .anyCharNotNL: return false
        case .capture(_, _, let s), .plus(let s, _): return nullable(s)
        case .repeat(let s, let min, _, _): return min == 0 || nullable(s)
        case .concat(let subs): return subs.allSatisfy(nullable)
        case .alternate(let subs): return subs.contains(where: nullable)
        }
    }
}

/// One search run over an input: the program, the input bytes and the
/// visited-state marks shared by every search of one operation.
/// What every match of a program starts with, read off its first
/// instructions (before any branch): whether it is anchored at the start
/// of the text (`\A`, `^` without `m`), and the literal bytes it begins with
/// (case-sensitive runes other than U+FFFD, which also matches invalid
/// bytes). A search tries only origins where that literal occurs, as Go's
/// `regexp` skips ahead to its literal prefix.
struct RegexEntry: Sendable {
    var anchoredAtStart = false
    var prefix: [UInt8] = []

    init(_ program: [RegexInst]) {
        var pc = 0
        while pc < program.count, case .save = program[pc] { pc += 1 }
        if pc < program.count, case .assertion(.beginText) = program[pc] {
            anchoredAtStart = true
            return
        }
        while pc < program.count {
            switch program[pc] {
            case .literal(let rune, fold: false) where rune != 0xFFFD:
                guard let scalar = Unicode.Scalar(rune) else { return }
                prefix += Array(String(Character(scalar)).utf8)
            case .save:
                break
            default:
                return
            }
            pc += 1
        }
    }
}

final class RegexMachine {
    private let program: [RegexInst]
    let input: [UInt8]
    private let captureSlots: Int
    /// One bit per (instruction, position) the current search has tried.
    @exclusivity(unchecked) private var visited: [UInt64] = []
    @exclusivity(unchecked) private var searched = false
    /// Set when the input lacks the pattern's required literal: no search matches.
    private let impossible: Bool
    private let entry: RegexEntry

    private enum Job {
        case run(pc: Int, pos: Int)
        case restore(slot: Int, value: Int)
    }

    init(program: [RegexInst], captures: Int, input: [UInt8], entry: RegexEntry, impossible: Bool = false) {
        self.program = program
        self.input = input
        self.entry = entry
        self.captureSlots = 2 * (captures + 1)
        self.impossible = impossible
    }

    /// Decodes the code point at byte offset `i`: (value, width); width 0 at the end.
    func rune(at i: Int) -> (UInt32, Int) {
        guard i < input.count else { return (0, 0) }
        let b0 = input[i]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        return GoUTF8.decodeRune(input[i...])
    }

    /// Go's `utf8.DecodeLastRune` of `input[..<i]`: U+FFFD when the bytes
    /// before `i` do not end with a whole rune.
    private func runeBefore(_ i: Int) -> Int64 {
        guard i > 0 else { return -1 }
        var j = i - 1
        while j > 0 && input[j] & 0xC0 == 0x80 && i - j < 4 { j -= 1 }
        let (r, width) = rune(at: j)
        return j + width == i ? Int64(r) : Int64(GoUTF8.runeError)
    }

    private static func isWordChar(_ r: Int64) -> Bool {
        (r >= 0x30 && r <= 0x39) || (r >= 0x41 && r <= 0x5A) || (r >= 0x61 && r <= 0x7A) || r == 0x5F
    }

    private func check(_ a: RegexAssertion, _ pos: Int) -> Bool {
        let before = runeBefore(pos)
        let after: Int64 = pos < input.count ? Int64(rune(at: pos).0) : -1
        switch a {
        case .beginText: return pos == 0
        case .endText: return pos == input.count
        case .beginLine: return before < 0 || before == 10
        case .endLine: return after < 0 || after == 10
        case .wordBoundary: return Self.isWordChar(before) != Self.isWordChar(after)
        case .noWordBoundary: return Self.isWordChar(before) == Self.isWordChar(after)
        }
    }

    /// The leftmost-first match starting at or after `start`: capture
    /// offsets (pairs, -1 when a group did not take part), or nil.
    func search(from start: Int) -> [Int]? {
        if impossible { return nil }
        if !searched {
            visited = Array(repeating: 0, count: (program.count * (input.count + 1) + 63) / 64)
            searched = true
        } else {
            visited.withUnsafeMutableBufferPointer { bits in bits.update(repeating: 0) }
        }
        let width = input.count + 1
        var stack: [Job] = []
        var caps = Array(repeating: -1, count: captureSlots)
        var origin = start
        while origin <= input.count {
            if entry.anchoredAtStart && origin != 0 { return nil }
            if !entry.prefix.isEmpty {
                guard let next = GoRegexp.firstIndex(of: entry.prefix, in: input, from: origin) else { return nil }
                origin = next
            }
            stack.append(.run(pc: 0, pos: origin))
            while let job = stack.popLast() {
                switch job {
                case .restore(let slot, let value):
                    caps[slot] = value
                case .run(var pc, var pos):
                    step: while true {
                        let key = pc * width + pos
                        let bit: UInt64 = 1 << UInt64(key & 63)
                        if visited[key >> 6] & bit != 0 { break step }
                        visited[key >> 6] |= bit
                        switch program[pc] {
                        case .literal(let r, let fold):
                            let (c, w) = rune(at: pos)
                            guard w > 0, c == r || (fold && CaseFolding.orbit(r).contains(c)) else { break step }
                            pos += w; pc += 1
                        case .charClass(let cls):
                            let (c, w) = rune(at: pos)
                            guard w > 0, cls.contains(c) else { break step }
                            pos += w; pc += 1
                        case .anyChar:
                            let (_, w) = rune(at: pos)
                            guard w > 0 else { break step }
                            pos += w; pc += 1
                        case .anyCharNotNL:
                            let (c, w) = rune(at: pos)
                            guard w > 0, c != 10 else { break step }
                            pos += w; pc += 1
                        case .assertion(let a):
                            guard check(a, pos) else { break step }
                            pc += 1
                        case .split(let x, let y):
                            stack.append(.run(pc: y, pos: pos))
                            pc = x
                        case .jump(let x):
                            pc = x
                        case .save(let slot):
                            if slot < captureSlots {
                                stack.append(.restore(slot: slot, value: caps[slot]))
                                caps[slot] = pos
                            }
                            pc += 1
                        case .match:
                            return caps
                        }
                    }
                }
            }
            origin += max(1, rune(at: origin).1)
        }
        return nil
    }
}
