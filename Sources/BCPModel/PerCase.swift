/// An enum whose cases index a fixed table (devices, tiers, unit kinds, outcomes, reasons): the
/// position of a case is its place in `allCases`, which is also the order every output lists
/// them in.
public protocol CaseKey: CaseIterable, Hashable, Sendable where AllCases == [Self] {
    /// The case's place in `allCases`.
    var position: Int { get }
}

extension CaseKey {
    public var position: Int { Self.allCases.firstIndex(of: self)! }
}

/// One value per case of `Key`, stored in `Key.allCases` order: counts per device, tallies per
/// tier, units per item. Read and written by key, never by a bare index, so that a table cannot
/// be read in the wrong order.
public struct PerCase<Key: CaseKey, Value> {
    /// The values in `Key.allCases` order.
    public private(set) var values: [Value]

    /// The same value for every case.
    public init(repeating value: Value) {
        values = Array(repeating: value, count: Key.allCases.count)
    }

    /// A value computed for each case.
    public init(_ make: (Key) throws -> Value) rethrows {
        values = try Key.allCases.map(make)
    }

    public subscript(key: Key) -> Value {
        get { values[key.position] }
        set { values[key.position] = newValue }
    }

    /// (case, value) pairs in `Key.allCases` order.
    public var pairs: [(key: Key, value: Value)] { Array(zip(Key.allCases, values)).map { (key: $0.0, value: $0.1) } }

    public func map<T>(_ f: (Value) throws -> T) rethrows -> PerCase<Key, T> {
        try PerCase<Key, T> { try f(self[$0]) }
    }
}

extension PerCase: Equatable where Value: Equatable {}
extension PerCase: Sendable where Value: Sendable {}

/// A value that adds up: a count of units, a cost split.
public protocol Summable: Sendable, Equatable {
    static var zero: Self { get }
    static func + (a: Self, b: Self) -> Self
}

extension Int: Summable {}

extension PerCase where Value: Summable {
    public static var zero: PerCase { PerCase(repeating: .zero) }

    public static func + (a: PerCase, b: PerCase) -> PerCase { PerCase { a[$0] + b[$0] } }

    public static func += (a: inout PerCase, b: PerCase) { a = a + b }
}

extension PerCase where Value == Int {
    public var total: Int { values.reduce(0, +) }
}

/// One value per subsidized item (自家発電装置, 蓄電池, 無停電電源装置).
public typealias PerItem<Value> = PerCase<PowerUnitKind, Value>

/// Units per item.
public typealias ItemCounts = PerItem<Int>

extension PerCase where Key == PowerUnitKind, Value: Summable {
    public init(generator: Value = .zero, battery: Value = .zero, ups: Value = .zero) {
        self.init { k in
            switch k {
            case .generator: return generator
            case .battery: return battery
            case .ups: return ups
            }
        }
    }
}

extension PerCase where Key == PowerUnitKind {
    public var generator: Value {
        get { self[.generator] }
        set { self[.generator] = newValue }
    }
    public var battery: Value {
        get { self[.battery] }
        set { self[.battery] = newValue }
    }
    public var ups: Value {
        get { self[.ups] }
        set { self[.ups] = newValue }
    }
}

extension PerCase where Key == PowerUnitKind, Value == Int {
    /// The same count for every item (the standard allows one of each per 25,000 residents).
    public static func each(_ n: Int) -> ItemCounts { ItemCounts(repeating: n) }
}
