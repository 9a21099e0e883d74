/// A scan run before the TOML parser sees a file: toml++ builds one nested
/// table per dot of a dotted key or table header (`a.a.a… = 1`) and walks them
/// recursively, so a key with tens of thousands of dots overflows the stack
/// inside the parser, where no later check can help.
extension ConfigDocument {
    /// The most dots in one key or table header of `text`, outside strings and comments.
    ///
    /// Dots are counted between the characters that end a key (`=`, `,`, `{`,
    /// `}`, `[`, `]`, `#`, a line break); within a value, outside strings, at
    /// most one dot appears (`1.5`), so the count is the key's depth. Strings
    /// (basic, literal, multi-line) are skipped whole. One pass, no allocation.
    static func deepestKey(in text: String) -> Int {
        let bytes = text.utf8
        var deepest = 0
        var dots = 0
        var index = bytes.startIndex
        func byte(at offset: Int) -> UInt8? {
            guard let position = bytes.index(index, offsetBy: offset, limitedBy: bytes.endIndex), position < bytes.endIndex else {
                return nil
            }
            return bytes[position]
        }
        while index < bytes.endIndex {
            let current = bytes[index]
            switch current {
            case UInt8(ascii: "."):
                dots += 1
                deepest = max(deepest, dots)
            case UInt8(ascii: "="), UInt8(ascii: ","), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "["),
                UInt8(ascii: "]"), UInt8(ascii: "\n"):
                dots = 0
            case UInt8(ascii: "#"):
                dots = 0
                while index < bytes.endIndex, bytes[index] != UInt8(ascii: "\n") { index = bytes.index(after: index) }
                continue
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                let multiLine = byte(at: 1) == current && byte(at: 2) == current
                index = bytes.index(index, offsetBy: multiLine ? 3 : 1)
                index = endOfString(bytes, from: index, quote: current, multiLine: multiLine)
                continue
            default:
                break
            }
            index = bytes.index(after: index)
        }
        return deepest
    }

    /// The index just past the string that starts at `start` (after its opening quote or quotes).
    private static func endOfString(
        _ bytes: String.UTF8View, from start: String.UTF8View.Index, quote: UInt8, multiLine: Bool
    ) -> String.UTF8View.Index {
        var index = start
        while index < bytes.endIndex {
            let current = bytes[index]
            if current == UInt8(ascii: "\\"), quote == UInt8(ascii: "\"") {
                // An escape in a basic string: skip the escaped character.
                index = bytes.index(after: index)
                if index < bytes.endIndex { index = bytes.index(after: index) }
                continue
            }
            if current == UInt8(ascii: "\n"), !multiLine { return index }  // unterminated: the parser will say so
            if current == quote {
                if !multiLine { return bytes.index(after: index) }
                var run = 0
                var end = index
                while end < bytes.endIndex, bytes[end] == quote, run < 5 {
                    run += 1
                    end = bytes.index(after: end)
                }
                if run >= 3 { return end }
                index = end
                continue
            }
            index = bytes.index(after: index)
        }
        return index
    }
}
