import Foundation

/// A loopback server from `Tests/Peers/` (Python, in the virtual environment
/// `make peers` creates), for transport tests and benchmarks. It listens on a
/// free port of 127.0.0.1 and prints it; `stop()` kills it, and it also exits
/// by itself when this process ends (its stdin closes).
public final class LoopbackPeer: Sendable {
    /// The peer scripts.
    public enum Script: String, Sendable {
        /// `ws_server.py`: echo, close codes, fragments, a silent peer, …
        case webSocket = "ws_server.py"
        /// `http_server.py`: status codes, a server that never answers, a truncated body, …
        case http = "http_server.py"
    }

    /// The port the peer listens on.
    public let port: Int
    private let process: Process
    private let input: Pipe

    private init(port: Int, process: Process, input: Pipe) {
        self.port = port
        self.process = process
        self.input = input
    }

    deinit {
        stop()
    }

    /// The repository's `Tests/Peers` folder (`PEERBOT_PEERS_DIR` overrides it).
    public static var peersDirectory: URL {
        if let path = ProcessInfo.processInfo.environment["PEERBOT_PEERS_DIR"] {
            return URL(fileURLWithPath: path)
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Tests/Peers")
    }

    /// Starts `script` with `arguments` and returns once it has printed its port.
    /// Fails with a message naming `make peers` when the virtual environment is missing.
    public static func start(_ script: Script, arguments: [String] = []) async throws -> LoopbackPeer {
        let directory = peersDirectory
        let python = directory.appendingPathComponent(".venv/bin/python")
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw LoopbackPeerError("the test peers' Python environment is missing (\(python.path)): run `make peers`")
        }
        let process = Process()
        process.executableURL = python
        process.arguments = [directory.appendingPathComponent(script.rawValue).path] + arguments
        process.currentDirectoryURL = directory
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let line = await readLine(output.fileHandleForReading)
        guard let line, line.hasPrefix("PORT "), let port = Int(line.dropFirst(5)) else {
            kill(process.processIdentifier, SIGKILL)
            let stderr = String(decoding: errors.fileHandleForReading.availableDataOrEmpty, as: UTF8.self)
            let hint = stderr.contains("ModuleNotFoundError") ? " — run `make peers`" : ""
            throw LoopbackPeerError("\(script.rawValue) did not start\(hint): \(stderr.suffix(600))")
        }
        return LoopbackPeer(port: port, process: process, input: input)
    }

    /// Kills the peer (SIGKILL: a child spawned from a pool thread may inherit a
    /// blocked SIGTERM) and closes its stdin. Does not block; Foundation reaps it.
    /// Safe to call twice.
    public func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
        }
        try? input.fileHandleForWriting.close()
    }

    /// A URL on this peer: `url("ws", "/echo")` → `ws://127.0.0.1:PORT/echo`.
    public func url(_ scheme: String, _ path: String, host: String = "127.0.0.1") -> URL {
        URL(string: "\(scheme)://\(host):\(port)\(path)") ?? URL(fileURLWithPath: "/")
    }

    /// Reads one line on a plain thread, so a slow interpreter start never blocks the cooperative pool.
    private static func readLine(_ handle: FileHandle) async -> String? {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                var bytes: [UInt8] = []
                while true {
                    let chunk = handle.readData(ofLength: 1)
                    guard let byte = chunk.first else { break }
                    if byte == UInt8(ascii: "\n") { break }
                    bytes.append(byte)
                }
                continuation.resume(returning: bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self))
            }
            thread.start()
        }
    }
}

/// Why a loopback peer could not be started.
public struct LoopbackPeerError: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}

extension FileHandle {
    /// What can be read now without blocking on a live writer: the rest after the writer exited.
    fileprivate var availableDataOrEmpty: Data {
        (try? readToEnd()) ?? Data()
    }
}
