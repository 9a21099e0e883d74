import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Where console output goes: stdout in production, a buffer in tests.
public final class ConsoleOutput: Sendable {
    private let sink: Mutex<Sink>

    private enum Sink {
        case standardOutput
        case buffer([String])
    }

    /// Writes to the process's standard output.
    public static func standardOutput() -> ConsoleOutput { ConsoleOutput(sink: .standardOutput) }
    /// Collects lines in memory.
    public static func buffer() -> ConsoleOutput { ConsoleOutput(sink: .buffer([])) }

    private init(sink: Sink) {
        self.sink = Mutex(sink)
    }

    /// Writes one bot message: the label, then the text; extra lines indented by two spaces.
    public func write(label: String, text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var rendered = "[\(label)] \(lines.first ?? "")"
        for line in lines.dropFirst() { rendered += "\n  \(line)" }
        writeLine(rendered)
    }

    /// Writes a raw line.
    public func writeLine(_ line: String) {
        sink.withLock { sink in
            switch sink {
            case .standardOutput:
                Self.writeAll(Array((line + "\n").utf8), to: STDOUT_FILENO)
            case .buffer(var lines):
                lines.append(contentsOf: line.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
                sink = .buffer(lines)
            }
        }
    }

    /// Writes every byte, retrying short writes; gives up quietly when the reader has gone (EPIPE).
    private static func writeAll(_ bytes: [UInt8], to fd: Int32) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
    }

    /// Lines written so far (buffer sinks only).
    public var lines: [String] {
        sink.withLock { sink in
            if case .buffer(let lines) = sink { return lines }
            return []
        }
    }
}
