import Foundation
import PeerBot
import Testing

/// Every facilitator and admin command, typed by a plain member into the real
/// `peerbot console` — in a public channel, in the facilitators' channel and
/// privately — is refused and changes nothing; look-alike command names and
/// member names grant nothing either.
@Suite struct ConsolePermissionTests {
    static let start = "2026-03-28T19:00:00Z"

    @Test func aMemberRunningEveryPrivilegedCommandIsRefusedAndNothingChanges() async throws {
        // Two runs from the same virtual instant: bob's request alone, then bob's
        // request followed by everything alice tries. Their stored state must match.
        let baseline = PeerBotProcess(), probed = PeerBotProcess()
        let opening = "bob: !facilitator rough night\n"
        // One member sends every command at once: the per-member rate limit (tested on its own) is lifted.
        let unlimited = "[limits]\ncommand_burst = 10000\n"
        let baselineRun = try await baseline.console(opening, config: try baseline.writeConfig(unlimited), virtualClock: Self.start)
        #expect(baselineRun.status == 0)

        let config = try probed.writeConfig(unlimited)
        let specs = try await PrivilegedCommands.specs(configPath: config)
        let commands = PrivilegedCommands.lines(specs, facilitator: "sam")
        var transcript = opening
        var expected = baselineRun.lines
        for (spec, line) in commands {
            for place in ["alice", "alice@facilitators", "alice@dm"] {
                transcript += "\(place): \(line)\n"
                expected.append("[dm:alice] \(PrivilegedCommands.refusal(spec))")
            }
        }
        // Look-alike command names are not commands: no answer in public, nothing done.
        for line in PrivilegedCommands.lookAlikeLines {
            transcript += "alice: \(line)\nalice@facilitators: \(line)\n"
        }
        // Look-alike names of the configured facilitator (Cyrillic а, full-width ｓ) are not names the console accepts.
        for name in ["s\u{430}m", "\u{FF53}am", "sam\u{200B}"] {
            transcript += "\(name)@facilitators: !ack 1\n"
            let line = transcript.split(separator: "\n").count
            expected.append("[console] line \(line): \"\(name)\" is not a member name (1–32 letters, digits, ., - and _)")
        }
        let run = try await probed.console(transcript, config: config, virtualClock: Self.start)
        #expect(run.status == 0)
        #expect(run.lines == expected)
        #expect(commands.count >= specs.count * 2 - 1)

        let before = try PrivilegedCommands.state(of: try SQLiteStore(path: baseline.databasePath))
        let after = try PrivilegedCommands.state(of: try SQLiteStore(path: probed.databasePath))
        for table in PrivilegedCommands.stateTables {
            #expect(after[table] == before[table], "\(table) changed")
        }
        #expect(after["ticket"]?.first?["state"] == "open")
        // The only new outbox entries are the refusals, to alice privately: no page, no post.
        let store = try SQLiteStore(path: probed.databasePath)
        let baselineCount = try SQLiteStore(path: baseline.databasePath).rawRows("SELECT id FROM outbox").count
        let extra = try store.rawRows("SELECT tag, state FROM outbox WHERE id > ?", arguments: [String(baselineCount)])
        #expect(extra.count == commands.count * 3)
        #expect(extra.allSatisfy { $0["tag"] == nil && $0["state"] == "delivered" })
    }
}
