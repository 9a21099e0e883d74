import Foundation
@testable import Adapters

/// One soak run: sets up the world, starts `peerbot run` behind the fault
/// proxy, lets the members and facilitators work while the homeserver is
/// restarted, then drains, stops PeerBot and reads what everyone saw.
struct SoakRun: Sendable {
    let parameters: SoakParameters

    struct Outcome: Sendable {
        var figures: SoakFigures
        var verdict: SoakVerdict
        /// Waits that ran out while the members typed.
        var stalls: [String]
        var errorLines: [String]
        var tokenLeaked: Bool
    }

    func run() async throws -> Outcome {
        let started = Date()
        var figures = SoakFigures(parameters: parameters)
        let world = try await SoakWorld.make(members: parameters.members)
        let proxy = try await FaultProxy.start(upstream: world.accounts.baseURL, http: world.http)
        defer { proxy.stop() }
        try await proxy.configure(enabled: true, every: parameters.faultEvery)
        guard let healthPort = FreePort.pick() else { throw PeerBotRunner.Failed(description: "no free port for the health endpoint") }
        let peerbot = try world.runner(homeserver: proxy.baseURL, healthPort: healthPort)
        try peerbot.start()
        try await world.waitUntilJoined()
        guard let pid = peerbot.processIdentifier else { throw PeerBotRunner.Failed(description: "peerbot is not running") }
        figures.setupSeconds = Date().timeIntervalSince(started)

        let scripts = world.members.indices.map { number in
            SoakScript.make(
                member: number, count: parameters.commands, escalations: parameters.escalations,
                others: world.members.map(\.userID).filter { $0 != world.members[number].userID })
        }
        let tickets = scripts.map { $0.filter(\.isEscalation).count }.reduce(0, +)
        let progress = Locked(0)
        let stopBy = Locked<Date?>(nil)
        let memory = Locked<(warm: Int?, peak: Int, series: [(done: Int, parts: [String: Int])])>((nil, 0, []))
        let warmAfter = Int(Double(parameters.total) * parameters.warmUpShare)
        let tenth = max(parameters.total / 10, 1)
        let sampler = Task {
            while !Task.isCancelled, let rss = ProcessMemory.status(of: "\(pid)")["VmRSS"] {
                let done = progress.value
                var parts = done >= (memory.value.series.count) * tenth ? ProcessMemory.status(of: "\(pid)") : [:]
                if !parts.isEmpty { parts.merge(await SoakMemoryGauges.read(port: healthPort, http: world.http)) { $1 } }
                memory.update { sample in
                    sample.peak = max(sample.peak, rss)
                    if sample.warm == nil, done >= warmAfter { sample.warm = rss }
                    if !parts.isEmpty, done >= sample.series.count * tenth { sample.series.append((done, parts)) }
                }
                try? await Task.sleep(for: .seconds(1))
            }
        }
        let restarter = Task { await restartHomeserver(progress: progress) }
        let facilitators = world.facilitators.enumerated().map { number, client in
            Task {
                await SoakFacilitator(
                    number: number, count: world.facilitators.count, client: client, room: world.facilitatorsRoom,
                    botUserID: world.bot.userID, answerTimeout: parameters.answerTimeout
                ).run(tickets: tickets, stopBy: stopBy)
            }
        }
        let commandsStarted = Date()
        var stalls = await withTaskGroup(of: [String].self) { group in
            for (number, client) in world.members.enumerated() {
                let member = SoakMember(
                    number: number, client: client, direct: world.directRooms[number], general: world.general,
                    botUserID: world.bot.userID, script: scripts[number], answerTimeout: parameters.answerTimeout, progress: progress)
                group.addTask { await member.run() }
            }
            return await group.reduce(into: [String]()) { $0 += $1 }
        }
        stopBy.update { $0 = Date().addingTimeInterval(parameters.answerTimeout) }
        for facilitator in facilitators { stalls += await facilitator.value }
        figures.restartSeconds = await restarter.value
        figures.commandSeconds = Date().timeIntervalSince(commandsStarted)
        figures.commandsSent = progress.value
        figures.tickets = tickets

        // Drain: faults off, the outbox empty and no ticket open; then one more
        // look, so a late duplicate would be seen too.
        try await proxy.configure(enabled: false, every: parameters.faultEvery)
        let quiet = await waitForQuiet(port: healthPort, http: world.http)
        if !quiet { stalls.append("the outbox did not drain (or /healthz did not answer) within 120 s") }
        try await Task.sleep(for: .seconds(2))
        for client in world.members + [world.facilitators[0]] {
            _ = await Persistently.run(for: 30) { try await client.sync(timeout: 1000) }
        }
        sampler.cancel()
        figures.rssEnd = ProcessMemory.status(of: "\(pid)")["VmRSS"]
        (figures.rssWarm, figures.rssPeak) = (memory.value.warm, max(memory.value.peak, figures.rssEnd ?? 0))
        let endParts = ProcessMemory.status(of: "\(pid)").merging(await SoakMemoryGauges.read(port: healthPort, http: world.http)) { $1 }
        figures.rssSeries = memory.value.series + [(progress.value, endParts)]

        let stats = try await proxy.stats()
        figures.faults = FaultProxy.faultsByKind(stats)
        figures.proxiedRequests = stats["requests"]?.integer ?? 0
        figures.upstreamDown = stats["upstream_down"]?.integer ?? 0
        await peerbot.kill(SIGTERM)
        let log = peerbot.log.split(separator: "\n").map(String.init)
        figures.warnings = log.filter { Self.level(of: $0) == "warning" }.count
        figures.syncRecoveries = log.filter { $0.contains("sync resumed") }.count
        figures.deliveryRetries = log.filter { $0.contains("delivery failed; will retry") }.count
        figures.rateLimited = log.filter { $0.contains("M_LIMIT_EXCEEDED") || $0.contains("sync rate limited") }.count
        var members: [SoakVerdict.MemberView] = []
        for (number, client) in world.members.enumerated() {
            members.append(
                SoakVerdict.MemberView(
                    number: number, userID: client.userID, direct: world.directRooms[number], script: scripts[number], seen: await client.seen))
        }
        let verdict = SoakVerdict(
            members: members, facilitators: await world.facilitators[0].seen, facilitatorsRoom: world.facilitatorsRoom,
            general: world.general, botUserID: world.bot.userID)
        figures.totalSeconds = Date().timeIntervalSince(started)
        return Outcome(
            figures: figures, verdict: verdict, stalls: stalls,
            errorLines: log.filter { ["error", "critical"].contains(Self.level(of: $0)) },
            tokenLeaked: log.contains { $0.contains(world.bot.token) })
    }

