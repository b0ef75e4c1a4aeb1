import Synchronization
import Testing
@testable import GoStd

@Suite struct MemoTests {
    struct Odd: Error, Equatable { let n: Int }

    @Test func remembersResultsAndFailures() throws {
        let memo = Memo<Int, Int, Odd>()
        let calls = Mutex(0)
        func square(_ n: Int) throws(Odd) -> Int {
            try memo.value(for: n) { (n) throws(Odd) in
                calls.withLock { $0 += 1 }
                if n % 2 == 1 { throw Odd(n: n) }
                return n * n
            }
        }
        #expect(try square(4) == 16)
        #expect(try square(4) == 16)
        #expect(throws: Odd(n: 3)) { try square(3) }
        #expect(throws: Odd(n: 3)) { try square(3) }
        #expect(calls.withLock { $0 } == 2)
    }

    @Test func startsOverWhenFull() {
        let memo = Memo<Int, Int, Never>(capacity: 2)
        let calls = Mutex(0)
        func twice(_ n: Int) -> Int {
            memo.value(for: n) { n in
                calls.withLock { $0 += 1 }
                return 2 * n
            }
        }
        for n in [1, 2, 1, 2] { _ = twice(n) }
        #expect(calls.withLock { $0 } == 2)
        _ = twice(3)  // full: forgets 1 and 2
        _ = twice(1)
        #expect(calls.withLock { $0 } == 4)
    }
}
