/// Random numbers in 0..<1 for heartbeat jitter and backoff, injectable so
/// the gateway state machine is deterministic in tests. A value type
/// (SplitMix64), so copying a session copies its random state too.
public struct JitterSource: Sendable {
    private var state: UInt64
    private var scripted: [Double]
    private var scriptIndex = 0

    private init(state: UInt64, scripted: [Double]) {
        self.state = state
        self.scripted = scripted
    }

    /// A generator seeded from the system's random source.
    public static func system() -> JitterSource {
        var generator = SystemRandomNumberGenerator()
        return JitterSource(state: generator.next(), scripted: [])
    }

    /// A reproducible generator.
    public static func seeded(_ seed: UInt64) -> JitterSource {
        JitterSource(state: seed, scripted: [])
    }

    /// Returns `values` in turn, repeating the last one (tests).
    public static func fixed(_ values: Double...) -> JitterSource {
        JitterSource(state: 0, scripted: values.isEmpty ? [0.5] : values.map { min(max($0, 0), 0.999_999) })
    }

    /// The next value in 0..<1.
    public mutating func next() -> Double {
        if !scripted.isEmpty {
            let value = scripted[min(scriptIndex, scripted.count - 1)]
            scriptIndex += 1
            return value
        }
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Double(z >> 11) / Double(1 << 53)
    }
}
