import Foundation
import Testing

/// Agreements, topic reminders and boundaries through the real `peerbot console`.
/// `mark@dm: !quiet` lines print one known line; they show where in the
/// transcript a reminder did (or did not) come.
@Suite struct AgreementTranscriptTests {
    static let marker = "[dm:mark] You have no quiet hours. !quiet 22:00-07:00 means no check-in questions between 22:00 and 07:00 your time."

    @Test func joiningMembersSeeTheAgreementsPrivately() async throws {
        let peer = PeerBotProcess()
        let config = try peer.writeConfig("[agreements]\nlines = [\"Be kind.\", \"Take turns.\"]\n")
        let result = try await peer.console(":join dana\nalice: !agreements\n", config: config)
        #expect(result.lines == [
            "[dm:dana] Welcome, dana! I'm PeerBot, a bot here. This space's agreements:",
            "  1. Be kind.",
            "  2. Take turns.",
            "  !help shows what I can do.",
            "[#general] This space's agreements:",
            "  1. Be kind.",
            "  2. Take turns.",
        ])
    }

    @Test func periodicRemindersHonourTheMessageThreshold() async throws {
        let peer = PeerBotProcess()
        let config = try peer.writeConfig("""
            [agreements]
            lines = ["Be kind.", "Take turns."]
            [agreements.reminders]
            every = "2h"
            min_messages = 3
            channels = ["general"]
            """)
        let result = try await peer.console(
            """
            alice: hello everyone
            bob: hi alice
            bob: !checkin 4
            alice@lounge: a channel without reminders
            alice@lounge: still counting nothing
            alice@lounge: and again
            :advance 2h
            mark@dm: !quiet
            carol: morning
            :advance 2h
            mark@dm: !quiet
            :advance 1d
            mark@dm: !quiet
            alice: a quiet day
            bob: yes
            :advance 2h
            mark@dm: !quiet
            """, config: config, virtualClock: "2026-04-01T12:00:00Z")
        #expect(result.lines == [
            "[dm:bob] Thanks for checking in — 4/5. Noted, just for you.",
            Self.marker,  // two messages (a command does not count): no reminder
            "[#general] A friendly reminder of our agreements:",  // the third message: reminder at the next look
            "  1. Be kind.",
            "  2. Take turns.",
            Self.marker,
            Self.marker,  // a silent day: nothing
            Self.marker,  // two messages since the reminder: nothing
        ])
    }

    @Test func topicRemindersHonourTheContentWarningAndTheCooldown() async throws {
        let peer = PeerBotProcess()
        let config = try peer.writeConfig("""
            [agreements.content_warnings]
            cooldown = "12h"
            [agreements.content_warnings.topics]
            self-harm = ["self-harm", "self harm", "cutting myself"]
            """)
        let result = try await peer.console(
            """
            bob: self harm came up again today
            mark@dm: !quiet
            bob: still thinking about self harm
            erin: CW: self-harm — it happened again
            erin: it happened again ||cutting myself||
            erin@dm: self-harm, just telling the bot
            mark@dm: !quiet
            :advance 11h59m
            bob: self-harm is on my mind
            mark@dm: !quiet
            :advance 1m
            bob: self-harm is on my mind
            erin: self harm again, no warning this time
            """, config: config, virtualClock: "2026-04-01T12:00:00Z")
        let reminder =
            "Thank you for sharing. A gentle note: our agreements ask for a content warning at the start of posts that touch on self-harm, like \"CW: self-harm\", so everyone can choose when to read. If things are hard right now, !resources and !facilitator are there for you."
        #expect(result.lines == [
            "[dm:bob] \(reminder)",
            Self.marker,  // bob within the cooldown; erin with a marker, a spoiler, a private message: nothing
            Self.marker,
            Self.marker,  // 11h59m later: still within bob's cooldown
            "[dm:bob] \(reminder)",
            "[dm:erin] \(reminder)",
        ])
    }

    @Test func boundaryRemindersComeOncePerPairPerDay() async throws {
        let peer = PeerBotProcess()
        let result = try await peer.console(
            """
            dana: !boundary set listening only, please no advice
            bob: @dana have you tried yoga?
            dana: !boundary remind on
            bob: @dana have you tried yoga?
            bob: @dana or running?
            carol: @dana sending hugs
            dana: thanks @carol
            :advance 23h59m
            bob: @dana still there?
            mark@dm: !quiet
            :advance 1m
            bob: @dana morning
            erin: !boundary @dana
            """, config: try peer.writeConfig(), virtualClock: "2026-04-01T12:00:00Z")
        let boundary =
            "dana has shared a personal boundary: “listening only, please no advice”. (I mention it at most once a day.)"
        #expect(result.lines == [
            "[dm:dana] Saved. Others can read it with !boundary dana. !boundary remind on also shows it privately to whoever mentions or replies to you.",
            "[dm:dana] Reminders on: whoever mentions or replies to you gets your boundary privately, at most once a day each.",
            "[dm:bob] \(boundary)",
            "[dm:carol] \(boundary)",
            Self.marker,  // bob again within the day: nothing
            "[dm:bob] \(boundary)",
            "[dm:erin] dana's boundary: “listening only, please no advice”",
        ])
    }
}
