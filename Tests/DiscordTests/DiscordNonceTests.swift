import Adapters
import Testing

@Suite struct DiscordNonceTests {
    @Test func noncesAreStableShortAndDistinctPerPart() {
        let key = "pb-" + String(repeating: "0123456789", count: 4)
        let first = DiscordNonce.make(idempotencyKey: key, part: 0)
        #expect(first.count == 25)
        #expect(first == DiscordNonce.make(idempotencyKey: key, part: 0), "the same on every retry")
        #expect(first != DiscordNonce.make(idempotencyKey: key, part: 1))
        #expect(first != DiscordNonce.make(idempotencyKey: key + "x", part: 0))
        #expect(first.allSatisfy { $0.isASCII && ($0.isNumber || $0.isLowercase) })
        let many = Set((0..<2000).map { DiscordNonce.make(idempotencyKey: "pb-\($0)", part: 0) })
        #expect(many.count == 2000)
    }
}
