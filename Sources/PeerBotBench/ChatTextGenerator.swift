/// Generates chat-like text: short lines of everyday words with contractions,
/// punctuation and capitals, as a peer-support channel reads. Deterministic.
struct ChatTextGenerator {
    /// How the text was typed.
    enum Style: String {
        /// Plain ASCII (a desktop keyboard).
        case ascii
        /// A phone's typographic apostrophes, quotes, dashes and ellipses (’ “ ” — …).
        case typographic
        /// Typographic punctuation and emoji (😭 ❤️ 🙏 🫶🏽, with variation selectors and joiners).
        case emoji
    }

    private var random: SeededGenerator
    let style: Style

    init(style: Style = .ascii, seed: UInt64 = 42) {
        self.style = style
        random = SeededGenerator(seed: seed)
    }

    static let words: [String] = """
        i you we they he she it the a an and but or so because to for of in on at my me your is are be do go if when then just really very kind of lot
        today tonight yesterday tomorrow week weekend morning evening night work school home group meeting
        feel feeling felt think thought know knew want wanted need needed try tried going went get got make
        made take took say said tell told talk talked listen listened help helped hope hoping sleep slept
        eat ate walk walked read wrote call called text texted see saw hear heard find found keep kept
        good okay fine better worse tired anxious calm happy sad angry stressed grateful lonely busy hard
        easy long short little big new old same different small great nice weird funny honest quiet
        friend friends family mum dad sister brother partner therapist doctor cat dog coffee tea dinner
        breakfast lunch rain sun weather bus train job boss class exam book show music song walk run
        this that these those there here what why how who where which something nothing everything anyone
        thanks thank sorry yes no maybe sure totally definitely probably actually honestly literally
        don't can't won't didn't isn't wasn't i'm i've i'd you're it's that's there's we're they're
        about after again all also always any around away back before being between both during each
        enough ever every few first from have has had into its last least more most much never next not
        now off once only other our out over own since some still such than their them through too under
        until up us was were while with without would could should might must shall will can may
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)

    private static let emoji = ["😭", "❤️", "🙏", "🫶🏽", "😅", "💜", "👍", "🤗", "😔", "☺️", "👩‍👧", "✨"]
    private static let endings = [".", ".", ".", "!", "?", "...", " :)", " lol", ",", ""]

    /// One chat line of 3 to 18 words.
    mutating func line() -> String {
        let count = Int.random(in: 3...18, using: &random)
        var words: [String] = []
        words.reserveCapacity(count)
        for index in 0..<count {
            var word = Self.words.randomElement(using: &random) ?? "ok"
            if index == 0 || Int.random(in: 0..<30, using: &random) == 0 { word = word.capitalized }
            if word == "i" { word = "I" }
            words.append(word)
        }
        var text = words.joined(separator: " ") + (Self.endings.randomElement(using: &random) ?? ".")
        if style != .ascii {
            text = text.replacingOccurrences(of: "'", with: "’").replacingOccurrences(of: "...", with: "…")
            if Int.random(in: 0..<6, using: &random) == 0 { text = "“\(text)” — " + (words.last ?? "") }
        }
        if style == .emoji, Int.random(in: 0..<3, using: &random) == 0 {
            text += " " + (Self.emoji.randomElement(using: &random) ?? "🙂")
        }
        return text
    }

    /// Lines joined by newlines until the text has at least `bytes` UTF-8 bytes.
    mutating func text(bytes: Int) -> String {
        var text = ""
        text.reserveCapacity(bytes + 256)
        while text.utf8.count < bytes {
            if !text.isEmpty { text += "\n" }
            text += line()
        }
        return text
    }
}
