import Foundation
import Testing

/// SIGHUP reloads the configuration of a running `peerbot console`.
@Suite struct ReloadEndToEndTests {
    static let marker = "[dm:mark] You have no quiet hours. !quiet 22:00-07:00 means no check-in questions between 22:00 and 07:00 your time."

    @Test func hangupPicksUpNewAgreementsAndKeywordsWithoutARestart() async throws {
        let peer = PeerBotProcess()
        let config = try peer.writeConfig("[agreements]\nlines = [\"Be kind.\"]\n")
        let session = try PeerBotSession(peer, arguments: ["console", "--config", config])
        session.send("alice: !norms")
        session.send("bob: thinking about purging")
        session.send("mark@dm: !quiet")
        #expect(try await session.waitForLines(3) == ["[#general] This space's agreements:", "  1. Be kind.", Self.marker])

        try peer.writeConfig("""
            [agreements]
            lines = ["Be kind.", "Take turns."]
            [agreements.content_warnings.topics]
            eating = ["purging"]
            [bot]
            name = "PeerBot"
            """)
        session.signal(SIGHUP)
        try await session.waitForLog("configuration reloaded")
        session.send("alice: !norms")
        session.send("bob: thinking about purging")
        let lines = try await session.waitForLines(7)
        #expect(Array(lines[3...]) == [
            "[#general] This space's agreements:", "  1. Be kind.", "  2. Take turns.",
            "[dm:bob] Thank you for sharing. A gentle note: our agreements ask for a content warning at the start of posts that touch on eating, like \"CW: eating\", so everyone can choose when to read. If things are hard right now, !resources and !facilitator are there for you.",
        ])

        // A file that no longer loads leaves the running configuration as it was.
        try peer.writeConfig("[agreements]\nlines = \"not a list\"\n")
        session.signal(SIGHUP)
        try await session.waitForLog("configuration reload failed")
        session.send("alice: !norms")
        #expect(Array(try await session.waitForLines(10)[7...]) == [
            "[#general] This space's agreements:", "  1. Be kind.", "  2. Take turns.",
        ])

        let end = try await session.finish()
        #expect(end.status == 0)
        // The log names what changed, never the values.
        #expect(end.stderr.contains("changed=agreements.content_warnings.topics.eating,agreements.lines,bot.name"))
        #expect(end.stderr.contains("agreements.lines: expected a list of strings, found a string"))
        #expect(!end.stderr.contains("purging"))
        #expect(!end.stderr.contains("Take turns"))
    }
}
