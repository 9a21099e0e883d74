import Foundation
import Synchronization

/// The built `peerbot` executable, run by a test with everything it prints —
/// stdout and stderr — captured in one file, so a test can read it all back
/// (the secret-leak tests grep it for every form of every token).
public final class PeerBotExecutable: Sendable {
    /// `PEERBOT_BIN`, else `.build/debug/peerbot` in the repository.
    public static var path: String {
        if let path = ProcessInfo.processInfo.environment["PEERBOT_BIN"] { return path }
        return LoopbackPeer.peersDirectory.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/debug/peerbot").path
    }

    /// The process did not do what the test waited for.
    public struct Failed: Error, CustomStringConvertible {
        public var description: String
    }

    private let process: Process
    private let outputFile: URL

    /// Starts `peerbot arguments…` in `directory` with `environment` added to this process's.
    public init(_ arguments: [String], directory: URL, environment: [String: String] = [:]) throws {
        guard FileManager.default.isExecutableFile(atPath: Self.path) else {
            throw Failed(description: "no peerbot executable at \(Self.path): build it first (make test)")
        }
        outputFile = directory.appendingPathComponent("peerbot-output-\(UUID().uuidString).txt")
        guard FileManager.default.createFile(atPath: outputFile.path, contents: nil) else {
            throw Failed(description: "cannot create \(outputFile.path)")
        }
        let handle = try FileHandle(forWritingTo: outputFile)
        process = Process()
        process.executableURL = URL(fileURLWithPath: Self.path)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = handle
        process.standardError = handle
        try SpawnGate.run(process)
        try handle.close()
    }

    /// Runs `peerbot arguments…` to its end and returns its status and everything it printed.
    public static func run(_ arguments: [String], directory: URL, environment: [String: String] = [:], seconds: Double = 60)
        async throws -> (status: Int32, output: String)
    {
        let run = try PeerBotExecutable(arguments, directory: directory, environment: environment)
        guard let status = try await run.waitForExit(seconds: seconds) else {
            await run.terminate()
            throw Failed(description: "peerbot \(arguments.first ?? "") did not exit in \(Int(seconds)) s; it printed:\n\(run.output)")
        }
        return (status, run.output)
    }

    /// Everything printed so far.
    public var output: String {
        (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
    }

    public var isRunning: Bool { process.isRunning }

    /// Waits (a generous deadline, not a timing assertion) until the output contains `text`.
    public func waitFor(_ text: String, seconds: Double = 60) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        while !output.contains(text) {
            guard Date() < deadline else { throw Failed(description: "peerbot never printed \"\(text)\"; it printed:\n\(output)") }
            if !process.isRunning, !output.contains(text) {
                throw Failed(description: "peerbot exited (\(process.terminationStatus)) without printing \"\(text)\":\n\(output)")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Waits for the process to end by itself; nil when it is still running at the deadline.
    public func waitForExit(seconds: Double = 60) async throws -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning {
            guard Date() < deadline else { return nil }
            try await Task.sleep(for: .milliseconds(20))
        }
        return process.terminationStatus
    }

    /// Stops it with SIGTERM (a graceful shutdown) and waits, polling so the
    /// caller's pool thread stays free (see `awaitBlocking`).
    public func terminate() async {
        if process.isRunning { process.terminate() }
        while process.isRunning { try? await Task.sleep(for: .milliseconds(10)) }
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}
