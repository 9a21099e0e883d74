import Foundation

/// What a member wrote as a check-in: a score, a note, or both. Read from
/// `!checkin 3 tired` and from a private answer to a check-in question.
enum CheckinAnswer: Equatable {
    case entry(score: Int?, note: String?)
    /// A number was given but it is not 1–5.
    case scoreOutOfRange(String)
    /// The note is longer than allowed (its length).
    case noteTooLong(Int)
    case empty

    /// Reads `3`, `3/5`, `3 tired but ok`, or words alone.
    static func parse(_ text: String, maxNoteLength: Int) -> CheckinAnswer {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return .empty }
        let firstEnd = trimmed.firstIndex(where: { $0.isWhitespace }) ?? trimmed.endIndex
        var first = Substring(trimmed[..<firstEnd])
        if first.hasSuffix("/5") { first = first.dropLast(2) }
        var score: Int? = nil
        var rest = Substring(trimmed)
        if looksNumeric(first) {
            guard let value = Int(first), CheckinEntry.scores.contains(value) else { return .scoreOutOfRange(String(first)) }
            score = value
            rest = trimmed[firstEnd...]
        }
        let note = rest.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingCharacters(in: .whitespaces)
        guard note.count <= maxNoteLength else { return .noteTooLong(note.count) }
        return .entry(score: score, note: note.isEmpty ? nil : note)
    }

    /// `7`, `-1`, `3.5`: meant as a score, even when not a valid one.
    private static func looksNumeric(_ text: Substring) -> Bool {
        text.contains(where: { $0.isASCII && $0.isNumber })
            && text.allSatisfy { ($0.isASCII && $0.isNumber) || "+-.,".contains($0) }
    }
}
