import Foundation

/// SplitMix64: small, fast and repeatable for a given seed.
struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Either the system generator or a seeded one, behind one lock-free value type.
struct EmulatorRandom: Sendable {
    private var seeded: SeededRandom?
    private var system = SystemRandomNumberGenerator()
    init(seed: UInt64?) { seeded = seed.map { SeededRandom(seed: $0) } }

    mutating func nextUInt64() -> UInt64 {
        if seeded != nil { return seeded!.next() }
        return system.next()
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(nextUInt64() >> 11) / Double(1 << 53) }

    mutating func uuid() -> String {
        let a = nextUInt64(), b = nextUInt64()
        var bytes = [UInt8](repeating: 0, count: 16)
        for i in 0..<8 { bytes[i] = UInt8((a >> (UInt64(i) * 8)) & 0xff); bytes[8 + i] = UInt8((b >> (UInt64(i) * 8)) & 0xff) }
        bytes[6] = (bytes[6] & 0x0f) | 0x40
        bytes[8] = (bytes[8] & 0x3f) | 0x80
        let hex = bytes.map { String(format: "%02x", $0) }.joined()
        let c = Array(hex)
        return String(c[0..<8]) + "-" + String(c[8..<12]) + "-" + String(c[12..<16]) + "-" + String(c[16..<20]) + "-" + String(c[20..<32])
    }
}

