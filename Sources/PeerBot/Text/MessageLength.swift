/// The message length limit (`[limits] max_message_length`): whether a text is
/// over it, and the bounded text read in its place.
public enum MessageLength {
    /// Put between the two ends of a shortened message.
    public static let elision = "\n[…]\n"

    /// True when `text` has more than `limit` characters, or more UTF-8 bytes
    /// than `limit × LimitSettings.maxBytesPerCharacter`. The byte length is
    /// known at once; characters are counted only when the bytes leave room to doubt.
    public static func exceeds(_ text: String, limit: Int) -> Bool {
        let bytes = text.utf8.count
        if bytes <= limit { return false }
        if bytes > limit * LimitSettings.maxBytesPerCharacter { return true }
        return text.count > limit
    }

    /// The first ¾ and the last ¼ of `limit`, in Unicode scalars (so a single
    /// "character" of endless combining marks is cut too), joined by `elision`.
    /// A crisis phrase is as likely at the end of a long message as at its
    /// start; a prefix alone would miss "…and that's why I want to end it".
    public static func bounded(_ text: String, limit: Int) -> String {
        let scalars = text.unicodeScalars
        let tailCount = limit / 4
        let headCount = limit - tailCount
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars.prefix(headCount))
        var shortened = String(result)
        shortened += elision
        shortened += String(String.UnicodeScalarView(scalars.suffix(tailCount)))
        return shortened
    }
}
