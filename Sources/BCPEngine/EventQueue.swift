/// A discrete-event queue: a binary min-heap of value-type events.
///
/// Events are ordered by `(minute, priority, sequence)`: earlier minutes first; at the same minute
/// lower priority numbers first; at equal minute and priority, the order of `push` (the queue numbers
/// every push with an increasing `sequence`). The order is therefore total and deterministic.
///
/// No closure or class is allocated per event: the payload is stored inline in one array.
public struct EventQueue<Payload> {
    public struct Event {
        public let minute: Int
        public let priority: Int
        public let sequence: UInt64
        public let payload: Payload

        @inlinable
        public init(minute: Int, priority: Int, sequence: UInt64, payload: Payload) {
            self.minute = minute
            self.priority = priority
            self.sequence = sequence
            self.payload = payload
        }

        /// Strict order of the heap.
        @inlinable
        public func precedes(_ other: Event) -> Bool {
            if minute != other.minute { return minute < other.minute }
            if priority != other.priority { return priority < other.priority }
            return sequence < other.sequence
        }
    }

    @usableFromInline var heap: [Event] = []
    /// The sequence number the next pushed event will get.
    @inlinable public var nextSequence: UInt64 { sequenceCounter }
    @usableFromInline var sequenceCounter: UInt64 = 0

    // Every operation is @inlinable so that client modules get a specialised heap for their own
    // payload. Without it the generic code runs through value witness tables and takes a global
    // metadata lock on each sift (perf: 25% of a Tokyo run in _swift_getGenericMetadata and memmove).
    @inlinable public init() {}

    @inlinable public var count: Int { heap.count }
    @inlinable public var isEmpty: Bool { heap.isEmpty }

    @inlinable public mutating func reserveCapacity(_ n: Int) { heap.reserveCapacity(n) }

    /// Removes every event; sequence numbering continues (so order stays total across a clear).
    @inlinable public mutating func removeAll(keepingCapacity: Bool = true) { heap.removeAll(keepingCapacity: keepingCapacity) }

    /// The first event, without removing it.
    @inlinable public func peek() -> Event? { heap.first }

    /// Adds an event and returns its sequence number.
    @discardableResult @inlinable
    public mutating func push(minute: Int, priority: Int = 0, _ payload: Payload) -> UInt64 {
        let seq = sequenceCounter
        sequenceCounter &+= 1
        heap.append(Event(minute: minute, priority: priority, sequence: seq, payload: payload))
        siftUp(heap.count - 1)
        return seq
    }

    /// Removes and returns the first event.
    @inlinable public mutating func pop() -> Event? {
        guard let first = heap.first else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty { sinkFromRoot(last) }
        return first
    }

    @inlinable mutating func siftUp(_ start: Int) {
        heap.withUnsafeMutableBufferPointer { h in Self.place(h[start], at: start, in: h) }
    }

    /// Puts `e` into the hole at `start` and moves it up while it precedes its parent.
    @inlinable static func place(_ e: Event, at start: Int, in h: UnsafeMutableBufferPointer<Event>) {
        var i = start
        while i > 0 {
            let parent = (i - 1) >> 1
            if !e.precedes(h[parent]) { break }
            h[i] = h[parent]
            i = parent
        }
        h[i] = e
    }

    /// Places `e` (the former last element) at the root and restores the heap, bottom-up (Floyd):
    /// move the hole down along the smaller child to a leaf (one comparison per level), then sift
    /// `e` up from there. Most events belong near the bottom, so this does about half the
    /// comparisons of the classic sift-down. The order is total (unique sequence numbers), so the
    /// pop order is the same as with any other correct heap.
    @inlinable mutating func sinkFromRoot(_ e: Event) {
        heap.withUnsafeMutableBufferPointer { h in
            let n = h.count
            var i = 0
            while true {
                let l = 2 * i + 1
                if l >= n { break }
                let r = l + 1
                let c = (r < n && h[r].precedes(h[l])) ? r : l
                h[i] = h[c]
                i = c
            }
            Self.place(e, at: i, in: h)
        }
    }

    @inlinable mutating func siftDown(_ start: Int) {
        heap.withUnsafeMutableBufferPointer { h in
            var i = start
            let n = h.count
            let e = h[i]
            while true {
                let l = 2 * i + 1
                if l >= n { break }
                var c = l
                let r = l + 1
                if r < n && h[r].precedes(h[l]) { c = r }
                if !h[c].precedes(e) { break }
                h[i] = h[c]
                i = c
            }
            h[i] = e
        }
    }

    /// Whether every parent precedes (or equals) its children; for tests.
    public var satisfiesHeapProperty: Bool {
        var i = 1
        while i < heap.count {
            if heap[i].precedes(heap[(i - 1) >> 1]) { return false }
            i += 1
        }
        return true
    }
}

extension EventQueue: Sendable where Payload: Sendable {}
extension EventQueue.Event: Sendable where Payload: Sendable {}
extension EventQueue.Event: Equatable where Payload: Equatable {}
