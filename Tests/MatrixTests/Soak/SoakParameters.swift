import Foundation

/// How big a soak run is. `make test` runs the short default; `make soak`
/// sets the environment for the full run (10 members × 1,000 commands).
///
/// - `PEERBOT_SOAK_MEMBERS`: members sending at the same time (default 3)
/// - `PEERBOT_SOAK_COMMANDS`: commands per member (default 40)
/// - `PEERBOT_SOAK_ESCALATIONS`: `!facilitator` requests per member, counted
///   in the commands (default: one per 300 commands, at least 1)
/// - `PEERBOT_SOAK_RESTARTS`: homeserver restarts during the run (default 1)
/// - `PEERBOT_SOAK_FAULT_EVERY`: "SYNC,SEND,OTHER": every Nth request of each
///   class through the proxy meets a fault (default 8,8,4 short, 40,30,8 long)
/// - `PEERBOT_SOAK_RSS_GROWTH`: the largest RSS growth after warm-up, in percent (default 10)
/// - `PEERBOT_SOAK_REPORT`: a file to write the figures to (besides the test output)
struct SoakParameters: Sendable, CustomStringConvertible {
    var members = 3
    var commands = 40
    var escalations = 1
    var restarts = 1
    var faultEvery = (sync: 8, send: 8, other: 4)
    var rssGrowthLimit = 10.0
    var reportPath: String?
    /// How long a member waits for one answer before counting it missing
    /// (covers a homeserver restart on a loaded machine).
    var answerTimeout: TimeInterval = 240
    /// The share of all commands after which the bot counts as warmed up (RSS baseline).
    var warmUpShare = 0.2

    var total: Int { members * commands }

    static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> SoakParameters {
        var parameters = SoakParameters()
        func number(_ key: String) -> Int? { environment[key].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } }
        parameters.members = max(1, number("PEERBOT_SOAK_MEMBERS") ?? parameters.members)
        parameters.commands = max(10, number("PEERBOT_SOAK_COMMANDS") ?? parameters.commands)
        parameters.escalations = max(0, number("PEERBOT_SOAK_ESCALATIONS") ?? max(1, parameters.commands / 300))
        parameters.restarts = max(0, number("PEERBOT_SOAK_RESTARTS") ?? parameters.restarts)
        if parameters.commands >= 200 { parameters.faultEvery = (40, 30, 8) }
        if let every = environment["PEERBOT_SOAK_FAULT_EVERY"]?.split(separator: ",").compactMap({ Int($0) }), every.count == 3 {
            parameters.faultEvery = (max(1, every[0]), max(1, every[1]), max(1, every[2]))
        }
        if let limit = environment["PEERBOT_SOAK_RSS_GROWTH"].flatMap(Double.init) { parameters.rssGrowthLimit = limit }
        parameters.reportPath = environment["PEERBOT_SOAK_REPORT"]
        return parameters
    }

    var description: String {
        "\(members) members × \(commands) commands (\(escalations) escalation(s) each), \(restarts) homeserver restart(s), "
            + "a fault every \(faultEvery.sync) syncs / \(faultEvery.send) sends / \(faultEvery.other) other requests"
    }
}
