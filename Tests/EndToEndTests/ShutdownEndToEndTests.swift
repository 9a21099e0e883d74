import Foundation
import PeerBot
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// SIGTERM and the health endpoint through the real `peerbot run`, its console
/// reading from a pipe the test keeps open.
@Suite struct ShutdownEndToEndTests {
    static let general = ChannelRef(platform: .console, space: "console", id: "general", name: "general")

    @Test func sigtermDeliversWhatIsDueKeepsTheRestAndExitsZero() async throws {
        let peer = PeerBotProcess()
        // Pages go to a Matrix room, and no Matrix adapter runs: the page waits in the outbox.
        let config = try peer.writeConfig("[escalation]\ndestination = \"matrix:!facilitators:example.org\"\n")
        let session = try PeerBotSession(peer, arguments: ["run", "--config", config])
        try await session.waitForLog("ready")
        session.send("alice: !facilitator rough night")
        let confirmation = try await session.waitForLines(1)
        #expect(confirmation.first?.hasPrefix("[dm:alice] I've paged the facilitators (request #1).") == true)

        // Another entry is queued (as a job would) while the process runs; it is due now.
        let store = try SQLiteStore(path: peer.databasePath)
        try store.write { _ = try $0.enqueue(.send(channel: Self.general, text: "queued before the signal"), lane: .normal, tag: nil, at: Date()) }

        session.signal(SIGTERM)
        let end = try await session.waitForExit()
        #expect(end.status == 0)
        #expect(end.stdout.contains("[#general] queued before the signal"))
        #expect(end.stderr.contains("signal=SIGTERM"))
        #expect(end.stderr.contains("reason=signal"))

        // The page no adapter could deliver is kept, unclaimed, for the next start.
        let pending = try store.rawRows("SELECT platform, tag, claimed_by FROM outbox WHERE state = 'pending'")
        #expect(pending == [["platform": "matrix", "tag": "ticket:1:tier:1"]])
        #expect(try store.read { try $0.outboxDepth() } == 1)
    }

    @Test func sigintStopsTheConsoleGracefullyToo() async throws {
        let peer = PeerBotProcess()
        let session = try PeerBotSession(peer, arguments: ["console", "--config", try peer.writeConfig()])
        session.send("alice: !norms")
        try await session.waitForLines(2)
        session.signal(SIGINT)
        let end = try await session.waitForExit()
        #expect(end.status == 0)
        #expect(end.stderr.contains("signal=SIGINT"))
    }

    @Test func healthAndMetricsOfTheRealExecutable() async throws {
        let peer = PeerBotProcess()
        let config = try peer.writeConfig("[health]\nlisten = \"127.0.0.1:0\"\n")
        let session = try PeerBotSession(peer, arguments: ["run", "--config", config])
        try await session.waitForLog("ready")
        let port = try #require(Self.port(in: session.log))

        let (healthBody, healthResponse) = try await Self.get("http://127.0.0.1:\(port)/healthz")
        #expect((healthResponse as? HTTPURLResponse)?.statusCode == 200)
        let report = try JSONSerialization.jsonObject(with: healthBody) as? [String: Any]
        #expect(report?["status"] as? String == "ok")
        #expect((report?["adapters"] as? [[String: Any]])?.first?["platform"] as? String == "console")

        session.send("alice: !facilitator")
        try await session.waitForLines(2)
        let (metricsBody, _) = try await Self.get("http://127.0.0.1:\(port)/metrics")
        let metrics = String(decoding: metricsBody, as: UTF8.self)
        #expect(metrics.contains("\npeerbot_pages_total 1\n"))
        #expect(metrics.contains("peerbot_events_received_total{platform=\"console\",kind=\"message\"} 1\n"))
        #expect(metrics.contains("\npeerbot_pages_unacknowledged 1.0\n"))

        // The resident-memory gauge is the kernel's figure for the process: between
        // readings of /proc/PID/status just before and after a scrape (the bot is
        // otherwise idle; 10 % either way for what serving the scrape allocates).
        let before = try #require(Self.residentBytes(of: session.processIdentifier))
        let (scraped, _) = try await Self.get("http://127.0.0.1:\(port)/metrics")
        let after = try #require(Self.residentBytes(of: session.processIdentifier))
        let resident = try #require(Self.gauge("process_resident_memory_bytes", in: String(decoding: scraped, as: UTF8.self)))
        #expect(resident >= Double(min(before, after)) * 0.9 && resident <= Double(max(before, after)) * 1.1,
                "\(resident) against \(before)…\(after)")

        session.signal(SIGTERM)
        #expect(try await session.waitForExit().status == 0)
    }

    /// The port from `health endpoint listening address=127.0.0.1:PORT`.
    static func port(in log: String) -> Int? {
        guard let range = log.range(of: "address=127.0.0.1:") else { return nil }
        return Int(log[range.upperBound...].prefix { $0.isNumber })
    }

    /// `VmRSS` of a process, in bytes.
    static func residentBytes(of pid: Int32) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return nil }
        return line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.flatMap { Int($0) }.map { $0 * 1024 }
    }

    /// The value of an unlabelled gauge in Prometheus text.
    static func gauge(_ name: String, in text: String) -> Double? {
        text.split(separator: "\n").first { $0.hasPrefix(name + " ") }.flatMap { Double($0.dropFirst(name.count + 1)) }
    }

    static func get(_ url: String) async throws -> (Data, URLResponse) {
        let address = try #require(URL(string: url))
        return try await URLSession.shared.data(from: address)
    }
}
