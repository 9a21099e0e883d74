import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A loopback server from `Tests/Peers/` (Python, in the virtual environment
/// `make peers` creates), for transport and adapter tests and benchmarks. It listens on a
/// free port of 127.0.0.1 and prints it; `stop()` kills it, and it also exits
/// by itself when this process ends (its stdin closes).
/// Spawned with `ChildProcess` (posix_spawn); stopping is kill + waitpid.
public final class LoopbackPeer: Sendable {
    /// The peer scripts.
    public enum Script: String, Sendable {
        /// `ws_server.py`: echo, close codes, fragments, a silent peer, …
        case webSocket = "ws_server.py"
        /// `http_server.py`: status codes, a server that never answers, a truncated body, …
        case http = "http_server.py"
        /// `discord_fake.py`: a fake Discord, gateway and REST, for the Discord adapter tests.
        case discord = "discord_fake.py"
        /// `mastodon_server.py`: a fake Mastodon serving recorded responses and the streaming API.
        case mastodon = "mastodon_server.py"
        /// `fault_proxy.py`: forwards to a homeserver and injects 429s and dropped connections (the soak test).
        case faultProxy = "fault_proxy.py"
        /// `holding_proxy.py`: forwards to a real server (Synapse) and can hold one request, for crash tests.
        case holdingProxy = "holding_proxy.py"
    }

    /// The port the peer listens on.
    public let port: Int
    private let child: Mutex<(pid: pid_t, stdin: Int32)?>

    /// The peer's process id while it runs (nil once stopped).
    public var processIdentifier: pid_t? { child.withLock { $0?.pid } }

    private init(port: Int, pid: pid_t, stdin: Int32) {
        self.port = port
        child = Mutex((pid, stdin))
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
        let python = directory.appendingPathComponent(".venv/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw LoopbackPeerError("the test peers' Python environment is missing (\(python)): run `make peers`")
        }
        let errorLog = FileManager.default.temporaryDirectory.appendingPathComponent("peerbot-peer-\(UUID().uuidString).log").path
        defer { unlink(errorLog) }
        let (pid, input, output) = try ChildProcess.spawn(python, [directory.appendingPathComponent(script.rawValue).path] + arguments, errorLog: errorLog)
        let line = await readLine(output)
        close(output)
        guard let line, line.hasPrefix("PORT "), let port = Int(line.dropFirst(5)) else {
            kill(pid, SIGKILL)
            close(input)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            let stderr = (try? String(contentsOfFile: errorLog, encoding: .utf8)) ?? ""
            let hint = stderr.contains("ModuleNotFoundError") ? " — run `make peers`" : ""
            throw LoopbackPeerError("\(script.rawValue) did not start\(hint): \(stderr.suffix(600))")
        }
        return LoopbackPeer(port: port, pid: pid, stdin: input)
    }

    /// Kills the peer, closes its stdin and reaps it. Safe to call twice.
    public func stop() {
        guard let (pid, input) = child.withLock({ child -> (pid_t, Int32)? in
            defer { child = nil }
            return child
        }) else { return }
        kill(pid, SIGKILL)
        close(input)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }

    /// A URL on this peer: `url("ws", "/echo")` → `ws://127.0.0.1:PORT/echo`.
    public func url(_ scheme: String, _ path: String, host: String = "127.0.0.1") -> URL {
        URL(string: "\(scheme)://\(host):\(port)\(path)") ?? URL(fileURLWithPath: "/")
    }

    /// Reads one line on a plain thread, so a slow interpreter start never blocks the cooperative pool.
    private static func readLine(_ descriptor: Int32) async -> String? {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                var bytes: [UInt8] = []
                var byte: UInt8 = 0
                while read(descriptor, &byte, 1) == 1, byte != UInt8(ascii: "\n") {
                    bytes.append(byte)
                }
                continuation.resume(returning: bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self))
            }
            thread.start()
        }
    }
}
