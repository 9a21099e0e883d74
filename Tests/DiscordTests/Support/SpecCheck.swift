import Adapters
import Foundation
import Testing

/// Shared access to the OpenAPI checker for tests.
enum SpecCheck {
    static let checker: OpenAPIChecker? = try? OpenAPIChecker.bundled()

    /// The problems of a request the adapter builds.
    static func problems(_ request: DiscordRequest) throws -> [String] {
        let checker = try #require(checker, "Fixtures/discord-openapi.json could not be loaded")
        return checker.problems(
            method: request.route.method, path: request.route.path, query: request.query.map(\.name), body: request.body)
    }
}
