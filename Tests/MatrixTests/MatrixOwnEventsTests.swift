import Testing
@testable import Adapters

/// PeerBot's own events and their transaction ids, as its sync shows them.
@Suite struct MatrixOwnEventsTests {
    func own(_ number: Int, transaction: String?) -> MatrixEvent {
        MatrixEvent(
            type: "m.room.message", eventID: "$e\(number)", sender: "@peerbot:localhost",
            unsigned: transaction.map { ["transaction_id": .string($0)] })
    }

    @Test func remembersTheTransactionIdOfOwnEventsThatCarryOne() {
        var events = MatrixOwnEvents()
        events.remember(own(1, transaction: "pb-1"))
        events.remember(own(2, transaction: nil))  // sent by another device of the account
        #expect(events.transaction(of: "$e1") == "pb-1")
        #expect(events.transaction(of: "$e2") == nil)
        #expect(events.transaction(of: "$unknown") == nil)
    }

    @Test func keepsOnlyTheNewest() {
        var events = MatrixOwnEvents(capacity: 3)
        for number in 1...5 { events.remember(own(number, transaction: "pb-\(number)")) }
        #expect(events.transaction(of: "$e1") == nil)
        #expect(events.transaction(of: "$e2") == nil)
        #expect(events.transaction(of: "$e5") == "pb-5")
        #expect(events.transaction(of: "$e3") == "pb-3")
    }
}
