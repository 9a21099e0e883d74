import Foundation

/// Retries a call to the homeserver while it is being restarted: the soak's
/// people keep trying, as a client app would, until a deadline.
enum Persistently {
    /// Runs `body` until it succeeds; nil when it still fails after `seconds`.
    static func run<T: Sendable>(for seconds: TimeInterval, _ body: () async throws -> T) async -> T? {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            do {
                return try await body()
            } catch {
                guard Date() < deadline, !Task.isCancelled else { return nil }
                try? await Task.sleep(for: .milliseconds(500))
            }
        }
    }

    /// Syncs `client` until `found` holds for what it has seen; false after `seconds`.
    static func wait(
        _ client: MatrixTestClient, for seconds: TimeInterval, until found: (MatrixTestClient.Seen) -> Bool
    ) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            if found(await client.seen) { return true }
            guard Date() < deadline, !Task.isCancelled else { return false }
            do {
                try await client.sync(timeout: 2000)
            } catch {
                try? await Task.sleep(for: .milliseconds(500))
            }
        }
    }
}
