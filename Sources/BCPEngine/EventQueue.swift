/// A discrete-event queue: a min-heap of value-type events, in the manner of SimPy's (time,
/// priority, id) heap but without a closure per event.
///
/// Events are ordered by `(minute, priority, sequence)`: earlier minutes first; at the same minute
/// lower priority numbers first; at equal minute and priority, the order of `push` (the queue numbers
/// every push with an increasing `sequence`). The order is therefore total and deterministic.
public struct EventQueue<Payload> {
    /// When an event happens: its minute, its priority within the minute, its push order.
    public struct Time: Comparable, Sendable {
        public let minute: Int
        public let priority: Int
        public let sequence: UInt64

        @inlinable
        public init(minute: Int, priority: Int, sequence: UInt64) {
            self.minute = minute
            self.priority = priority
            self.sequence = sequence
        }

        @inlinable
        public static func < (a: Time, b: Time) -> Bool {
            if a.minute != b.minute { return a.minute < b.minute }
            if a.priority != b.priority { return a.priority < b.priority }
            return a.sequence < b.sequence
        }
    }

    public struct Event {
        public let time: Time
        public let payload: Payload

        @inlinable
        public init(time: Time, payload: Payload) {
            self.time = time
            self.payload = payload
        }

        @inlinable public var minute: Int { time.minute }
        @inlinable public var priority: Int { time.priority }
        @inlinable public var sequence: UInt64 { time.sequence }
    }

    @usableFromInline var heap = MinHeap<Time, Payload>()
    @usableFromInline var sequenceCounter: UInt64 = 0

    @inlinable public init() {}

    /// The sequence number the next pushed event will get (the number of events pushed so far).
    @inlinable public var nextSequence: UInt64 { sequenceCounter }
    @inlinable public var count: Int { heap.count }
    @inlinable public var isEmpty: Bool { heap.isEmpty }

    @inlinable public mutating func reserveCapacity(_ n: Int) { heap.reserveCapacity(n) }

    /// Removes every event; sequence numbering continues (so order stays total across a clear).
    @inlinable public mutating func removeAll(keepingCapacity: Bool = true) { heap.removeAll(keepingCapacity: keepingCapacity) }

    /// The first event, without removing it.
    @inlinable public func peek() -> Event? { heap.peek().map { Event(time: $0.key, payload: $0.value) } }

    /// Adds an event and returns its sequence number.
    @discardableResult @inlinable
    public mutating func push(minute: Int, priority: Int = 0, _ payload: Payload) -> UInt64 {
        let seq = sequenceCounter
        sequenceCounter &+= 1
        heap.push(Time(minute: minute, priority: priority, sequence: seq), payload)
        return seq
    }

    /// Removes and returns the first event.
    @inlinable public mutating func pop() -> Event? { heap.pop().map { Event(time: $0.key, payload: $0.value) } }

    /// Whether every parent precedes its children; for tests.
    public var satisfiesHeapProperty: Bool { heap.satisfiesHeapProperty }
}

extension EventQueue: Sendable where Payload: Sendable {}
extension EventQueue.Event: Sendable where Payload: Sendable {}
extension EventQueue.Event: Equatable where Payload: Equatable {}
