extension ConsoleLineParser {
    /// The member names a line mentions with `@name`, in order, without repeats.
    /// An `@` inside a word (an e-mail address) is not a mention, and a
    /// sentence's closing `.` is not part of the name.
    public static func mentions(in text: String) -> [String] {
        var names: [String] = []
        var previous: Character? = nil
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            defer { previous = character }
            guard character == "@", previous.map({ !isNameCharacter($0) }) ?? true else {
                index = text.index(after: index)
                continue
            }
            var end = text.index(after: index)
            while end < text.endIndex, isNameCharacter(text[end]) { end = text.index(after: end) }
            var name = text[text.index(after: index)..<end]
            while name.last == "." { name = name.dropLast() }
            if isName(name, maxLength: 32), !names.contains(String(name)) { names.append(String(name)) }
            index = end
        }
        return names
    }

    private static func isNameCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "_" || character == "-" || character == ".")
    }
}
