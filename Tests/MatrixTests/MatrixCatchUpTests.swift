import Foundation
import Testing
@testable import Adapters

@Suite struct MatrixCatchUpTests {
    static let bot = "@peerbot:example.org"
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func message(_ id: String, secondsAgo: TimeInterval) -> MatrixEvent {
        MatrixEvent(
            type: "m.room.message", eventID: id, sender: "@alice:example.org",
            originServerTS: Int64((now.timeIntervalSince1970 - secondsAgo) * 1000), content: ["msgtype": "m.text", "body": "x"])
    }

    func catchUp(limit: Int = 200) -> MatrixCatchUp {
        MatrixCatchUp(prevBatch: "t10", previousPosition: "s5", botUserID: Self.bot, oldest: now.addingTimeInterval(-3600), limit: limit)
    }

    @Test func pagesBackUntilThePreviousPositionAndReturnsOldestFirst() {
        var gap = catchUp()
        #expect(gap.from == "t10" && gap.to == "s5")
        gap.add(MatrixMessagesPage(chunk: [message("$9", secondsAgo: 10), message("$8", secondsAgo: 20)], end: "t8"), isHandled: { _ in false })
        #expect(!gap.isFinished)
        #expect(gap.from == "t8")
        gap.add(MatrixMessagesPage(chunk: [message("$7", secondsAgo: 30)], end: "t7"), isHandled: { _ in false })
        gap.add(MatrixMessagesPage(chunk: [], end: nil), isHandled: { _ in false })
        #expect(gap.stop == .reachedPreviousPosition)
        #expect(gap.events.map(\.eventID) == ["$7", "$8", "$9"])
    }

    @Test func stopsAtAnEventAlreadyHandled() {
        var gap = catchUp()
        gap.add(
            MatrixMessagesPage(chunk: [message("$9", secondsAgo: 10), message("$8", secondsAgo: 20), message("$7", secondsAgo: 30)], end: "t7"),
            isHandled: { $0 == "$8" })
        #expect(gap.stop == .reachedHandledEvent)
        #expect(gap.events.map(\.eventID) == ["$9"])
        #expect(gap.from == nil)
    }

    @Test func stopsAtTheBotsOwnJoin() {
        var gap = catchUp()
        let join = MatrixEvent(
            type: "m.room.member", eventID: "$j", sender: Self.bot, stateKey: Self.bot, content: ["membership": "join"])
        gap.add(MatrixMessagesPage(chunk: [message("$9", secondsAgo: 10), join, message("$1", secondsAgo: 20)], end: "t1"), isHandled: { _ in false })
        #expect(gap.stop == .reachedOwnJoin)
        #expect(gap.events.map(\.eventID) == ["$9"])
    }

    @Test func stopsAtTheWindowAndAtTheLimit() {
        var old = catchUp()
        old.add(MatrixMessagesPage(chunk: [message("$9", secondsAgo: 10), message("$1", secondsAgo: 7200)], end: "t1"), isHandled: { _ in false })
        #expect(old.stop == .reachedWindow)
        #expect(old.events.map(\.eventID) == ["$9"])

        var small = catchUp(limit: 2)
        small.add(
            MatrixMessagesPage(chunk: [message("$9", secondsAgo: 1), message("$8", secondsAgo: 2), message("$7", secondsAgo: 3)], end: "t7"),
            isHandled: { _ in false })
        #expect(small.stop == .reachedLimit)
        #expect(small.events.map(\.eventID) == ["$8", "$9"])
    }

    @Test func nothingToDoWithoutAPrevBatchOrWithAZeroLimit() {
        let none = MatrixCatchUp(prevBatch: nil, previousPosition: "s5", botUserID: Self.bot, oldest: now, limit: 10)
        #expect(none.isFinished && none.events.isEmpty)
        let zero = MatrixCatchUp(prevBatch: "t1", previousPosition: "s5", botUserID: Self.bot, oldest: now, limit: 0)
        #expect(zero.stop == .reachedLimit)
    }

    @Test func aServerThatRepeatsItsTokenCannotLoopUs() {
        var gap = catchUp()
        gap.add(MatrixMessagesPage(chunk: [message("$9", secondsAgo: 1)], end: "t10"), isHandled: { _ in false })
        #expect(gap.isFinished)
    }
}
