import PeerBot

/// The routes of the health endpoint: `/healthz` (JSON, 200 or 503) and
/// `/metrics` (Prometheus text).
public struct OperationsEndpoint: Sendable {
    let runtime: BotRuntime
    let exposition: PrometheusExposition
    /// Where `/metrics` records the process's memory (`ProcessMemory`); nil leaves it out.
    let memoryMetrics: BotMetrics?

    public init(runtime: BotRuntime, exposition: PrometheusExposition, memoryMetrics: BotMetrics? = nil) {
        self.runtime = runtime
        self.exposition = exposition
        self.memoryMetrics = memoryMetrics
    }

    public func respond(to request: HealthServer.Request) -> HealthServer.Response {
        switch request.path {
        case "/healthz":
            let report = runtime.health()
            return HealthServer.Response(
                status: report.healthy ? 200 : 503, contentType: "application/json", body: report.json + "\n")
        case "/metrics":
            // Sampling first brings the gauges and the adapters' counters up to date.
            _ = runtime.health()
            memoryMetrics?.recordMemory(ProcessMemory.sample())
            return HealthServer.Response(status: 200, contentType: PrometheusExposition.contentType, body: exposition.text())
        case "/":
            return HealthServer.Response(status: 200, body: "PeerBot: /healthz, /metrics\n")
        default:
            return HealthServer.Response(status: 404, body: "not found: try /healthz or /metrics\n")
        }
    }
}
