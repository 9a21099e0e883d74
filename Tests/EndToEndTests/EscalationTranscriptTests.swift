import Foundation
import PeerBot
import Testing

/// The escalation "must show" list, through the real `peerbot console` with a virtual clock.
@Suite struct EscalationTranscriptTests {
    static let start = "2026-03-28T19:00:00Z"

    /// The crisis lines the shipped directory gives a member with no region, as console continuation lines.
    static func crisisLines() throws -> [String] {
        let directory = try ResourceDirectory.load(
            path: PeerBotProcess.repositoryRoot.appendingPathComponent("config/resources.toml").path)
        return directory.crisisLines(region: nil).split(separator: "\n").map { "  " + $0 }
    }

    static func firstPageAndConfirmation() throws -> [String] {
        [
            "[#facilitators] @sam @riley Ticket #1: alice asked for a facilitator.",
            "  From #general · just now · note: \"rough night\"",
            "  Take it with !ack 1. Tier 1 of 3.",
            "[dm:alice] I've paged the facilitators (request #1). No one has seen it yet — I'll tell you when someone does.",
            "  Shared with them: your name (alice), that you asked in #general, and your note (\"rough night\").",
            "  If you need someone sooner:",
        ] + (try crisisLines()) + [
            "  Anything you send me privately now goes to them. To withdraw the request: !cancel"
        ]
    }

    static let tierTwo = [
        "[#facilitators] @sam @riley Ticket #1 still has no answer after 5m — tier 2 of 3.",
        "  alice · from #general · note: \"rough night\"",
        "  Take it with !ack 1.",
    ]

