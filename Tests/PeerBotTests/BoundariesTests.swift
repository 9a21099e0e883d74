import Foundation
import Testing
@testable import PeerBot

@Suite struct BoundariesTests {
    @Test func setShowAndClear() async throws {
        let harness = try await BotHarness.standard(at: "2026-04-01T12:00:00Z")
        #expect(await harness.say("dana", "!boundary").first?.text?.hasPrefix("You haven't shared a boundary.") == true)
        let saved = await harness.say("dana", "!boundary set listening only, please no advice")
        #expect(saved.map(\.text) == [
            "Saved. Others can read it with !boundary dana. !boundary remind on also shows it privately to whoever mentions or replies to you."
        ])
        #expect(saved.first?.isPrivate(to: "dana") == true)
        #expect(await harness.say("dana", "!boundary").map(\.text) == [
            "Your boundary: “listening only, please no advice” (reminders off). !boundary clear removes it."
        ])
        for name in ["dana", "@dana", "DANA"] {
            let shown = await harness.say("alice", "!boundary \(name)")
            #expect(shown.map(\.text) == ["dana's boundary: “listening only, please no advice”"], "\(name)")
            #expect(shown.first?.isPrivate(to: "alice") == true)
        }
        #expect(await harness.say("alice", "!boundary zoe").map(\.text) == ["zoe hasn't shared a boundary."])
        #expect(await harness.say("dana", "!boundary clear").map(\.text) == ["Done: your boundary is removed."])
        #expect(await harness.say("dana", "!boundary clear").map(\.text) == [
            "You have no boundary saved, so there is nothing to clear."
        ])
        #expect(await harness.say("alice", "!boundary dana").map(\.text) == ["dana hasn't shared a boundary."])
    }

    @Test func quotesAreTrimmedAndNewlinesFolded() async throws {
        let harness = try await BotHarness.standard(at: "2026-04-01T12:00:00Z")
        await harness.say("dana", "!boundary set \"no DMs\nplease\"")
        #expect(try harness.store.read { try $0.boundary(of: "console:dana") }?.text == "no DMs please")
    }

    @Test func tooLongAndMalformedInputGetsOneLine() async throws {
        let harness = try await BotHarness.standard(at: "2026-04-01T12:00:00Z")
        let cases: [(String, String)] = [
            ("!boundary set " + String(repeating: "a", count: 301), "A boundary can be up to 300 characters; yours has 301. Please shorten it."),
            ("!boundary set " + String(repeating: "b", count: 10 * 1024),
             "That command is too long for me to read (over 4,000 characters). Please shorten it."),
            ("!boundary set", "What should your boundary say? For example !boundary set listening only, please no advice."),
            ("!boundary remind", "Say !boundary remind on or !boundary remind off."),
            ("!boundary remind maybe", "Say !boundary remind on or !boundary remind off."),
            ("!boundary remind on", "Set a boundary first, e.g. !boundary set listening only, please no advice."),
            ("!boundary dana zoe", "Usage: !boundary set TEXT | clear | NAME | remind on|off — to share yours, start with set: !boundary set TEXT"),
            ("!boundary @", "Usage: !boundary set TEXT | clear | NAME | remind on|off — a member's name, e.g. !boundary alex"),
        ]
        for (input, expected) in cases {
            let answer = await harness.say("dana", input)
            #expect(answer.map(\.text) == [expected], "\(input.prefix(40))")
            #expect(answer.first?.isPrivate(to: "dana") == true)
        }
        #expect(try harness.store.read { try $0.boundary(of: "console:dana") } == nil)
    }

    @Test func remindersComeOncePerPairPerDay() async throws {
        let harness = try await BotHarness.standard(at: "2026-04-01T12:00:00Z")
        await harness.say("dana", "!boundary set listening only, please no advice")
        // Reminders are off until dana turns them on.
        #expect(await harness.post("bob", "@dana try yoga", mentioning: ["dana"]).isEmpty)
        #expect(await harness.say("dana", "!boundary remind on").map(\.text) == [
            "Reminders on: whoever mentions or replies to you gets your boundary privately, at most once a day each."
        ])
        let reminded = await harness.post("bob", "@dana try yoga", mentioning: ["dana"])
        #expect(reminded.map(\.text) == [
            "dana has shared a personal boundary: “listening only, please no advice”. (I mention it at most once a day.)"
        ])
        #expect(reminded.first?.isPrivate(to: "bob") == true)
        #expect(await harness.post("bob", "@dana and also", mentioning: ["dana"]).isEmpty)
        #expect(await harness.post("carol", "@dana hugs", mentioning: ["dana", "dana"]).count == 1)
        _ = await harness.advance(by: 86_400 - 1)
        #expect(await harness.post("bob", "@dana again", mentioning: ["dana"]).isEmpty)
        _ = await harness.advance(by: 1)
        #expect(await harness.post("bob", "@dana again", mentioning: ["dana"]).count == 1)
        // Not for dana herself, not in a command, not in a private message to the bot.
        #expect(await harness.post("dana", "@dana note to self", mentioning: ["dana"]).isEmpty)
        #expect(await harness.post("erin", "!boundary @dana", mentioning: ["dana"]).map(\.text) == [
            "dana's boundary: “listening only, please no advice”"
        ])
        #expect(await harness.post("erin", "@dana hi", mentioning: ["dana"], channel: BotHarness.directChannel("erin")).isEmpty)
        await harness.say("dana", "!boundary remind off")
        #expect(await harness.post("erin", "@dana hi", mentioning: ["dana"]).isEmpty)
    }

    @Test func boundariesAndRemindersAreDescribedAndForgotten() async throws {
        let harness = try await BotHarness.standard(at: "2026-04-01T12:00:00Z")
        await harness.say("dana", "!boundary set no advice")
        await harness.say("dana", "!boundary remind on")
        await harness.say("bob", "!boundary set ask before DMs")
        await harness.say("bob", "!boundary remind on")
        await harness.post("bob", "@dana hi", mentioning: ["dana"])
        await harness.post("dana", "@bob hi", mentioning: ["bob"])
        let feature = BoundariesFeature(settings: BoundarySettings(), agreements: AgreementSettings())
        let dana = BotHarness.member("dana")
        let now = harness.clock.now
        func describe() throws -> [String] {
            try harness.store.read {
                try feature.describeData(of: dana, context: BotContext(store: $0, now: now, configuration: BotConfiguration()))
            }
        }
        #expect(try describe() == [
            "Boundary: “no advice” (reminders on, shown as dana)",
            "Your boundary was shown to console:bob on 2026-04-01T12:00:00Z",
            "You were shown console:bob's boundary on 2026-04-01T12:00:00Z",
        ])
        try harness.store.write { try feature.forget(dana, context: BotContext(store: $0, now: now, configuration: BotConfiguration())) }
        #expect(try describe().isEmpty)
        #expect(try harness.store.read { try $0.boundary(of: "console:bob") }?.text == "ask before DMs")
    }
}
