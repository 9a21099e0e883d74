/// Message nonces derived from outbox idempotency keys.
///
/// Discord's nonce is at most 25 characters (message.mdx "Create Message");
/// an idempotency key is longer, and a split message needs one nonce per
/// part. So the nonce is a 128-bit hash of key and part (two FNV-1a 64
/// passes), written in base 36: 25 characters, the same on every retry, so
/// `enforce_nonce` makes a retried create return the message already posted.
public enum DiscordNonce {
    public static let maxLength = 25

    public static func make(idempotencyKey: String, part: Int) -> String {
        let input = Array("\(idempotencyKey)#\(part)".utf8)
        let high = fnv1a(input, basis: 0xcbf2_9ce4_8422_2325)
        let low = fnv1a(input.reversed(), basis: 0x8422_2325_cbf2_9ce4)
        return base36(high: high, low: low)
    }

    private static func fnv1a<S: Sequence>(_ bytes: S, basis: UInt64) -> UInt64 where S.Element == UInt8 {
        var hash = basis
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// The 128-bit number high:low in base 36, padded to 25 digits.
    private static func base36(high: UInt64, low: UInt64) -> String {
        let digits = Array("0123456789abcdefghijklmnopqrstuvwxyz")
        var words = [high >> 32, high & 0xFFFF_FFFF, low >> 32, low & 0xFFFF_FFFF]
        var result: [Character] = []
        while result.count < maxLength {
            var remainder: UInt64 = 0
            for index in words.indices {
                let value = (remainder << 32) | words[index]
                words[index] = value / 36
                remainder = value % 36
            }
            result.append(digits[Int(remainder)])
        }
        return String(result.reversed())
    }
}
