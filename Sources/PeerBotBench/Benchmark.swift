/// One benchmark: `setUp` once, then `sample` several times (the runner
/// reports the median), then `tearDown`. To add one, write a class that
/// conforms and list it in `BenchmarkRegistry.all`.
@MainActor
protocol Benchmark: AnyObject {
    /// The row name in the table (also matched by `--filter`).
    var name: String { get }
    /// The unit of a sample, e.g. "round trips/s".
    var unit: String { get }
    /// Starts what the samples need: peers, clients, connections.
    func setUp() async throws
    /// One measurement, in `unit`.
    func sample() async throws -> Double
    /// Stops what `setUp` started.
    func tearDown() async
}