    /// Restarts the homeserver (stop, then start with the same data) at even
    /// shares of the run; returns how long each restart kept it away.
    private func restartHomeserver(progress: Locked<Int>) async -> [Double] {
        var downtimes: [Double] = []
        for number in 0..<parameters.restarts {
            let due = parameters.total * (number + 1) / (parameters.restarts + 1)
            while progress.value < due, !Task.isCancelled { try? await Task.sleep(for: .milliseconds(200)) }
            let stopped = Date()
            do {
                try await SynapseHomeserver.soak.stop()
                try await Task.sleep(for: .seconds(2))
                _ = try await SynapseHomeserver.soak.start()
            } catch {
                // The members' waits will fail and say so; the count of restarts tells the test.
                print("soak: homeserver restart \(number + 1) failed: \(error)")
                continue
            }
            downtimes.append(Date().timeIntervalSince(stopped))
        }
        return downtimes
    }

    /// Waits until `/healthz` says the outbox is empty and no ticket is open; false after 120 s.
    private func waitForQuiet(port: Int, http: any MatrixHTTP) async -> Bool {
        guard let url = URL(string: "http://127.0.0.1:\(port)/healthz") else { return false }
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            if let response = try? await http.send(MatrixHTTPRequest(method: "GET", url: url)),
                let report = try? JSONDecoder().decode(MatrixJSON.self, from: response.body),
                report["outbox"]?["pending"]?.integer == 0, report["tickets"]?["open"]?.integer == 0
            {
                return true
            }
            try? await Task.sleep(for: .milliseconds(500))
        }
        return false
    }

    /// The level of a swift-log line (`2026-… error peerbot.matrix : …`).
    static func level(of line: String) -> String? {
        let fields = line.split(separator: " ", maxSplits: 2)
        return fields.count >= 2 ? String(fields[1]) : nil
    }
}
