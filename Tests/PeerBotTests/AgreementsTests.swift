import Foundation
import Testing
@testable import PeerBot

@Suite struct AgreementsTests {
    static func configure(_ configuration: inout BotConfiguration) {
        configuration.agreements.lines = ["Be kind.", "Take turns."]
        configuration.agreements.reminders.every = 2 * 3600
        configuration.agreements.reminders.minMessages = 3
        configuration.agreements.reminders.channels = ["general"]
        configuration.agreements.contentWarnings.topics = [("self-harm", ["self-harm", "cutting myself", "suicid*"])]
        configuration.agreements.contentWarnings.cooldown = 12 * 3600
        // These tests are about reminders alone; crisis offers are tested with them below.
        configuration.crisis.defaultPolicy.mode = .off
    }

    @Test func crisisLanguageGetsAnOfferOfSupportInsteadOfAReminder() async throws {
        let harness = try await BotHarness.standard(at: "2026-04-01T12:00:00Z") { configuration in
            configuration.agreements.contentWarnings.topics = [("self-harm", ["self-harm", "cutting myself"])]
        }
        let answer = await harness.say("bob", "I have been cutting myself again")
        #expect(answer.count == 1)
        #expect(answer.first?.isPrivate(to: "bob") == true)
        #expect(answer.first?.text?.contains("made me want to check in") == true)
        #expect(answer.first?.text?.contains("content warning") == false)
        let nudge = await harness.say("carol", "self-harm came up in therapy today")
        #expect(nudge.first?.text?.contains("content warning") == true)
    }

    static let agreements = "This space's agreements:\n1. Be kind.\n2. Take turns."

    @Test func normsAgreementsAndBoundariesWithoutArgumentShowThem() async throws {
        let harness = try await BotHarness.standard(at: "2026-04-01T12:00:00Z", configure: Self.configure)
        for command in ["!norms", "!agreements", "!boundaries"] {
            let answer = await harness.say("alice", command)
            #expect(answer.count == 1)
            #expect(answer.first?.isPosted(in: "general") == true, "\(command)")
            #expect(answer.first?.text == Self.agreements, "\(command)")
        }
        #expect(await harness.say("alice", "!norms please").first?.text == "Usage: !norms — no arguments needed")
    }

    @Test func aSpaceWithoutAgreementsSaysSo() async throws {
        let harness = try await BotHarness.standard(at: "2026-04-01T12:00:00Z") { $0.agreements.lines = [] }
        #expect(await harness.say("alice", "!norms").first?.text == "This space hasn't written down its agreements yet.")
        #expect(await harness.join("dana").isEmpty)
    }

