import Foundation

extension ResourceDirectory {
    /// Loads and validates a directory file. Throws a `ResourceDirectoryError`
    /// listing every bad entry, so an admin can fix them all in one pass.
    public static func load(path: String) throws -> ResourceDirectory {
        let document: ConfigDocument
        do {
            document = try ConfigDocument.load(path: path)
        } catch {
            throw ResourceDirectoryError(path: path, problems: [error.description])
        }
        return try parse(document)
    }

    /// Validates an already parsed document.
    public static func parse(_ document: ConfigDocument) throws -> ResourceDirectory {
        guard case .array(let items)? = document.root["service"] else {
            throw ResourceDirectoryError(path: document.path, problems: ["no [[service]] entries"])
        }
        var entries: [HelpLine] = []
        var problems: [String] = []
        var seenIDs: Set<String> = []
        for (index, item) in items.enumerated() {
            guard case .table(let table) = item else {
                problems.append("entry \(index + 1): not a table")
                continue
            }
            var entryProblems: [String] = []
            let entry = HelpLineFields(table: table, problems: &entryProblems).helpLine
            if let entry, !seenIDs.insert(entry.id).inserted {
                entryProblems.append("id \"\(entry.id)\" is used twice")
            }
            let label = "entry \(index + 1)" + (table["id"].flatMap(Self.text).map { " (\($0))" } ?? "")
            if entryProblems.isEmpty, let entry {
                entries.append(entry)
            } else {
                problems.append("\(label): " + entryProblems.joined(separator: "; "))
            }
        }
        if entries.isEmpty, problems.isEmpty { problems.append("no [[service]] entries") }
        guard problems.isEmpty else { throw ResourceDirectoryError(path: document.path, problems: problems) }
        return ResourceDirectory(entries: entries)
    }

    static func text(_ value: ConfigValue) -> String? {
        if case .string(let text) = value { return text }
        return nil
    }
}

/// Every problem found in a directory file.
public struct ResourceDirectoryError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var problems: [String]

    public var description: String {
        "\(path): \(problems.count) problem\(problems.count == 1 ? "" : "s"):\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}

/// Reads one `[[service]]` table, collecting every problem rather than stopping at the first.
private struct HelpLineFields {
    let helpLine: HelpLine?

    init(table: [String: ConfigValue], problems: inout [String]) {
        let known: Set<String> = [
            "id", "name", "purpose", "regions", "topics", "phone", "text", "chat", "web", "hours", "languages",
            "source", "checked",
        ]
        for key in table.keys.sorted() where !known.contains(key) { problems.append("unknown key \"\(key)\"") }

        func string(_ key: String, required: Bool) -> String? {
            guard let value = table[key] else {
                if required { problems.append("missing \(key)") }
                return nil
            }
            guard case .string(let text) = value else {
                problems.append("\(key): expected a string, found \(value.typeName)")
                return nil
            }
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                problems.append("\(key) is empty")
                return nil
            }
            return trimmed
        }
        func list(_ key: String) -> [String] {
            guard let value = table[key] else {
                problems.append("missing \(key)")
                return []
            }
            guard case .array(let items) = value else {
                problems.append("\(key): expected a list of strings, found \(value.typeName)")
                return []
            }
            let strings = items.compactMap(ResourceDirectory.text)
            if strings.count != items.count { problems.append("\(key): every item must be a string") }
            if strings.isEmpty { problems.append("\(key) is empty") }
            return strings
        }
        func url(_ key: String, required: Bool) -> String? {
            guard let text = string(key, required: required) else { return nil }
            guard text.hasPrefix("https://") || text.hasPrefix("http://"), !text.contains(" ") else {
                problems.append("\(key): expected an http(s) URL, found \"\(text)\"")
                return nil
            }
            return text
        }

        let id = string("id", required: true)
        if let id, !id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) {
            problems.append("id: use lowercase letters, digits and - only")
        }
        let name = string("name", required: true)
        let purpose = string("purpose", required: true)
        var regions: [RegionCode] = []
        for text in list("regions") {
            if let code = RegionCode(text) { regions.append(code) } else { problems.append("regions: unknown region \"\(text)\" (use ISO 3166-1 alpha-2 or INTL)") }
        }
        var topics: [ResourceTopic] = []
        for text in list("topics") {
            if let topic = ResourceTopic(rawValue: text) {
                topics.append(topic)
            } else {
                problems.append("topics: unknown topic \"\(text)\" (known: \(ResourceTopic.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
        }
        let phone = string("phone", required: false)
        if let phone, !phone.contains(where: \.isNumber) { problems.append("phone: \"\(phone)\" has no digits") }
        let text = string("text", required: false)
        let chat = url("chat", required: false)
        let web = url("web", required: false)
        if table["phone"] == nil, table["text"] == nil, table["chat"] == nil, table["web"] == nil {
            problems.append("needs at least one of phone, text, chat, web")
        }
        let hours = string("hours", required: true)
        let languages = list("languages")
        for language in languages where !(language.count == 2 && language.allSatisfy { $0.isASCII && $0.isLowercase }) {
            problems.append("languages: \"\(language)\" is not an ISO 639-1 code")
        }
        let source = url("source", required: true)
        let checked = string("checked", required: true)
        if let checked, !Self.isDate(checked) { problems.append("checked: expected YYYY-MM-DD, found \"\(checked)\"") }

        guard problems.isEmpty, let id, let name, let purpose, let hours, let source, let checked else {
            helpLine = nil
            return
        }
        helpLine = HelpLine(
            id: id, name: name, purpose: purpose, regions: regions, topics: topics, phone: phone, text: text,
            chat: chat, web: web, hours: hours, languages: languages, source: source, checked: checked)
    }

    private static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil
        else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }
}
