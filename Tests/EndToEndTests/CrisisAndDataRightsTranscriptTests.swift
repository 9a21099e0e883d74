import Foundation
import PeerBot
import Testing

/// Crisis-language offers and data rights through the real `peerbot console`.
@Suite struct CrisisAndDataRightsTranscriptTests {
    @Test func offersArePrivateCooledDownAndOptional() async throws {
        let peer = PeerBotProcess()
        let result = try await peer.console(
            """
            alice: Honestly I Can’t Go On Anymore
            alice: I can't go on anymore
            carol: you're so skilled, you're killing it
            bob: !crisisscan off
            bob: i want to die
            """, config: try peer.writeConfig(), virtualClock: "2026-03-28T19:00:00Z")
        #expect(result.status == 0)
        #expect(result.lines.first == "[dm:alice] Something in your message made me want to check in. If things feel really hard right now, you don't have to go through it alone — you can reach people now:")
        #expect(result.lines.contains("  If you'd like a person from the facilitator team to reach out, type !facilitator (add anon to leave your name out)."))
        #expect(result.lines.contains("  I'm a bot and only you can see this. If I got it wrong, sorry — !crisisscan off stops these."))
        #expect(result.lines.filter { $0.hasPrefix("[") } == [
            "[dm:alice] Something in your message made me want to check in. If things feel really hard right now, you don't have to go through it alone — you can reach people now:",
            "[dm:bob] Done: I won't check your messages for crisis language any more. !crisisscan on turns it back on.",
        ])
        #expect(!result.stdout.contains("[#"))
        #expect(!result.stderr.contains("Go On"))
    }

    @Test func offerAndNotifyGivesFacilitatorsAMinimalNotice() async throws {
        let peer = PeerBotProcess()
        let result = try await peer.console(
            "alice: i want to end my life\n", config: try peer.writeConfig(crisis: "mode = \"offer+notify\""),
            virtualClock: "2026-03-28T19:00:00Z")
        #expect(result.lines.filter { $0.hasPrefix("[") }.count == 2)
        #expect(result.lines.contains(
            "[#facilitators] Heads-up: I sent alice a private message with crisis lines after something they wrote in #general at 2026-03-28 19:00 UTC. Their message is not shared here."))
        #expect(!result.stdout.contains("end my life"))
    }

    @Test func forgetmeConfirmLeavesNoRowNamingTheMember() async throws {
        let peer = PeerBotProcess()
        let config = try peer.writeConfig()
        let result = try await peer.console(
            """
            zoe@dm: !region GB
            zoe: I want to kill myself
            zoe: !facilitator rough night
            sam@facilitators: !reply 1 I'm here
            zoe@dm: thank you
            sam@facilitators: !resolve 1
            zoe@dm: !facilitator anon again
            zoe@dm: !crisisscan off
            zoe@dm: !mydata
            zoe@dm: !forgetme
            zoe@dm: !forgetme confirm
            zoe@dm: !mydata
            """, config: config, virtualClock: "2026-03-28T19:00:00Z")
        #expect(result.status == 0)
        #expect(result.lines.contains("[dm:zoe] Everything I keep about you (console:zoe):"))
        #expect(result.lines.contains("  • Region for help lines: GB"))
        #expect(result.lines.contains { $0.hasPrefix("[dm:zoe] This deletes everything I keep about you") && $0.hasSuffix("To go ahead: !forgetme confirm") })
        #expect(result.lines.contains("[#facilitators] Ticket #2 was withdrawn: the member asked me to delete their data. Paging stopped."))
        #expect(result.lines.contains("[dm:zoe] Done. I've deleted everything I kept about you and removed your name from past requests. If you talk to me again, I'll start fresh."))
        #expect(result.lines.contains { $0.hasPrefix("[dm:zoe] I keep nothing about you (console:zoe).") })

        let store = try SQLiteStore(path: peer.databasePath)
        let tables = try store.rawRows("SELECT name FROM sqlite_master WHERE type = 'table'").compactMap { $0["name"] }
        #expect(tables.contains("ticket") && tables.contains("audit_event") && tables.contains("member_setting"))
        var offenders: [String] = []
        for table in tables {
            for row in try store.rawRows("SELECT * FROM \"\(table)\"") {
                for (column, value) in row where value.localizedCaseInsensitiveContains("zoe") {
                    offenders.append("\(table).\(column): \(value)")
                }
            }
        }
        #expect(offenders.isEmpty, "\(offenders)")
        // The audit keeps the events, pseudonymised.
        let export = try await peer.run(["audit", "export", "--config", config])
        #expect(export.stdout.contains(",opened,forgotten-"))
        #expect(!export.stdout.contains("zoe"))
    }
}
