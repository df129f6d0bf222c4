/// A binary min-heap of (key, value) pairs: `pop` returns the pair with the least key. Keys must
/// be totally ordered for the pop order to be deterministic (ties broken inside the key, e.g. by
/// an id or a sequence number); the simulator never relies on how equal keys come out.
///
/// Values are stored inline in one array: no closure or class per element. Every operation is
/// @inlinable so that client modules get a heap specialised for their own key and value (without
/// it the generic code goes through value witness tables: 25% of a run, measured with perf).
public struct MinHeap<Key: Comparable, Value> {
    public struct Element {
        public let key: Key
        public let value: Value

        @inlinable
        public init(key: Key, value: Value) {
            self.key = key
            self.value = value
        }
    }

    @usableFromInline var items: [Element] = []

    @inlinable public init() {}

    @inlinable public var count: Int { items.count }
    @inlinable public var isEmpty: Bool { items.isEmpty }

    @inlinable public mutating func reserveCapacity(_ n: Int) { items.reserveCapacity(n) }
    @inlinable public mutating func removeAll(keepingCapacity: Bool = true) { items.removeAll(keepingCapacity: keepingCapacity) }

    /// The least element, without removing it.
    @inlinable public func peek() -> Element? { items.first }

    @inlinable public mutating func push(_ key: Key, _ value: Value) {
        items.append(Element(key: key, value: value))
        let start = items.count - 1
        items.withUnsafeMutableBufferPointer { h in Self.place(h[start], at: start, in: h) }
    }

    /// Removes and returns the least element.
    @inlinable public mutating func pop() -> Element? {
        guard let first = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty { sinkFromRoot(last) }
        return first
    }

    /// Puts `e` into the hole at `start` and moves it up while its key is less than its parent's.
    @inlinable static func place(_ e: Element, at start: Int, in h: UnsafeMutableBufferPointer<Element>) {
        var i = start
        while i > 0 {
            let parent = (i - 1) >> 1
            if !(e.key < h[parent].key) { break }
            h[i] = h[parent]
            i = parent
        }
        h[i] = e
    }

    /// Places `e` (the former last element) at the root and restores the heap, bottom-up (Floyd):
    /// move the hole down along the smaller child to a leaf (one comparison per level), then sift
    /// `e` up from there. Most elements belong near the bottom, so this does about half the
    /// comparisons of the classic sift-down; with a total order the pop order is the same.
    @inlinable mutating func sinkFromRoot(_ e: Element) {
        items.withUnsafeMutableBufferPointer { h in
            let n = h.count
            var i = 0
            while true {
                let l = 2 * i + 1
                if l >= n { break }
                let r = l + 1
                let c = (r < n && h[r].key < h[l].key) ? r : l
                h[i] = h[c]
                i = c
            }
            Self.place(e, at: i, in: h)
        }
    }

    /// Whether no element's key is less than its parent's; for tests.
    public var satisfiesHeapProperty: Bool {
        var i = 1
        while i < items.count {
            if items[i].key < items[(i - 1) >> 1].key { return false }
            i += 1
        }
        return true
    }
}

extension MinHeap: Sendable where Key: Sendable, Value: Sendable {}
extension MinHeap.Element: Sendable where Key: Sendable, Value: Sendable {}
extension MinHeap.Element: Equatable where Key: Equatable, Value: Equatable {}