    @Test func pageAckRelayResolve() async throws {
        let peer = PeerBotProcess()
        let result = try await peer.console(
            """
            alice: !facilitator rough night
            :advance 6m
            alice: !ack 1
            sam@facilitators: !ack 1
            sam@facilitators: !reply 1 Hi alice, I'm here. Do you want to talk?
            alice@dm: yes please, it's been a lot
            :advance 30m
            sam@facilitators: !resolve 1
            """, config: try peer.writeConfig(), virtualClock: Self.start)
        #expect(result.status == 0)
        let expected = try Self.firstPageAndConfirmation() + Self.tierTwo + [
            "[dm:alice] Sorry, !ack is only for facilitators. Nothing was changed.",
            "[#facilitators] Ticket #1: sam has it (acknowledged after 6m). Paging stopped.",
            "[dm:alice] sam, a facilitator, has seen your request #1 and picked it up. Write to me here and I'll pass it on; their replies will come here too.",
            "[dm:alice] sam (facilitator): Hi alice, I'm here. Do you want to talk?",
            "[dm:sam] Sent privately to alice (ticket #1).",
            "[#facilitators] @sam Ticket #1 · alice: yes please, it's been a lot",
            "[#facilitators] Ticket #1 resolved by sam.",
            "[dm:alice] Your request #1 is now closed. Thank you for reaching out — if you'd like someone again, type !facilitator.",
        ]
        #expect(result.lines == expected)
        // Nothing about alice's wellbeing was posted where members read.
        #expect(!result.lines.contains { $0.hasPrefix("[#general]") })
        // The audit trail, exported.
        let csv = try await peer.run(["audit", "export", "--format", "csv", "--config", try peer.writeConfig()])
        #expect(csv.status == 0)
        #expect(csv.stdout.components(separatedBy: "\r\n") == [
            "ticket,at,event,actor,target,detail",
            "1,2026-03-28T19:00:00Z,opened,alice,,",
            "1,2026-03-28T19:00:00Z,paged,,,tier 1 → console:facilitators",
            "1,2026-03-28T19:05:00Z,paged,,,tier 2 → console:facilitators",
            "1,2026-03-28T19:06:00Z,acknowledged,sam,,",
            "1,2026-03-28T19:06:00Z,relayed,sam,,to the member",
            "1,2026-03-28T19:06:00Z,relayed,alice,,to the facilitators",
            "1,2026-03-28T19:36:00Z,resolved,sam,,",
            "",
        ])
        let json = try await peer.run(["audit", "export", "--format", "json", "--config", try peer.writeConfig()])
        let events = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(events?.count == 7)
        #expect(events?.first?["ticket"] as? Int == 1)
        #expect(events?.last?["event"] as? String == "resolved")
        // Relayed words are not kept once delivered.
        let store = try SQLiteStore(path: peer.databasePath)
        let texts = try store.rawRows("SELECT action FROM outbox").compactMap { $0["action"] }
        #expect(texts.allSatisfy { $0 == "{}" })
    }

    @Test func theLastTierTimingOutTellsTheMemberTheTruth() async throws {
        let peer = PeerBotProcess()
        let result = try await peer.console(
            """
            alice: !facilitator rough night
            :advance 16m
            riley@facilitators: !tickets
            """, config: try peer.writeConfig(), virtualClock: Self.start)
        #expect(result.status == 0)
        let expected = try Self.firstPageAndConfirmation() + Self.tierTwo + [
            "[#facilitators] @ada Ticket #1 still has no answer after 10m — tier 3 of 3.",
            "  alice · from #general · note: \"rough night\"",
            "  Take it with !ack 1.",
            "[#facilitators] @sam @riley @ada Ticket #1 has had no answer after 15m and all 3 tiers. alice has been told no one has answered yet.",
            "  It stays at the top of !tickets — !ack 1 to take it.",
            "[dm:alice] I'm sorry — no facilitator has answered your request #1 yet. I'm keeping it open and will tell you as soon as someone does.",
            "  Please don't wait for us if you need someone now:",
        ] + (try Self.crisisLines()) + [
            "[dm:riley] Open tickets (1), most urgent first:",
            "  #1 · NO ANSWER after all 3 tiers · waiting 16m · alice · from #general · note: \"rough night\"",
        ]
        #expect(result.lines == expected)
    }

    @Test func aSecondProcessStartedMidTicketRepagesOnTimeAndExactlyOnce() async throws {
        let peer = PeerBotProcess()
        let config = try peer.writeConfig()
        let first = try await peer.console("alice: !facilitator rough night\n", config: config, virtualClock: Self.start)
        #expect(first.lines == (try Self.firstPageAndConfirmation()))
        // Four minutes in: not due yet.
        let early = try await peer.console("", config: config, virtualClock: "2026-03-28T19:04:00Z")
        #expect(early.lines.isEmpty)
        // A new process six minutes in pages tier 2 at start, saying how long the member has waited.
        let second = try await peer.console("", config: config, virtualClock: "2026-03-28T19:06:00Z")
        #expect(second.lines == [
            "[#facilitators] @sam @riley Ticket #1 still has no answer after 6m — tier 2 of 3.",
            "  alice · from #general · note: \"rough night\"",
            "  Take it with !ack 1.",
        ])
        // Another start at the same moment pages nothing.
        let third = try await peer.console("", config: config, virtualClock: "2026-03-28T19:06:00Z")
        #expect(third.lines.isEmpty)
        let store = try SQLiteStore(path: peer.databasePath)
        #expect(try store.rawRows("SELECT id FROM outbox WHERE tag = 'ticket:1:tier:2'").count == 1)
        let jobs = try store.rawRows("SELECT key, state FROM job WHERE key LIKE 'ticket:1:%' ORDER BY id")
        #expect(jobs.map { "\($0["key"] ?? ""):\($0["state"] ?? "")" } == ["ticket:1:tier:2:done", "ticket:1:tier:3:pending"])
        // The next tier is due five minutes after the re-page, and an ack from yet another process stops it.
        let ack = try await peer.console("sam@facilitators: !ack 1\n:advance 1h\n", config: config, virtualClock: "2026-03-28T19:07:00Z")
        #expect(ack.lines.first == "[#facilitators] Ticket #1: sam has it (acknowledged after 7m). Paging stopped.")
        #expect(ack.lines.count == 2)
        #expect(try store.rawRows("SELECT id FROM outbox WHERE tag LIKE 'ticket:1:tier:%'").count == 2)
    }

    @Test func twoProcessesAtOnceStillPageEachTierOnce() async throws {
        let peer = PeerBotProcess()
        let config = try peer.writeConfig()
        _ = try await peer.console("alice: !facilitator\n", config: config, virtualClock: Self.start)
        async let first = try? peer.console("", config: config, virtualClock: "2026-03-28T19:11:00Z")
        async let second = try? peer.console("", config: config, virtualClock: "2026-03-28T19:11:00Z")
        let combined = await [first, second].map { $0?.stdout ?? "failed" }.joined()
        #expect(combined.components(separatedBy: "tier 2 of 3").count - 1 == 1)
        let store = try SQLiteStore(path: peer.databasePath)
        #expect(try store.rawRows("SELECT id FROM outbox WHERE tag = 'ticket:1:tier:2'").count == 1)
        #expect(try store.rawRows("SELECT id FROM outbox WHERE tag = 'ticket:1:tier:3'").isEmpty)
    }

    @Test func facilitatorCommandsAppearOnlyInFacilitatorsHelp() async throws {
        let peer = PeerBotProcess()
        let result = try await peer.console("alice: !help\nsam: !help\n", config: try peer.writeConfig())
        let member = result.stdout.components(separatedBy: "[dm:sam]")[0]
        #expect(member.contains("!facilitator [anon] [NOTE]"))
        #expect(member.contains("!mydata"))
        #expect(member.contains("!crisisscan [off|on]"))
        #expect(!member.contains("!ack"))
        let facilitator = result.stdout.components(separatedBy: "[dm:sam]")[1]
        for command in ["!ack N", "!reply N TEXT", "!handoff N NAME", "!resolve N [NOTE]", "!tickets", "!oncall"] {
            #expect(facilitator.contains(command), "\(command)")
        }
    }

    @Test func auditExportHelpEmptyTrailAndBadFormat() async throws {
        let peer = PeerBotProcess()
        let help = try await peer.run(["audit", "export", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--format"))
        let empty = try await peer.run(["audit", "export", "--config", try peer.writeConfig()])
        #expect(empty.status == 0)
        #expect(empty.stdout == "ticket,at,event,actor,target,detail\r\n")
        let json = try await peer.run(["audit", "export", "--format", "json", "--config", try peer.writeConfig()])
        #expect(json.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[\n\n]" || json.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
        let bad = try await peer.run(["audit", "export", "--format", "xml", "--config", try peer.writeConfig()])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("xml"))
    }

    @Test func checkConfigReportsEscalationAndCrisisAndRejectsMissingPhrases() async throws {
        let peer = PeerBotProcess()
        let good = try await peer.run(["check-config", "--config", try peer.writeConfig()])
        #expect(good.status == 0)
        #expect(good.stdout.contains("escalation: 3 tiers, ack timeout 5m, pages to console:facilitators"))
        #expect(good.stdout.contains("crisis offers:"))
        let bad = try peer.writeConfig("[bot]\nname = \"x\"\n", name: "bad.toml")
        try (try String(contentsOfFile: bad, encoding: .utf8))
            .replacingOccurrences(of: "config/crisis\"", with: "config/nowhere\"")
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let failed = try await peer.console("alice: hi\n", config: bad)
        #expect(failed.status == 78)
        #expect(failed.stderr.contains("crisis.phrases_directory"))
        #expect(failed.stderr.contains("nowhere/en.txt: cannot read the file"))
    }
}
