import Foundation

/// One catch-up pass over `GET /api/v1/notifications?types[]=mention&min_id=LAST`.
///
/// The streaming API does not replay what was sent while the client was away
/// (docs.joinmastodon.org/methods/streaming/), so after every (re)connect — and
/// on every poll when streaming is unavailable — the adapter asks for the
/// mentions newer than the last notification it handled. `min_id` "returns
/// results immediately newer than this ID", newest first, up to `limit`
/// (default 40, max 80; docs.joinmastodon.org/methods/notifications/#get), so
/// a full page means there may be more: the next page starts after its newest id.
///
/// With no cursor yet (the very first start) there is no `min_id`: the newest
/// page is read and only mentions younger than `firstStartWindow` are
/// delivered, so a first start answers who was just asking, not the whole history.
public struct MastodonCatchUp: Sendable, Equatable {
    /// Notifications per request.
    public static let pageLimit = 40
    /// Pages read per pass at most; the rest waits for the next pass.
    public static let maximumPages = 10

    /// The newest notification id handled before this pass (the persisted LAST).
    public private(set) var cursor: String?
    /// How far back a first start looks.
    public let firstStartWindow: TimeInterval
    /// Pages read so far.
    public private(set) var pagesRead = 0
    /// True once this pass reads no further page.
    public private(set) var isFinished = false
    /// True when the pass stopped at `maximumPages` with more waiting: start another.
    public private(set) var wasTruncated = false
    private let startedWithoutCursor: Bool

    public init(cursor: String?, firstStartWindow: TimeInterval) {
        self.cursor = cursor
        self.firstStartWindow = firstStartWindow
        startedWithoutCursor = cursor == nil
    }

    /// The path and query of the next page's request, relative to the instance URL.
    public var nextRequestPath: String {
        var query = "types%5B%5D=mention&limit=\(Self.pageLimit)"
        if let cursor { query += "&min_id=\(cursor)" }
        return "/api/v1/notifications?\(query)"
    }

    /// Takes one page of the response: returns the notifications to hand on,
    /// oldest first, and moves the cursor past the page.
    public mutating func absorb(_ page: [MastodonNotification], now: Date) -> [MastodonNotification] {
        pagesRead += 1
        let valid = page.filter { MastodonID.isValid($0.id) }
        let ascending = valid.sorted { MastodonID.isNewer($1.id, than: $0.id) }
        let previous = cursor
        for notification in ascending { cursor = MastodonID.newest(cursor, notification.id) }
        var deliver = ascending.filter { $0.isMention }
        if let previous {
            // A server that ignores min_id must not make old mentions look new.
            deliver = deliver.filter { MastodonID.isNewer($0.id, than: previous) }
        }
        if startedWithoutCursor {
            let oldest = now.addingTimeInterval(-firstStartWindow)
            deliver = deliver.filter { ($0.createdDate ?? .distantPast) >= oldest }
            isFinished = true  // the newest page only: older history is not replayed
        } else {
            let more = page.count >= Self.pageLimit && cursor != previous
            isFinished = !more || pagesRead >= Self.maximumPages
            wasTruncated = more && pagesRead >= Self.maximumPages
        }
        return deliver
    }
}
