import XCTest
@testable import BCPEngine

final class EventQueueTests: XCTestCase {
    func drain(_ q: inout EventQueue<String>) -> [String] {
        var out: [String] = []
        while let e = q.pop() { out.append(e.payload) }
        return out
    }

    func testOrdersByMinute() {
        var q = EventQueue<String>()
        q.push(minute: 30, "c")
        q.push(minute: 10, "a")
        q.push(minute: 20, "b")
        XCTAssertEqual(q.count, 3)
        XCTAssertEqual(q.peek()?.payload, "a")
        XCTAssertEqual(drain(&q), ["a", "b", "c"])
        XCTAssertTrue(q.isEmpty)
        XCTAssertNil(q.pop())
        XCTAssertNil(q.peek())
    }

    func testTiesByPriorityThenSequence() {
        var q = EventQueue<String>()
        q.push(minute: 5, priority: 2, "p2-first")
        q.push(minute: 5, priority: 1, "p1-first")
        q.push(minute: 5, priority: 2, "p2-second")
        q.push(minute: 5, priority: 1, "p1-second")
        q.push(minute: 4, priority: 9, "earlier-minute")
        XCTAssertEqual(drain(&q), ["earlier-minute", "p1-first", "p1-second", "p2-first", "p2-second"])
    }

    func testSequenceNumbersIncreaseAcrossPops() {
        var q = EventQueue<Int>()
        q.reserveCapacity(8)
        XCTAssertEqual(q.push(minute: 1, 1), 0)
        XCTAssertEqual(q.push(minute: 1, 2), 1)
        _ = q.pop()
        XCTAssertEqual(q.push(minute: 1, 3), 2)
        XCTAssertEqual(q.pop()?.payload, 2)
        XCTAssertEqual(q.pop()?.payload, 3)
    }

    /// Random pushes and pops against a sorted reference list, checking the heap property throughout.
    func testHeapPropertyAgainstSortedReference() {
        var rng = Xoshiro256StarStar(seed: 99)
        var q = EventQueue<Int>()
        var reference: [(minute: Int, priority: Int, seq: UInt64, id: Int)] = []
        var nextId = 0
        for _ in 0..<5000 {
            if rng.next(below: 3) < 2 || reference.isEmpty {
                let m = rng.int(in: 0...50), p = rng.int(in: 0...3)
                let seq = q.push(minute: m, priority: p, nextId)
                reference.append((m, p, seq, nextId))
                nextId += 1
            } else {
                reference.sort { ($0.minute, $0.priority, $0.seq) < ($1.minute, $1.priority, $1.seq) }
                let expected = reference.removeFirst()
                let got = q.pop()
                XCTAssertEqual(got?.payload, expected.id)
                XCTAssertEqual(got?.minute, expected.minute)
            }
            XCTAssertEqual(q.count, reference.count)
            XCTAssertTrue(q.satisfiesHeapProperty)
        }
        reference.sort { ($0.minute, $0.priority, $0.seq) < ($1.minute, $1.priority, $1.seq) }
        var drained: [Int] = []
        while let e = q.pop() { drained.append(e.payload) }
        XCTAssertEqual(drained, reference.map(\.id))
    }
}