    @Test func newMembersAreWelcomedPrivatelyByDefault() async throws {
        let harness = try await BotHarness.standard(at: "2026-04-01T12:00:00Z", configure: Self.configure)
        let welcome = await harness.join("dana")
        #expect(welcome.count == 1)
        #expect(welcome.first?.isPrivate(to: "dana") == true)
        #expect(welcome.first?.text == """
            Welcome, dana! I'm PeerBot, a bot here. This space's agreements:
            1. Be kind.
            2. Take turns.
            !help shows what I can do.
            """)
    }

    @Test func welcomeCanGoToAChannelOrNowhere() async throws {
        let channel = try await BotHarness.standard(at: "2026-04-01T12:00:00Z") {
            Self.configure(&$0)
            $0.agreements.welcome = .channel
            $0.agreements.welcomeChannel = "welcome"
        }
        let posted = await channel.join("dana")
        #expect(posted.first?.isPosted(in: "welcome") == true)
        #expect(posted.first?.text?.hasPrefix("Welcome, @dana! I'm PeerBot, a bot. This space's agreements:\n1. Be kind.") == true)
        let off = try await BotHarness.standard(at: "2026-04-01T12:00:00Z") { $0.agreements.welcome = .off }
        #expect(await off.join("dana").isEmpty)
    }

    @Test func periodicRemindersNeedEnoughMessagesAndNeverGoToAQuietChannel() async throws {
        let harness = try await BotHarness.standard(at: "2026-04-01T12:00:00Z", configure: Self.configure)
        await harness.say("alice", "hello")
        await harness.say("bob", "hi")
        await harness.say("bob", "!norms")  // a command is not conversation
        // Two messages by the first look: nothing posted, still watching.
        #expect(await harness.advance(by: 2 * 3600).filter { $0.action.isPosted(in: "general") }.isEmpty)
        await harness.say("carol", "morning all")
        let reminded = await harness.advance(by: 2 * 3600)
        #expect(reminded.count == 1)
        #expect(reminded.first?.at.formatted(.iso8601) == "2026-04-01T16:00:00Z")
        #expect(reminded.first?.action.isPosted(in: "general") == true)
        #expect(reminded.first?.action.text == "A friendly reminder of our agreements:\n1. Be kind.\n2. Take turns.")
        // Silence: no reminder, and no more looks scheduled.
        #expect(await harness.advance(by: 24 * 3600).isEmpty)
        #expect(try harness.pendingJobs(kind: AgreementsFeature.periodicKind).isEmpty)
        // Talk again: the count starts from zero.
        for name in ["alice", "bob"] { await harness.say(name, "back again") }
        #expect(await harness.advance(by: 2 * 3600).isEmpty)
        await harness.say("carol", "yes")
        #expect(await harness.advance(by: 2 * 3600).count == 1)
    }

    @Test func channelMessagesAreCountedInMemoryAndSavedAtTheFlush() async throws {
        let harness = try await BotHarness.standard(at: "2026-04-01T12:00:00Z", configure: Self.configure)
        // The first message counts in the store, since it schedules the channel's first look.
        await harness.say("alice", "hello")
        #expect(try harness.store.read { try $0.channelActivity("console:general") }?.messagesSinceReminder == 1)
        for name in ["bob", "carol", "dana"] { await harness.say(name, "hi") }
        #expect(try harness.store.read { try $0.channelActivity("console:general") }?.messagesSinceReminder == 1)
        await harness.bot.flushFeatures()
        #expect(try harness.store.read { try $0.channelActivity("console:general") }?.messagesSinceReminder == 4)
        // A reload writes what the old features counted before they go.
        await harness.say("erin", "evening")
        let configuration = await harness.bot.configuration
        try await harness.bot.reload(
            configuration: configuration,
            features: StandardFeatures.make(
                configuration: configuration, directory: try Fixtures.resourceDirectory(),
                crisisMatcher: try Fixtures.shippedCrisisMatcher()))
        #expect(try harness.store.read { try $0.channelActivity("console:general") }?.messagesSinceReminder == 5)
    }

    @Test func periodicRemindersOnlyInListedChannels() async throws {
        let harness = try await BotHarness.standard(at: "2026-04-01T12:00:00Z", configure: Self.configure)
        let offTopic = ChannelRef(platform: .console, space: "console", id: "offtopic", name: "offtopic")
        for _ in 0..<5 { await harness.say("alice", "chatter", channel: offTopic) }
        for _ in 0..<5 { await harness.dm("alice", "private chatter") }
        #expect(await harness.advance(by: 6 * 3600).isEmpty)
        #expect(try harness.store.read { try $0.channelActivity("console:offtopic") } == nil)
    }

    @Test func topicRemindersGoToTheAuthorAloneOncePerCooldown() async throws {
        let harness = try await BotHarness.standard(at: "2026-04-01T12:00:00Z", configure: Self.configure)
        let first = await harness.say("bob", "I keep cutting myself when it gets bad")
        #expect(first.count == 1)
        #expect(first.first?.isPrivate(to: "bob") == true)
        #expect(first.first?.text?.contains("content warning at the start of posts that touch on self-harm, like \"CW: self-harm\"") == true)
        #expect(await harness.say("bob", "still thinking about self-harm").isEmpty)
        _ = await harness.advance(by: 11 * 3600)
        #expect(await harness.say("bob", "feeling suicidal").isEmpty)
        _ = await harness.advance(by: 3600)
        #expect(await harness.say("bob", "feeling suicidal").count == 1)
        // Another member has their own cooldown.
        #expect(await harness.say("carol", "Self-Harm again").count == 1)
    }

    @Test func aContentWarningOrASpoilerNeedsNoReminder() async throws {
        let harness = try await BotHarness.standard(at: "2026-04-01T12:00:00Z", configure: Self.configure)
        for text in [
            "CW: self-harm. I relapsed yesterday", "tw: cutting myself", "**CW self-harm** long story",
            "it happened again ||I was cutting myself||", "a pharmacy visit", "selfish harmony", "!checkin 2 self-harm urges",
        ] {
            #expect(await harness.say("bob", text).filter { !$0.isPrivate(to: "bob") || $0.text?.contains("content warning") == true }.isEmpty, "\(text)")
        }
        #expect(await harness.dm("bob", "self-harm").isEmpty)
        #expect(await harness.say("bob", "||spoiler|| then self-harm in the open").count == 1)
    }

    @Test func topicRemindersAreDescribedAndForgotten() async throws {
        let harness = try await BotHarness.standard(at: "2026-04-01T12:00:00Z", configure: Self.configure)
        await harness.say("bob", "self-harm")
        var configuration = BotConfiguration()
        Self.configure(&configuration)
        let feature = AgreementsFeature(settings: configuration.agreements)
        let bob = BotHarness.member("bob")
        let now = harness.clock.now
        let lines = try harness.store.read {
            try feature.describeData(of: bob, context: BotContext(store: $0, now: now, configuration: configuration))
        }
        #expect(lines == ["Content-warning reminder about self-harm: last sent 2026-04-01T12:00:00Z"])
        try harness.store.write { try feature.forget(bob, context: BotContext(store: $0, now: now, configuration: configuration)) }
        #expect(try harness.store.read { try $0.topicReminders(of: "console:bob") }.isEmpty)
        #expect(await harness.say("bob", "self-harm").count == 1)
    }
}
