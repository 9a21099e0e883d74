import Foundation

/// `[agreements.content_warnings]`: a private reminder of the content-warning
/// agreement to a member whose message touches a listed topic without a marker.
public struct ContentWarningSettings: Sendable {
    /// A message starting with one of these (any case) carries a content warning. Default `CW:`, `TW:`.
    public var markers = ["CW:", "TW:"]
    /// At most one reminder per member and topic in this time. Default 12 hours.
    public var cooldown: TimeInterval = 12 * 3600
    /// The reminder; `{topic}` is replaced by the topic's name, `{prefix}` by the command prefix.
    public var reminder =
        "Thank you for sharing. A gentle note: our agreements ask for a content warning at the start of posts that touch on {topic}, like \"CW: {topic}\", so everyone can choose when to read. If things are hard right now, {prefix}resources and {prefix}facilitator are there for you."
    /// Topic name → words and phrases (`*` at the end of a word matches any ending). Default none.
    public var topics: [(name: String, keywords: [String])] = []

    public init() {}

    public init(reader: ConfigReader) throws(ConfigError) {
        let section = "agreements.content_warnings"
        markers = try reader.strings("\(section).markers", default: markers)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        cooldown = try reader.duration("\(section).cooldown", default: cooldown)
        reminder = try reader.string("\(section).reminder", default: reminder)
        guard !reminder.isEmpty, reminder.count <= 1000 else {
            throw .invalidValue(
                path: reader.path, key: "\(section).reminder", message: "expected 1 to 1000 characters, found \(reminder.count)")
        }
        guard let value = reader.value("\(section).topics") else { return }
        guard case .table(let table) = value else {
            throw .wrongType(
                path: reader.path, key: "\(section).topics", expected: "a table of topic = [keywords]", found: value.typeName)
        }
        topics = []
        for name in table.keys.sorted() {
            let key = "\(section).topics.\(name)"
            guard !name.contains("."), name.count <= 40 else {
                throw .invalidValue(path: reader.path, key: key, message: "a topic name has at most 40 characters and no dots")
            }
            let keywords = try reader.strings(key)
            guard !keywords.isEmpty, keywords.count <= 1000 else {
                throw .invalidValue(path: reader.path, key: key, message: "expected 1 to 1000 keywords, found \(keywords.count)")
            }
            if let index = keywords.firstIndex(where: { KeywordMatcher.tokens(of: $0).isEmpty || $0.count > 80 }) {
                throw .invalidValue(
                    path: reader.path, key: "\(key)[\(index)]", message: "expected a word or phrase of at most 80 characters")
            }
            topics.append((name, keywords))
        }
    }

    /// True when the message opens with a content-warning marker: any case,
    /// after leading markup such as `**` or `[`, with or without its colon
    /// (`CW: self-harm`, `[cw self-harm]`, `TW - food`), but not a longer word (`CWD`).
    public func hasMarker(_ text: String) -> Bool {
        let opening = text.prefix(64).drop(while: { $0.isWhitespace || "*_[(~>".contains($0) }).lowercased()
        return markers.contains { marker in
            // The marker without colons at either end (a CharacterSet per marker per message cost more than the rest).
            var word = Substring(marker.lowercased()).drop(while: { $0 == ":" })
            while word.last == ":" { word = word.dropLast() }
            guard !word.isEmpty, opening.hasPrefix(word) else { return false }
            let next = opening.dropFirst(word.count).first
            return next.map { !($0.isLetter || $0.isNumber) } ?? true
        }
    }
}
