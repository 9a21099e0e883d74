import Foundation

/// What a soak run measured, for the test output, the README and `PEERBOT_SOAK_REPORT`.
struct SoakFigures: Sendable, CustomStringConvertible {
    var parameters: SoakParameters
    var setupSeconds = 0.0
    var commandSeconds = 0.0
    var totalSeconds = 0.0
    var commandsSent = 0
    var tickets = 0
    var faults: [String: Int] = [:]
    var proxiedRequests = 0
    /// Requests the proxy answered 502 because the homeserver was down.
    var upstreamDown = 0
    /// Seconds each homeserver restart kept it away (stop to healthy).
    var restartSeconds: [Double] = []
    /// KiB: after warm-up, at the end, the highest seen.
    var rssWarm: Int?
    var rssEnd: Int?
    var rssPeak: Int?
    /// Every tenth of the commands: how many were done, and in KiB VmRSS, RssAnon, RssFile,
    /// RssShmem, and from `/metrics` the heap in use ("heap"), reserved ("heapReserved") and SQLite's share.
    var rssSeries: [(done: Int, parts: [String: Int])] = []
    /// From PeerBot's log: syncs that recovered after failing, deliveries retried, 429s met.
    var syncRecoveries = 0
    var deliveryRetries = 0
    var rateLimited = 0
    var warnings = 0

    private var seriesText: String {
        rssSeries.map { sample in
            let part = { (name: String) in sample.parts[name].map(String.init) ?? "?" }
            return "\(sample.done): \(part("VmRSS")) = \(part("RssAnon")) + \(part("RssFile")) + \(part("RssShmem"))"
                + " (heap \(part("heap")) of \(part("heapReserved")), sqlite \(part("sqlite")))"
        }.joined(separator: "; ")
    }

    var rssGrowthPercent: Double? {
        guard let warm = rssWarm, let end = rssEnd, warm > 0 else { return nil }
        return Double(end - warm) / Double(warm) * 100
    }

    var description: String {
        let faultList = faults.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        let growth = rssGrowthPercent.map { String(format: "%+.1f %%", $0) } ?? "?"
        return """
            soak: \(parameters)
              \(commandsSent) commands, \(tickets) escalation tickets; commands took \(Int(commandSeconds)) s (setup \(Int(setupSeconds)) s, total \(Int(totalSeconds)) s)
              faults: \(faultList) over \(proxiedRequests) proxied requests; \(restartSeconds.count) homeserver restart(s) \
            (\(restartSeconds.map { "\(Int($0)) s" }.joined(separator: ", ")) down), \(upstreamDown) requests answered 502 meanwhile
              PeerBot: sync recovered \(syncRecoveries)×, \(deliveryRetries) delivery retries, \(rateLimited) rate limits met, \(warnings) warning lines
              RSS: \(rssWarm.map(String.init) ?? "?") KiB after warm-up → \(rssEnd.map(String.init) ?? "?") KiB at the end (\(growth)); peak \(rssPeak.map(String.init) ?? "?") KiB
              RSS by commands done (KiB, VmRSS = anon + file + shmem (heap in use of reserved, sqlite)): \(seriesText)
            """
    }
}
