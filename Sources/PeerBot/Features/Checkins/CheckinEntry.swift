import Foundation

/// One check-in: a score from 1 to 5, a note in the member's own words, or both.
/// The note is stored because the member chose to write it down for themselves.
public struct CheckinEntry: Sendable, Equatable {
    public var memberKey: String
    /// 1 (very low) to 5 (very good), or nil for a check-in in words only.
    public var score: Int?
    public var note: String?
    public var createdAt: Date

    public init(memberKey: String, score: Int?, note: String?, createdAt: Date) {
        self.memberKey = memberKey
        self.score = score
        self.note = note
        self.createdAt = createdAt
    }

    /// The valid scores.
    public static let scores = 1...5

    /// The bar that stands for this entry in a trend (`▁▃▅▇█`); `·` for words only.
    public var trendSymbol: String {
        switch score {
        case 1: "▁"
        case 2: "▃"
        case 3: "▅"
        case 4: "▇"
        case 5: "█"
        default: "·"
        }
    }
}
