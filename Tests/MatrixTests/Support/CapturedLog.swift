import Logging

/// Log lines captured from an in-process adapter, to check what it says (and never says).
final class CapturedLog: Sendable {
    private let lines = Locked<[String]>([])

    /// A logger writing here (every level).
    func logger(_ label: String) -> Logger {
        Logger(label: label) { _ in Handler(log: self) }
    }

    var all: [String] { lines.value }

    func append(_ line: String) { lines.update { $0.append(line) } }

    struct Handler: LogHandler {
        let log: CapturedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let fields = (metadata.merging(event.metadata ?? [:]) { $1 }).sorted { $0.key < $1.key }
                .map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            log.append("\(event.level) \(event.message) \(fields)")
        }
    }
}
