import Foundation

extension Duration {
    /// Whole milliseconds, rounded up so a positive duration never becomes 0, clamped to Int range.
    var transportMilliseconds: Int {
        let (seconds, attoseconds) = components
        let millis = Double(seconds) * 1000 + (Double(attoseconds) / 1e15).rounded(.up)
        return Int(max(0, min(millis, Double(Int.max / 2))))
    }

    /// Whole seconds, rounded up, at least `minimum`, clamped to `UInt16` (libwebsockets' unit).
    func transportSeconds(minimum: Int = 1) -> UInt16 {
        let (seconds, attoseconds) = components
        let whole = Int(seconds) + (attoseconds > 0 ? 1 : 0)
        return UInt16(clamping: max(minimum, whole))
    }

    /// Seconds as a floating-point value.
    var transportSecondsDouble: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    /// A duration from a number of seconds, clamped to be non-negative and finite.
    static func transportSeconds(_ seconds: Double) -> Duration {
        guard seconds.isFinite, seconds > 0 else { return .zero }
        return .milliseconds(Int64(min(seconds, 1e9) * 1000))
    }
}
