/// Reads commands out of message text: a configurable prefix (default `!`),
/// an ASCII name matched case-insensitively, and arguments where double quotes
/// (straight or typographic) group words.
///
/// Names must be ASCII letters, digits or `-`: a look-alike such as Cyrillic
/// "е" in `!hеlp` is not a command, so it can never match a privileged one.
public struct CommandParser: Sendable {
    public let prefix: String
    public let maxArguments: Int

    public init(prefix: String = "!", maxArguments: Int = 32) {
        self.prefix = prefix
        self.maxArguments = maxArguments
    }

    /// The command in `text`, or nil when the text is not a command.
    public func parse(_ text: String) -> ParsedCommand? {
        var rest = Substring(text).drop(while: { $0 == " " })
        if rest.hasPrefix(prefix) {
            rest = rest.dropFirst(prefix.count)
        } else if prefix == "!", rest.hasPrefix("！") {
            rest = rest.dropFirst()  // full-width exclamation mark, typed by many CJK keyboards
        } else {
            return nil
        }
        let nameEnd = rest.firstIndex(where: { $0.isWhitespace }) ?? rest.endIndex
        let rawName = rest[..<nameEnd]
        guard let first = rawName.first, first.isASCII, first.isLetter,
            rawName.count <= 32,
            rawName.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        else {
            return nil
        }
        let name = rawName.lowercased()
        let argumentText = rest[nameEnd...].trimmingWhitespace()
        return ParsedCommand(name: name, arguments: split(argumentText), argumentText: String(argumentText))
    }

    /// Splits on whitespace; `"…"` and `“…”` make one argument. An unclosed quote
    /// runs to the end of the text rather than failing: notes are free text.
    func split(_ text: Substring) -> [String] {
        var arguments: [String] = []
        var current = ""
        var inQuote: Character? = nil
        var hasToken = false
        for character in text {
            if let quote = inQuote {
                if character == quote || (quote == "“" && character == "”") {
                    inQuote = nil
                } else {
                    current.append(character)
                }
            } else if character == "\"" || character == "“" {
                inQuote = character
                hasToken = true
            } else if character.isWhitespace {
                if hasToken {
                    arguments.append(current)
                    current = ""
                    hasToken = false
                    if arguments.count >= maxArguments { return arguments }
                }
            } else {
                current.append(character)
                hasToken = true
            }
        }
        if hasToken { arguments.append(current) }
        return Array(arguments.prefix(maxArguments))
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        var result = self.drop(while: { $0.isWhitespace })
        while let last = result.last, last.isWhitespace { result = result.dropLast() }
        return result
    }
}
