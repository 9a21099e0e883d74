/// Generates 1,000 plausible crisis phrases for the matcher benchmark (the
/// shipped list is shorter): first-person wording built from stems and
/// endings such as "i want to" + "end it all". Benchmark data only — never
/// a phrase list for a real space.
enum CrisisPhraseGenerator {
    static let stems = [
        "i want to", "i just want to", "i really want to", "i need to", "i'm going to", "i am going to",
        "i'm ready to", "i plan to", "i wish i could", "i keep thinking i should", "tonight i will",
        "i'm about to", "i've decided to", "i'm thinking about how to", "i might just", "i'm going to try to",
        "i feel like i should", "i don't care if i", "part of me wants to", "i can't stop thinking i should",
    ]
    static let endings = [
        "die", "end it all", "end my life", "kill myself", "disappear forever", "stop existing", "not wake up",
        "never wake up", "hurt myself", "cut myself", "overdose", "take all my pills", "jump off a bridge",
        "give up on everything", "say goodbye to everyone", "leave this world", "be gone", "not be here anymore",
        "end the pain for good", "walk into the sea", "stop breathing", "vanish for good", "go to sleep forever",
        "make it stop for good", "finish it tonight", "not be alive", "be dead", "end things", "check out for good",
        "give away my things", "write my goodbye note", "stop fighting it", "let go for good", "not see tomorrow",
        "drive off the road", "hang myself", "starve myself", "punish myself", "burn myself", "disappear and never come back",
    ]
    static let statements = [
        "nobody would miss me", "no one would miss me", "everyone would be better off without me",
        "the world would be better without me", "i'm a burden to everyone", "there's no way out",
        "i can't go on anymore", "i can't do this anymore", "i can't take it anymore", "nothing will ever get better",
        "i have no reason to live", "life isn't worth living", "i don't want to be alive", "i wish i was dead",
        "i wish i'd never been born", "i'm done with life", "this is my last message", "goodbye forever everyone",
        "i've made my plan", "i have the pills ready",
    ]

    /// `count` distinct phrases (up to 4,820), in a fixed order: the
    /// statements, every stem with every ending, then those with a time added.
    static func phrases(count: Int = 1_000) -> [String] {
        var result = statements
        for ending in endings {
            for stem in stems { result.append("\(stem) \(ending)") }
        }
        for time in ["tonight", "today", "this week", "right now", "soon"] {
            for ending in endings {
                for stem in stems where result.count < count { result.append("\(stem) \(ending) \(time)") }
            }
        }
        return Array(result.prefix(count))
    }
}
