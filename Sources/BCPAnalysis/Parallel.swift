import Dispatch
import Foundation

/// `body(0) ... body(count - 1)` on up to `threads` threads, results in index order. The one
/// parallel loop of bcpsim (ensembles, what-if reruns, plans): each index is computed by a pure
/// function of its inputs and the results are combined by index, so the output never depends on
/// the number of threads. `progress`, if given, is called after each index (from worker threads,
/// one call at a time) with the number finished.
public func parallelMap<T: Sendable>(
    _ count: Int, threads: Int, progress: (@Sendable (Int) -> Void)? = nil, _ body: @Sendable (Int) -> T
) -> [T] {
    guard count > 0 else { return [] }
    let slots = Slots<T>(count: count, progress: progress)
    let workers = min(max(1, threads), count)
    if workers == 1 {
        for j in 0..<count { slots.set(j, body(j)) }
    } else {
        // Worker w takes indices w, w + workers, ...: a fixed share, so no index is computed twice.
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var j = w
            while j < count {
                slots.set(j, body(j))
                j += workers
            }
        }
    }
    return slots.all()
}

/// Result slots written by worker threads, each index exactly once, under a lock.
private final class Slots<T: Sendable>: @unchecked Sendable {
    private var items: [T?]
    private var done = 0
    private let progress: (@Sendable (Int) -> Void)?
    private let lock = NSLock()

    init(count: Int, progress: (@Sendable (Int) -> Void)?) {
        items = .init(repeating: nil, count: count)
        self.progress = progress
    }

    func set(_ k: Int, _ value: T) {
        lock.lock()
        defer { lock.unlock() }
        items[k] = value
        done += 1
        progress?(done)
    }

    func all() -> [T] {
        lock.lock()
        defer { lock.unlock() }
        return items.map { $0! }
    }
}
