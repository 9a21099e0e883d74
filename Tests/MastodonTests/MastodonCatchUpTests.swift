import Adapters
import Foundation
import Testing

@Suite struct MastodonCatchUpTests {
    let now = Date(timeIntervalSince1970: 1_792_091_500)  // shortly after the recorded mentions

    @Test func requestCarriesTypesAndMinID() {
        let catchUp = MastodonCatchUp(cursor: "21", firstStartWindow: 3600)
        #expect(catchUp.nextRequestPath == "/api/v1/notifications?types%5B%5D=mention&limit=40&min_id=21")
        let first = MastodonCatchUp(cursor: nil, firstStartWindow: 3600)
        #expect(first.nextRequestPath == "/api/v1/notifications?types%5B%5D=mention&limit=40")
    }

    @Test func recordedPageDecodesAndIsDeliveredOldestFirst() throws {
        let recorded = try Cassettes.interaction("test_notifications_mentions_only.yaml", uriContaining: "/api/v1/notifications?")
        let page = try JSONDecoder().decode([MastodonNotification].self, from: Data(recorded.body.utf8))
        #expect(page.map(\.id) == ["21"])
        #expect(page.allSatisfy { $0.isMention })
        var catchUp = MastodonCatchUp(cursor: "20", firstStartWindow: 3600)
        #expect(catchUp.absorb(page, now: now).map(\.id) == ["21"])
        #expect(catchUp.cursor == "21")
        #expect(catchUp.isFinished)
    }

    @Test func cursorAdvancesPastTheNewestAndOldOnesAreNeverRedelivered() {
        var catchUp = MastodonCatchUp(cursor: "100", firstStartWindow: 3600)
        let page = [
            MastodonTestData.mention(id: "103", text: "c"), MastodonTestData.follow(id: "102"),
            MastodonTestData.mention(id: "101", text: "a"),
            // A server ignoring min_id sends an old one too: dropped.
            MastodonTestData.mention(id: "99", text: "old"),
        ]
        #expect(catchUp.absorb(page, now: now).map(\.id) == ["101", "103"])
        #expect(catchUp.cursor == "103")
    }

    @Test func numericOrderNotStringOrder() {
        var catchUp = MastodonCatchUp(cursor: "99", firstStartWindow: 3600)
        let page = [MastodonTestData.mention(id: "100", text: "x"), MastodonTestData.mention(id: "998", text: "y")]
        #expect(catchUp.absorb(page, now: now).map(\.id) == ["100", "998"])
        #expect(catchUp.cursor == "998")
        #expect(MastodonID.isNewer("100", than: "99"))
        #expect(!MastodonID.isNewer("99", than: "100"))
    }

    @Test func aFullPageAsksForTheNext() {
        var catchUp = MastodonCatchUp(cursor: "1000", firstStartWindow: 3600)
        let page = (1...MastodonCatchUp.pageLimit).map { MastodonTestData.mention(id: "\(1000 + $0)", text: "m") }
        #expect(catchUp.absorb(page.reversed(), now: now).count == MastodonCatchUp.pageLimit)
        #expect(!catchUp.isFinished)
        #expect(catchUp.nextRequestPath.hasSuffix("min_id=1040"))
        #expect(catchUp.absorb([MastodonTestData.mention(id: "1041", text: "m")], now: now).map(\.id) == ["1041"])
        #expect(catchUp.isFinished)
    }

    @Test func pagesAreBounded() {
        var catchUp = MastodonCatchUp(cursor: "1", firstStartWindow: 3600)
        var next = 2
        for _ in 0..<MastodonCatchUp.maximumPages {
            let page = (0..<MastodonCatchUp.pageLimit).map { offset in MastodonTestData.mention(id: "\(next + offset)", text: "m") }
            next += MastodonCatchUp.pageLimit
            #expect(!catchUp.wasTruncated)
            _ = catchUp.absorb(page, now: now)
        }
        #expect(catchUp.isFinished)
        // The adapter starts another pass from the new cursor.
        #expect(catchUp.wasTruncated)
        #expect(MastodonCatchUp(cursor: catchUp.cursor, firstStartWindow: 3600).nextRequestPath.hasSuffix("min_id=\(next - 1)"))
    }

    @Test func firstStartOnlyAnswersRecentMentions() {
        var catchUp = MastodonCatchUp(cursor: nil, firstStartWindow: 3600)
        let page = [
            MastodonTestData.mention(id: "7", text: "recent", createdAt: "2026-10-15T19:10:42.557Z"),
            MastodonTestData.mention(id: "6", text: "last week", createdAt: "2026-10-08T19:10:42.557Z"),
        ]
        #expect(catchUp.absorb(page, now: now).map(\.id) == ["7"])
        #expect(catchUp.cursor == "7")
        #expect(catchUp.isFinished)
    }

    @Test func invalidIdsAreSkipped() {
        var catchUp = MastodonCatchUp(cursor: "1", firstStartWindow: 3600)
        let page = [MastodonTestData.mention(id: "2&x=y", text: "m"), MastodonTestData.mention(id: "3", text: "m")]
        #expect(catchUp.absorb(page, now: now).map(\.id) == ["3"])
        #expect(catchUp.cursor == "3")
    }
}
