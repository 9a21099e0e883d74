import Testing
@testable import Adapters

/// Delivery retries while the homeserver is unreachable stay within `matrix.max_backoff`.
@Suite struct MatrixDeliveryBackoffTests {
    @Test func waitsGrowUpToTheConfiguredCapAndASuccessStartsOver() {
        let backoff = MatrixDeliveryBackoff(cap: 8)
        let waits = (0..<7).map { _ in backoff.failed(random: 1) }
        #expect(waits == [1, 2, 4, 8, 8, 8, 8])
        backoff.succeeded()
        #expect(backoff.failed(random: 1) == 1)
    }

    @Test func theCapIsTheAdminsMaxBackoffNotTheOutboxsFiveMinutes() {
        let backoff = MatrixDeliveryBackoff(cap: 2)
        let waits = (0..<20).map { _ in backoff.failed(random: 0.999) }
        #expect(waits.allSatisfy { $0 <= 2 })
        // Jitter never drops below the floor, so retries never spin.
        #expect(MatrixDeliveryBackoff(cap: 2).failed(random: 0) == 0.5)
    }
}
