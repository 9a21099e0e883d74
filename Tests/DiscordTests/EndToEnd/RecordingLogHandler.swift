import Logging
import Synchronization

/// Collects log lines (level, message, metadata) so tests can check what an admin would read.
final class LogRecorder: Sendable {
    struct Line: Sendable {
        var level: Logger.Level
        var text: String
    }

    private let lines = Mutex<[Line]>([])

    var all: [Line] { lines.withLock { $0 } }

    func append(_ line: Line) { lines.withLock { $0.append(line) } }

    func logger(_ label: String = "peerbot.discord") -> Logger {
        Logger(label: label) { _ in RecordingLogHandler(recorder: self) }
    }
}

struct RecordingLogHandler: LogHandler {
    let recorder: LogRecorder
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let rendered = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        recorder.append(.init(level: event.level, text: "\(event.message) \(rendered)"))
    }
}
