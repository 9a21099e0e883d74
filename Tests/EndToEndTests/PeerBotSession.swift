import Foundation
import LoopbackPeers
import Synchronization

/// A `peerbot` process whose stdin stays open: the test writes a line, waits
/// for the answer, changes things (the configuration file, a signal), writes
/// the next. Waiting is bounded so a broken build fails instead of hanging.
final class PeerBotSession {
    struct Timeout: Error, CustomStringConvertible {
        var waitingFor: String
        var stdout: [String]
        var stderr: String
        var description: String { "timed out waiting for \(waitingFor); stdout so far: \(stdout); stderr: \(stderr)" }
    }

    private let process = Process()
    private let input = SpawnGate.pipe()
    private let stdout = Collected()
    private let stderr = Collected()
    /// Bounds every wait; generous because the machine may be busy building.
    let patience: TimeInterval = 60

    init(_ peer: PeerBotProcess, arguments: [String]) throws {
        process.executableURL = PeerBotProcess.executable
        process.arguments = arguments
        process.currentDirectoryURL = peer.directory
        let output = SpawnGate.pipe(), errors = SpawnGate.pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try SpawnGate.run(process)
        stdout.read(from: output.fileHandleForReading)
        stderr.read(from: errors.fileHandleForReading)
    }

    /// Writes one console line.
    func send(_ line: String) {
        input.fileHandleForWriting.write(Data((line + "\n").utf8))
    }

    /// Waits until stdout holds at least `count` lines and returns them all.
    @discardableResult
    func waitForLines(_ count: Int) async throws -> [String] {
        try await wait(for: "\(count) lines of output") { stdout.lines.count >= count }
        return stdout.lines
    }

    /// Waits until stderr contains `text`.
    func waitForLog(_ text: String) async throws {
        try await wait(for: "\"\(text)\" in the log") { stderr.text.contains(text) }
    }

    /// Everything logged so far.
    var log: String { stderr.text }

    /// The process id, e.g. to read `/proc/PID/status`.
    var processIdentifier: Int32 { process.processIdentifier }

    /// Sends a signal to the process.
    func signal(_ number: Int32) {
        kill(process.processIdentifier, number)
    }

    /// Waits for the process to exit by itself (after a signal), keeping stdin
    /// open, and returns the status with everything printed.
    func waitForExit() async throws -> (status: Int32, stdout: [String], stderr: String) {
        try await wait(for: "the process to exit") { !process.isRunning }
        try await wait(for: "the end of output") { stdout.finished && stderr.finished }
        let result = (process.terminationStatus, stdout.lines, stderr.text)
        try input.fileHandleForWriting.close()
        return result
    }

    /// Closes stdin, waits for the exit, and returns the status with everything printed.
    func finish() async throws -> (status: Int32, stdout: [String], stderr: String) {
        try input.fileHandleForWriting.close()
        try await wait(for: "the process to exit") { !process.isRunning }
        try await wait(for: "the end of output") { stdout.finished && stderr.finished }
        return (process.terminationStatus, stdout.lines, stderr.text)
    }

    /// Polls with `Task.sleep`, so the test's pool thread is free meanwhile (see `awaitBlocking`).
    private func wait(for what: String, until condition: () -> Bool) async throws {
        let deadline = Date().addingTimeInterval(patience)
        while !condition() {
            guard Date() < deadline else {
                process.terminate()
                throw Timeout(waitingFor: what, stdout: stdout.lines, stderr: stderr.text)
            }
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    deinit {
        if process.isRunning { process.terminate() }
    }
}

/// Text read from a pipe on its own thread.
private final class Collected: Sendable {
    private let state = Mutex<(data: Data, finished: Bool)>((Data(), false))

    func read(from handle: FileHandle) {
        let thread = Thread { [self] in
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                state.withLock { $0.data.append(chunk) }
            }
            state.withLock { $0.finished = true }
        }
        thread.start()
    }

    var text: String { state.withLock { String(decoding: $0.data, as: UTF8.self) } }
    var finished: Bool { state.withLock { $0.finished } }
    /// Complete lines only.
    var lines: [String] {
        let text = self.text
        guard let lastNewline = text.lastIndex(of: "\n") else { return [] }
        return text[..<lastNewline].split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}
