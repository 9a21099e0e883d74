import Foundation

/// Reads console input line by line as raw bytes, on its own thread so a
/// blocking read never occupies Swift's cooperative pool.
public enum ConsoleInput: Sendable {
    /// A file descriptor (standard input).
    case fileDescriptor(Int32)
    /// Lines given up front (tests).
    case lines([String])

    /// The longest line read; longer ones are reported and skipped.
    static let maxLineBytes = 1 << 20

    /// One raw line, or a line too long to keep.
    enum RawLine: Sendable {
        case bytes([UInt8])
        case tooLong
    }

    /// Calls `handle` for each line from a dedicated thread, then `finish`.
    func start(handle: @escaping @Sendable (RawLine) -> Void, finish: @escaping @Sendable () -> Void) {
        switch self {
        case .lines(let lines):
            let thread = Thread {
                for line in lines { handle(.bytes(Array(line.utf8))) }
                finish()
            }
            thread.start()
        case .fileDescriptor(let fd):
            let thread = Thread {
                Self.readLines(fd: fd, handle: handle)
                finish()
            }
            thread.name = "peerbot-console-input"
            thread.start()
        }
    }

    private static func readLines(fd: Int32, handle: (RawLine) -> Void) {
        var pending: [UInt8] = []
        var discarding = false
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            var start = 0
            for index in 0..<count where buffer[index] == UInt8(ascii: "\n") {
                if !discarding {
                    pending.append(contentsOf: buffer[start..<index])
                    handle(.bytes(pending))
                }
                pending.removeAll(keepingCapacity: true)
                discarding = false
                start = index + 1
            }
            if !discarding {
                pending.append(contentsOf: buffer[start..<count])
                if pending.count > maxLineBytes {
                    handle(.tooLong)
                    pending.removeAll()
                    discarding = true
                }
            }
        }
        if !discarding, !pending.isEmpty { handle(.bytes(pending)) }
    }
}
