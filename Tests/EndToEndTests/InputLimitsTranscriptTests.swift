import Foundation
import Testing

/// `[limits]` through the real `peerbot console`: a flood from one member is
/// answered a bounded number of times and never delays another member's page.
@Suite struct InputLimitsTranscriptTests {
    @Test func aFloodDoesNotDelayAnotherMembersPage() async throws {
        let peer = PeerBotProcess()
        let flood = String(repeating: "mallory: !resources crisis US\n", count: 1000)
        let transcript = flood + "bob: !facilitator\n" + flood
        let result = try await peer.console(transcript, config: try peer.writeConfig(), virtualClock: "2026-03-28T19:00:00Z")
        #expect(result.status == 0)
        let lines = result.lines.filter { !$0.hasPrefix(" ") }
        let answers = lines.indices.filter { lines[$0] == "[#general] Help lines for crisis in US:" }
        let notices = lines.indices.filter { lines[$0].hasPrefix("[dm:mallory] You're sending commands faster than I can answer") }
        // Ten answers (the burst) and one notice for 2,000 commands: the virtual clock does not move.
        #expect(answers.count == 10)
        #expect(notices.count == 1)
        let page = try #require(lines.firstIndex { $0 == "[#facilitators] @sam @riley Ticket #1: bob asked for a facilitator." })
        // The page comes straight after the flood's bounded replies, though 1,000 commands were ahead of it.
        #expect(page == 11)
        #expect(lines.indices.filter { $0 < page } == (answers + notices).sorted())
        #expect(lines[page + 1].hasPrefix("[dm:bob] I've paged the facilitators (request #1)."))
        #expect(lines.count == 13)
    }

    @Test func limitsAnswerInOneLine() async throws {
        let peer = PeerBotProcess()
        let config = try peer.writeConfig("[limits]\nmax_message_length = 200\nmax_arguments = 4\nmax_argument_length = 40\ncommand_burst = 3\ncommand_refill = \"10s\"\n")
        let transcript = """
            alice: !region a b c d e
            alice: !region \(String(repeating: "z", count: 41))
            alice: !resources \(String(repeating: "long ", count: 60))
            alice: !help
            alice: !help
            alice: !help
            :advance 10s
            alice: !region
            carol: \(String(repeating: "so much today ", count: 40)) and I can't go on anymore

            """
        let result = try await peer.console(transcript, config: config, virtualClock: "2026-03-28T19:00:00Z")
        #expect(result.status == 0)
        let lines = result.lines.filter { !$0.hasPrefix(" ") }
        #expect(lines.count == 6)
        #expect(lines[0] == "[dm:alice] That's too many words after !region (I read up to 4). Usage: !region CODE|clear")
        #expect(lines[1] == "[dm:alice] A word in that !region is over 40 characters, more than I read. Usage: !region CODE|clear")
        #expect(lines[2] == "[dm:alice] That command is too long for me to read (over 200 characters). Please shorten it.")
        #expect(lines[3] == "[dm:alice] You're sending commands faster than I can answer, so I'll skip the next ones for about 30 seconds. !facilitator always gets through.")
        #expect(lines[4].hasPrefix("[dm:alice] You have no region saved"))
        #expect(lines[5].hasPrefix("[dm:carol] Something in your message made me want to check in."))
    }
}
