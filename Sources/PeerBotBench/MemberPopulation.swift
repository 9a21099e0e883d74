import Foundation
import PeerBot

/// A database holding `count` members' state, written through the real
/// features with the commands members type: a daily check-in schedule, a
/// time zone, a region and a shared boundary with reminders on. Built once,
/// on first use, and shared by the memory benchmarks.
@MainActor
final class MemberPopulation {
    let count: Int
    /// The virtual instant the state was written at (no check-in is due then).
    static let writtenAt = "2026-03-28T12:00:00Z"
    /// A minute later, for the console that reads it.
    static let readAt = "2026-03-28T12:01:00Z"
    private var built: BenchBot?

    init(count: Int) {
        self.count = count
    }

    static let commands = [
        "!timezone Europe/London", "!checkin daily 20:00", "!region GB",
        "!boundary set please ask before giving advice, and no DMs at night", "!boundary remind on",
    ]

    /// The folder holding the populated database and its `peerbot.toml`.
    func directory() async throws -> URL {
        if let built { return built.directory }
        let start = Date(timeIntervalSince1970: 1_774_699_200)  // 2026-03-28T12:00:00Z
        let adapter = InMemoryAdapter()
        let bench = try await BenchBot(adapter: adapter, clock: VirtualWallClock(start: start), label: "members")
        var id = 0
        for first in stride(from: 0, to: count, by: 100) {
            var events: [InboundEvent] = []
            for member in first..<min(first + 100, count) {
                for command in Self.commands {
                    id += 1
                    events.append(BenchBot.message(command, from: "member\(member)", id: id))
                }
            }
            _ = await BotDriver.handleAndDrain(events, bot: bench.bot, dispatcher: bench.dispatcher)
            adapter.clear()
        }
        let boundaries = try bench.store.rawRows("SELECT COUNT(*) AS n FROM boundary").first?["n"] ?? "0"
        guard Int(boundaries) == count else { throw BenchError("\(boundaries) boundaries stored for \(count) members") }
        built = bench
        return bench.directory
    }

    func remove() {
        built?.remove()
        built = nil
    }
}
