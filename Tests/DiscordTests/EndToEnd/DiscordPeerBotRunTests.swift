import Adapters
import Foundation
import Testing

/// `peerbot run` — the real executable — with `[discord]` and `[health]`
/// configured, against the fake Discord: `/healthz` and `/metrics` follow
/// Discord going away and coming back, and SIGTERM leaves the session resumable.
@Suite(.serialized) struct DiscordPeerBotRunTests {
    struct Failed: Error, CustomStringConvertible {
        var description: String
    }

    /// Polls `condition` with a generous deadline (a guard against hangs, not a timing assertion).
    static func eventually(_ what: String, seconds: Double = 60, _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while try await !condition() {
            guard ContinuousClock.now < deadline else { throw Failed(description: "timed out waiting until \(what)") }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// The port from `health endpoint listening address=127.0.0.1:PORT`.
    static func healthPort(in log: String) -> Int? {
        guard let range = log.range(of: "address=127.0.0.1:") else { return nil }
        return Int(log[range.upperBound...].prefix { $0.isNumber })
    }

    @Test func healthzAndMetricsFollowDiscordDownAndUpAndSigtermKeepsTheSessionResumable() async throws {
        let fake = try await FakeDiscord.start()
        let peerbot = try DiscordPeerBotProcess(fake: fake, extra: "[health]\nlisten = \"127.0.0.1:0\"")
        try peerbot.start()
        var log: String { peerbot.log }
        let http = try HTTPClient()

        try await Self.eventually("the health endpoint listens") {
            guard peerbot.isRunning else { throw Failed(description: "peerbot exited: \(log)") }
            return Self.healthPort(in: log) != nil
        }
        let port = try #require(Self.healthPort(in: log))
        let healthz = try #require(URL(string: "http://127.0.0.1:\(port)/healthz"))
        let metrics = try #require(URL(string: "http://127.0.0.1:\(port)/metrics"))
        func health() async throws -> (status: Int, discord: [String: Any]) {
            let response = try await http.get(healthz)
            let report = try JSONSerialization.jsonObject(with: response.body) as? [String: Any]
            let adapters = report?["adapters"] as? [[String: Any]] ?? []
            return (response.status, adapters.first { $0["platform"] as? String == "discord" } ?? [:])
        }

        try await Self.eventually("/healthz answers 200 with Discord ready") { try await health().status == 200 }
        #expect(try await health().discord["state"] as? String == "connected")

        // Discord goes away.
        await fake.stop()
        try await Self.eventually("/healthz answers 503") { try await health().status == 503 }
        let down = try await health().discord
        #expect(down["state"] as? String == "reconnecting")
        #expect(down["connected"] as? Bool == false)

        // Discord comes back.
        let back = try await fake.startAgain()
        try await Self.eventually("/healthz answers 200 again") { try await health().status == 200 }
        #expect(try await health().discord["reconnects"] as? Int == 1)
        let text = String(decoding: try await http.get(metrics).body, as: UTF8.self)
        #expect(text.contains("peerbot_adapter_reconnects_total{platform=\"discord\"} 1\n"), "\(text)")

        // SIGTERM: exit 0, and the gateway is closed with a code that keeps the session resumable.
        #expect(await peerbot.kill(SIGTERM) == 0)
        let closes = try await back.records().of(kind: "disconnect")
        #expect(closes.last?["code"]?.int == 4900, "not 1000/1001, which would end the session")
        #expect(closes.last?["by_server"] == .bool(false))
        #expect(!log.contains(FakeDiscord.token))
        await http.shutdown()
        await back.stop()
    }
}
