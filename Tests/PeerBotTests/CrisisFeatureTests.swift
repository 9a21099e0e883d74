import Foundation
import Testing
@testable import PeerBot

/// Crisis-language offers through the `Bot`: private, cooled down, opt-out-able, never logged.
@Suite struct CrisisFeatureTests {
    /// A bot with escalation and crisis offers, whose crisis logs are captured.
    func harness(_ configure: @escaping (inout BotConfiguration) -> Void = { _ in }, logs: LogCapture = LogCapture())
        async throws -> BotHarness
    {
        try await BotHarness(
            configure: { configuration in
                configuration.escalation.facilitators = ["console:sam"]
                configure(&configuration)
            },
            features: { configuration in
                let directory = try Fixtures.resourceDirectory()
                return [
                    EscalationFeature(configuration: configuration, directory: directory),
                    CrisisFeature(
                        configuration: configuration, directory: directory, matcher: try Fixtures.shippedCrisisMatcher(),
                        logger: logs.logger("crisis")),
                ]
            })
    }

    @Test func theAuthorAloneGetsAWarmPrivateOffer() async throws {
        let harness = try await harness()
        let actions = await harness.say("alice", "Honestly I Can’t Go On Anymore")
        #expect(actions.count == 1)
        let offer = try #require(actions.first)
        #expect(offer.isPrivate(to: "alice"))
        #expect(!offer.isPublic)
        let text = try #require(offer.text)
        #expect(text.hasPrefix("Something in your message made me want to check in."))
        #expect(text.contains("Find A Helpline"))
        #expect(text.contains("type !facilitator"))
        #expect(text.contains("!crisisscan off"))
        #expect(text.contains("I'm a bot"))
        if case .replyPrivately(_, _, let origin) = offer { #expect(origin?.channel == BotHarness.general) }
    }

    @Test func aSavedRegionGetsLocalLines() async throws {
        let harness = try await harness()
        try harness.store.write { try $0.setSetting(.region, of: "console:alice", to: "GB") }
        let offer = await harness.say("alice", "i want to die")
        #expect(offer.first?.text?.contains("Samaritans") == true)
    }

    @Test func ordinaryTalkAndCommandsGetNothing() async throws {
        let harness = try await harness()
        #expect(await harness.say("carol", "you're so skilled, you're killing it").isEmpty)
        // A command is not scanned: someone typing !facilitator has already asked.
        let command = await harness.say("alice", "!facilitator I want to die")
        #expect(command.count == 2)
        #expect(!command.contains { $0.text?.hasPrefix("Something in your message") == true })
    }

    @Test func facilitatorsDiscussingAMemberInTheirChannelGetNoOffer() async throws {
        let harness = try await harness()
        #expect(await harness.facilitator("sam", "alice told me: I want to die. Can someone check in?").isEmpty)
        // The same words elsewhere are the facilitator's own, and get the offer.
        #expect(await harness.say("sam", "honestly I want to die", role: .facilitator).count == 1)
    }

    @Test func theCooldownHolds() async throws {
        let harness = try await harness()
        #expect(await harness.say("alice", "I want to kill myself").count == 1)
        #expect(await harness.say("alice", "I want to kill myself").isEmpty)
        harness.clock.advance(by: 5 * 3600)
        #expect(await harness.say("alice", "i want to die").isEmpty)
        // Someone else is not affected by alice's cooldown.
        #expect(await harness.say("bob", "i want to die").count == 1)
        harness.clock.advance(by: 3600 + 1)
        #expect(await harness.say("alice", "i want to die").count == 1)
    }

    @Test func theOptOutHolds() async throws {
        let harness = try await harness()
        let off = await harness.say("alice", "!crisisscan off")
        #expect(off.first?.text?.hasPrefix("Done: I won't check your messages for crisis language any more.") == true)
        #expect(off.first?.isPrivate(to: "alice") == true)
        #expect(await harness.say("alice", "I want to kill myself").isEmpty)
        #expect(await harness.say("alice", "!crisisscan").first?.text?.hasPrefix("Crisis-language offers are off for you.") == true)
        await harness.say("alice", "!crisisscan on")
        #expect(await harness.say("alice", "I want to kill myself").count == 1)
        #expect(await harness.say("alice", "!crisisscan maybe").first?.text == "Usage: !crisisscan [off|on] — !crisisscan off or !crisisscan on")
    }

    @Test func aSpaceCanForbidTheOptOut() async throws {
        let harness = try await harness { configuration in
            configuration.crisis.spaces["console:console"] = CrisisSpacePolicy(mode: .offer, allowOptOut: false)
        }
        let refused = await harness.say("alice", "!crisisscan off")
        #expect(refused.first?.text?.hasPrefix("This space has asked me to keep these offers on for everyone") == true)
        try harness.store.write { try $0.setSetting(.crisisScan, of: "console:alice", to: "off") }
        let offer = await harness.say("alice", "I want to kill myself")
        #expect(offer.count == 1)
        #expect(offer.first?.text?.contains("crisisscan") == false)
    }

    @Test func offerAndNotifyTellsFacilitatorsWhoWhereWhenButNotWhat() async throws {
        let harness = try await harness { $0.crisis.defaultPolicy.mode = .offerAndNotify }
        let actions = await harness.say("alice", "I want to end my life")
        #expect(actions.count == 2)
        #expect(actions[0].isPrivate(to: "alice"))
        #expect(actions[1].isPosted(in: "facilitators"))
        let notice = try #require(actions[1].text)
        #expect(notice.hasPrefix("Heads-up: I sent alice a private message with crisis lines after something they wrote in #general at 2026-09-21"))
        #expect(notice.contains("Their message is not shared here."))
        #expect(!notice.contains("end my life"))
        #expect(!actions.contains { $0.isPublic })
    }

    @Test func shareTextIncludesTheMessageForFacilitators() async throws {
        let harness = try await harness { $0.crisis.defaultPolicy = CrisisSpacePolicy(mode: .offerAndNotify, shareText: true) }
        let actions = await harness.say("alice", "I want to end my life")
        #expect(actions[1].text?.contains("Their message: \"I want to end my life\"") == true)
    }

    @Test func modeOffScansNothing() async throws {
        let harness = try await harness { $0.crisis.defaultPolicy.mode = .off }
        #expect(await harness.say("alice", "I want to kill myself").isEmpty)
        #expect(await harness.say("alice", "!crisisscan").first?.text == "This space doesn't use crisis-language offers.")
    }

    @Test func anOpenTicketChangesTheOfferAndPrivateWordsAreRelayedInstead() async throws {
        let harness = try await harness()
        await harness.say("alice", "!facilitator")
        let offer = await harness.say("alice", "i want to die")
        #expect(offer.first?.text?.contains("Your request #1 is open") == true)
        // In private, the words go to the facilitators (the relay), not to the scanner.
        let relayed = await harness.say("alice", "i want to die", channel: BotHarness.direct("alice"))
        #expect(relayed.first?.text == "Ticket #1 · alice: i want to die")
        #expect(relayed.count == 2)
    }

    @Test func logsSayThatItFiredNeverTheText() async throws {
        let logs = LogCapture()
        let harness = try await harness({ _ in }, logs: logs)
        await harness.say("alice", "secret words: I want to kill myself")
        await harness.say("alice", "secret words: I want to kill myself")
        #expect(logs.lines.count == 2)
        #expect(logs.lines[0].contains("crisis-language offer sent"))
        #expect(logs.lines[1].contains("cooldown"))
        #expect(!logs.lines.contains { $0.contains("secret") || $0.contains("kill") || $0.contains("alice") })
    }
}
