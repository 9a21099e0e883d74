import CoreMetrics
import PeerBot
import Prometheus

/// The Prometheus side of PeerBot's metrics: a registry, the swift-metrics
/// factory that fills it, and the text exposition `/metrics` serves.
public struct PrometheusExposition: Sendable {
    public let registry: PrometheusCollectorRegistry

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
    }

    /// The factory to build `BotMetrics` with (and to bootstrap swift-metrics with).
    public var factory: any MetricsFactory { PrometheusMetricsFactory(registry: registry) }

    /// The text format (version 0.0.4), with a `# HELP` line before each known family's `# TYPE` line.
    public func text() -> String {
        Self.addingHelp(to: registry.emitToString(), help: BotMetrics.help)
    }

    /// The content type of `text()`.
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    /// Inserts `# HELP name text` before `# TYPE name …` for the names `help` knows.
    static func addingHelp(to exposition: String, help: [String: String]) -> String {
        var lines: [Substring] = []
        for line in exposition.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("# TYPE "), let name = line.dropFirst(7).split(separator: " ").first,
                let text = help[String(name)]
            {
                lines.append("# HELP \(name) \(text)")
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
