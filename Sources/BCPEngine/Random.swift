/// SplitMix64 (Steele, Lea and Flood, 2014; the reference C by Sebastiano Vigna, public domain).
/// A tiny, fast 64-bit generator; used here to seed xoshiro256** and to derive replica seeds.
/// From seed 0 its first outputs are 0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4, 0x06C45D188009454F.
public struct SplitMix64: Sendable, Equatable {
    public var state: UInt64

    public init(seed: UInt64) { state = seed }

    @inlinable
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    /// The SplitMix64 output function (a variant of MurmurHash3's 64-bit finaliser): a bijection on
    /// UInt64 that spreads every input bit over every output bit.
    @inlinable
    public static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// xoshiro256** 1.0 (Blackman and Vigna, 2018; reference C public domain), seeded by SplitMix64.
/// Used wherever a stream of numbers is needed (random scenarios in tests, synthetic data).
public struct Xoshiro256StarStar: Sendable, Equatable {
    public var s: (UInt64, UInt64, UInt64, UInt64)

    /// The four words of state from four successive SplitMix64 outputs of `seed`, as Vigna advises.
    public init(seed: UInt64) {
        var sm = SplitMix64(seed: seed)
        s = (sm.next(), sm.next(), sm.next(), sm.next())
    }

    /// Raw state (must not be all zero).
    public init(state: (UInt64, UInt64, UInt64, UInt64)) {
        precondition(state != (0, 0, 0, 0), "xoshiro256** state must not be all zero")
        s = state
    }

    @inlinable
    static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    @inlinable
    public mutating func next() -> UInt64 {
        let result = Xoshiro256StarStar.rotl(s.1 &* 5, 7) &* 9
        let t = s.1 << 17
        s.2 ^= s.0
        s.3 ^= s.1
        s.1 ^= s.2
        s.0 ^= s.3
        s.2 ^= t
        s.3 = Xoshiro256StarStar.rotl(s.3, 45)
        return result
    }

    /// A value in 0..<bound (bound > 0), by Lemire's multiply-shift with rejection: unbiased and
    /// free of floating point.
    public mutating func next(below bound: UInt64) -> UInt64 {
        precondition(bound > 0)
        var m = next().multipliedFullWidth(by: bound)
        if m.low < bound {
            let threshold = (0 &- bound) % bound
            while m.low < threshold { m = next().multipliedFullWidth(by: bound) }
        }
        return m.high
    }

    /// An integer in `range` (non-empty).
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(bitPattern: Int64(range.upperBound &- range.lowerBound)) &+ 1
        if width == 0 { return Int(bitPattern: UInt(next())) }  // the full Int range
        return range.lowerBound &+ Int(bitPattern: UInt(next(below: width)))
    }

    public static func == (a: Self, b: Self) -> Bool { a.s == b.s }
}

/// A documented, stable integer hash of a few text keys under a seed, so that a draw depends on
/// (seed, keys) alone and not on how many other draws were made before it.
///
/// Definition (version 1; changing it changes every result):
/// 1. h = FNV-1a 64 (offset basis 0xcbf29ce484222325, prime 0x100000001b3) over the bytes of:
///    the seed as 8 bytes little-endian; then for each key, the byte 0xFF (which never occurs in
///    UTF-8, so keys cannot run into each other) followed by the key's UTF-8 bytes;
/// 2. the result is SplitMix64.mix(h).
/// `uniformPPM` maps it onto 0..<1,000,000 by taking the high 32 bits x and computing
/// floor(x * 1,000,000 / 2^32), a near-even split with no floating point.
public enum StableHash {
    public static let fnvOffsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    public static let fnvPrime: UInt64 = 0x0000_0100_0000_01B3

    /// Plain FNV-1a 64 of `bytes`, continuing from `h`.
    @inlinable
    public static func fnv1a64<S: Sequence>(_ bytes: S, from h: UInt64 = fnvOffsetBasis) -> UInt64
    where S.Element == UInt8 {
        var h = h
        for b in bytes {
            h ^= UInt64(b)
            h = h &* fnvPrime
        }
        return h
    }

    /// FNV-1a 64 of `bytes` as 16 lowercase hex digits: how manifests identify file versions.
    public static func fnv1a64Hex<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        let s = String(fnv1a64(bytes), radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    /// Step 1 before any key: FNV-1a 64 over the seed's 8 bytes, little-endian.
    @inlinable
    public static func seedState(_ seed: UInt64) -> UInt64 {
        var h = fnvOffsetBasis
        var s = seed
        for _ in 0..<8 {
            h ^= s & 0xFF
            h = h &* fnvPrime
            s >>= 8
        }
        return h
    }

    /// Step 1 for one more key: the separator byte 0xFF, then the key's bytes. A caller hashing
    /// many keys after a common prefix (a zone id for every patient) keeps the prefix's state.
    @inlinable
    public static func adding<S: Sequence>(_ key: S, to h: UInt64) -> UInt64 where S.Element == UInt8 {
        fnv1a64(key, from: (h ^ 0xFF) &* fnvPrime)
    }

    /// Step 2 and the draw: a state after all keys, as a uniform draw in ppm.
    @inlinable
    public static func uniformPPM(state h: UInt64) -> Int {
        let x = SplitMix64.mix(h) >> 32
        return Int((x &* 1_000_000) >> 32)
    }

    public static func hash(seed: UInt64, _ keys: [String]) -> UInt64 {
        var h = seedState(seed)
        for k in keys { h = adding(k.utf8, to: h) }
        return SplitMix64.mix(h)
    }

    /// A uniform draw in parts per million, 0..<1,000,000.
    public static func uniformPPM(seed: UInt64, _ keys: [String]) -> Int {
        var h = seedState(seed)
        for k in keys { h = adding(k.utf8, to: h) }
        return uniformPPM(state: h)
    }
}
