/// The fixed vocabulary of help-line topics, with the words members use for them.
public enum ResourceTopic: String, CaseIterable, Sendable, Codable {
    case crisis
    case suicide
    case warmline
    case substanceUse = "substance-use"
    case lgbtq
    case youth
    case veterans
    case domesticViolence = "domestic-violence"
    case eatingDisorders = "eating-disorders"
    case sexualAssault = "sexual-assault"
    case mentalHealth = "mental-health"
    case finder

    /// Words and phrases that name this topic, lowercase.
    var synonyms: [String] {
        switch self {
        case .crisis: ["crisis", "emergency", "urgent", "help", "now"]
        case .suicide: ["suicide", "suicidal", "self-harm", "selfharm", "self harm", "kill myself"]
        case .warmline: ["warmline", "warm line", "talk", "lonely", "loneliness", "listen", "chat"]
        case .substanceUse:
            [
                "substance-use", "substance use", "substance", "substances", "addiction", "addicted", "drugs",
                "drug", "alcohol", "drinking", "recovery", "sober", "gambling",
            ]
        case .lgbtq: ["lgbtq", "lgbt", "lgbtq+", "lgbtqia", "lgbtqia+", "queer", "gay", "lesbian", "bi", "trans", "transgender", "nonbinary"]
        case .youth: ["youth", "young", "teen", "teens", "kids", "kid", "child", "children", "student", "students"]
        case .veterans: ["veterans", "veteran", "vets", "military", "army", "service members"]
        case .domesticViolence:
            ["domestic-violence", "domestic violence", "domestic", "dv", "abuse", "abusive", "partner abuse"]
        case .eatingDisorders:
            ["eating-disorders", "eating disorders", "eating disorder", "eating", "ed", "anorexia", "bulimia", "binge"]
        case .sexualAssault: ["sexual-assault", "sexual assault", "rape", "assault", "sexual violence"]
        case .mentalHealth: ["mental-health", "mental health", "mental", "anxiety", "depression", "depressed", "wellbeing"]
        case .finder: ["finder", "directory", "international", "worldwide", "other"]
        }
    }

    /// The topic a member's word most likely means: an exact synonym first,
    /// then a synonym within one typo (two for long words).
    public static func match(_ text: String) -> ResourceTopic? {
        let word = text.lowercased().trimmingCharacters(in: .whitespaces)
        guard !word.isEmpty, word.count <= 40 else { return nil }
        for topic in allCases where topic.synonyms.contains(word) { return topic }
        guard word.count >= 4 else { return nil }
        let limit = word.count >= 8 ? 2 : 1
        var best: (ResourceTopic, Int)? = nil
        for topic in allCases {
            for synonym in topic.synonyms where synonym.count >= 4 {
                let distance = EditDistance.between(word, synonym, limit: limit)
                if distance <= limit, distance < (best?.1 ?? limit + 1) { best = (topic, distance) }
            }
        }
        return best?.0
    }
}

extension ResourceTopic {
    /// How a topic reads in a sentence.
    public var label: String {
        switch self {
        case .substanceUse: "substance use"
        case .lgbtq: "LGBTQ+"
        case .domesticViolence: "domestic violence"
        case .eatingDisorders: "eating disorders"
        case .sexualAssault: "sexual assault"
        case .mentalHealth: "mental health"
        default: rawValue
        }
    }
}
