import Foundation
import Testing
@testable import Adapters

/// Issue 11, "Soak": the real `peerbot run` with the Matrix adapter against a
/// real Synapse, members typing commands at the same time while the homeserver
/// is restarted and a proxy answers 429s and drops connections. Every command
/// must be answered exactly once, every escalation paged, acknowledged and
/// closed exactly once, the bot's RSS must not grow by more than
/// `PEERBOT_SOAK_RSS_GROWTH` % after warm-up, and nothing may be logged at
/// error level. `make test` runs a short version; `make soak` the full one
/// (parameters in `SoakParameters`).
@Suite(.timeLimit(.minutes(60))) struct MatrixSoakTests {
    @Test func everyCommandIsAnsweredOnceThroughRestarts429sAndDroppedConnections() async throws {
        let parameters = SoakParameters.fromEnvironment()
        let outcome = try await SoakRun(parameters: parameters).run()
        let figures = outcome.figures
        print("\(figures)\n  \(outcome.verdict.description.split(separator: "\n").first ?? "")")
        if let path = parameters.reportPath {
            try "\(figures)\n\(outcome.verdict)\n".write(toFile: path, atomically: true, encoding: .utf8)
        }
        #expect(outcome.verdict.problems.isEmpty, "\(outcome.verdict)")
        #expect(outcome.stalls.isEmpty, "\(outcome.stalls.joined(separator: "\n"))")
        #expect(outcome.errorLines.isEmpty, "error-level log lines:\n\(outcome.errorLines.prefix(30).joined(separator: "\n"))")
        #expect(!outcome.tokenLeaked, "the bot's access token appeared in its log")
        // The faults really happened.
        for kind in ["429", "drop", "lost"] {
            #expect(figures.faults[kind, default: 0] > 0, "no \(kind) fault was injected")
        }
        #expect(figures.restartSeconds.count == parameters.restarts)
        let growth = try #require(figures.rssGrowthPercent, "RSS was not sampled")
        #expect(growth < parameters.rssGrowthLimit, "RSS grew \(growth) % after warm-up")
    }
}
