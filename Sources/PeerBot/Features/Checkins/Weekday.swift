import Foundation

/// A day of the week, numbered as `Calendar` numbers them (1 = Sunday … 7 = Saturday).
public struct Weekday: Sendable, Hashable, CustomStringConvertible {
    public let calendarValue: Int

    public init?(calendarValue: Int) {
        guard (1...7).contains(calendarValue) else { return nil }
        self.calendarValue = calendarValue
    }

    private static let names = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    /// Extra spellings people use beyond the full name and its first three letters.
    private static let abbreviations: [String: Int] = ["tues": 3, "wednes": 4, "thur": 5, "thurs": 5]

    /// Reads `monday`, `Mon`, `tues`, … (any case); nil for anything else.
    public init?(parsing text: String) {
        let word = text.lowercased().trimmingCharacters(in: .punctuationCharacters)
        if let index = Self.names.firstIndex(where: { $0.lowercased() == word || $0.lowercased().prefix(3) == word }) {
            calendarValue = index + 1
        } else if let value = Self.abbreviations[word] {
            calendarValue = value
        } else {
            return nil
        }
    }

    /// `Monday`
    public var description: String { Self.names[calendarValue - 1] }
}
