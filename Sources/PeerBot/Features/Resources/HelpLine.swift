/// One service in the help-line directory, as published by the service itself.
public struct HelpLine: Sendable, Equatable {
    public var id: String
    public var name: String
    /// What it is for, in one line.
    public var purpose: String
    public var regions: [RegionCode]
    public var topics: [ResourceTopic]
    public var phone: String?
    /// How to reach it by text message, as a sentence (`Text HOME to 741741`).
    public var text: String?
    public var chat: String?
    public var web: String?
    public var hours: String
    public var languages: [String]
    /// The service's own page the details were checked against.
    public var source: String
    /// The date they were checked (YYYY-MM-DD).
    public var checked: String

    /// One line for a chat answer: name, how to reach, hours.
    public var summaryLine: String {
        var ways: [String] = []
        if let phone { ways.append("call \(phone)") }
        if let text { ways.append(text.prefix(1).lowercased() + text.dropFirst()) }
        if let chat { ways.append("chat \(chat)") }
        if chat == nil, let web { ways.append(web) }
        var line = "• \(name) — \(ways.joined(separator: " · "))"
        if !hours.isEmpty { line += " · \(hours)" }
        return line
    }
}
