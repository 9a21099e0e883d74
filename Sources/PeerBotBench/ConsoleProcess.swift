import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The release `peerbot console` as a child process, spawned with
/// posix_spawn: stdin and stdout are pipes this benchmark holds, stderr goes
/// to a log file in the run's folder.
final class ConsoleProcess {
    let pid: pid_t
    private var input: Int32
    private let output: Int32
    private var buffered: [UInt8] = []
    private var waited = false

    /// Starts `peerbot console --config config` with extra arguments.
    init(config: String, arguments: [String] = [], errorLog: String) throws {
        var stdinPipe: [Int32] = [0, 0], stdoutPipe: [Int32] = [0, 0]
        guard pipe(&stdinPipe) == 0, pipe(&stdoutPipe) == 0 else { throw BenchError("pipe failed") }
        for descriptor in stdinPipe + stdoutPipe { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdinPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, stdoutPipe[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, errorLog, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        let executable = BenchEnvironment.peerbotExecutable.path
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw BenchError("\(executable) is missing: build it with `swift build -c release --product peerbot` (make bench does)")
        }
        let argv = ([executable, "console", "--config", config] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var child: pid_t = 0
        let result = posix_spawn(&child, executable, &actions, nil, argv, environ)
        close(stdinPipe[0])
        close(stdoutPipe[1])
        guard result == 0 else {
            close(stdinPipe[1])
            close(stdoutPipe[0])
            throw BenchError("cannot start \(executable): \(String(cString: strerror(result)))")
        }
        pid = child
        input = stdinPipe[1]
        output = stdoutPipe[0]
    }

    deinit {
        if input >= 0 { close(input) }
        close(output)
        if !waited {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
    }

    /// Writes every byte of `text` to the child's stdin.
    func write(_ text: String) throws {
        try Self.writeAll(Array(text.utf8), to: input)
    }

    /// Writes `bytes` to stdin on a thread of its own (so a long transcript
    /// never blocks against the child's output), then closes stdin.
    func feedAndClose(_ bytes: [UInt8]) {
        let descriptor = input
        input = -1
        let thread = Thread {
            try? Self.writeAll(bytes, to: descriptor)
            close(descriptor)
        }
        thread.start()
    }

    /// Closes stdin: the console finishes what is queued and exits.
    func closeInput() {
        if input >= 0 { close(input) }
        input = -1
    }

    /// The next line of output without its newline, or nil at end of output.
    func readLine() -> String? {
        while true {
            if let newline = buffered.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffered[..<newline], as: UTF8.self)
                buffered.removeSubrange(...newline)
                return line
            }
            var chunk = [UInt8](repeating: 0, count: 64 * 1024)
            let count = chunk.withUnsafeMutableBytes { Glibc.read(output, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { return nil }
            buffered.append(contentsOf: chunk[..<count])
        }
    }

    /// Reads until a line starts with `prefix`; throws at end of output.
    @discardableResult
    func readUntil(lineStartingWith prefix: String) throws -> Int {
        var lines = 0
        while let line = readLine() {
            lines += 1
            if line.hasPrefix(prefix) { return lines }
        }
        throw BenchError("peerbot's output ended before a line starting with \(prefix)")
    }

    /// Reads all output to the end; returns the number of lines.
    func drainOutput() -> Int {
        var lines = buffered.count(where: { $0 == UInt8(ascii: "\n") })
        buffered = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(output, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { return lines }
            lines += chunk[..<count].count(where: { $0 == UInt8(ascii: "\n") })
        }
    }

    /// Waits for the child to exit; returns its exit status.
    @discardableResult
    func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        waited = true
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// The child's memory as /proc reports it now.
    func memory() -> ResidentMemory {
        ResidentMemory.read(process: "\(pid)")
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw BenchError("writing to peerbot failed: \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }
}
