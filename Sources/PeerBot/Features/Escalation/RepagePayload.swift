import Foundation

/// What a re-page job carries: the ticket and the tier to page next (a tier
/// past the last one means "tell the member no one has answered").
struct RepagePayload: Codable, Equatable {
    var ticket: Int
    var tier: Int

    init(ticket: Int, tier: Int) {
        self.ticket = ticket
        self.tier = tier
    }

    init?(json: String) {
        guard let decoded = try? JSONDecoder().decode(Self.self, from: Data(json.utf8)) else { return nil }
        self = decoded
    }

    var json: String {
        (try? JSONEncoder().encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{\"ticket\":\(ticket),\"tier\":\(tier)}"
    }
}
