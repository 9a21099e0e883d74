import Dispatch
import Foundation
import Logging
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A tiny HTTP/1.1 server for `/healthz` and `/metrics`: POSIX sockets, one
/// dedicated thread, one connection at a time, `Connection: close`. The
/// handler runs on that thread, synchronously: the answer never waits for
/// Swift's task pool.
///
/// Deliberately small (no NIO): it serves a few scrapes a minute on a loopback
/// address. A client gets 2 seconds to send its request head (at most 8 KiB),
/// so a slow or silent client holds the thread no longer than that.
public final class HealthServer: Sendable {
    /// A parsed request line.
    public struct Request: Sendable, Equatable {
        public var method: String
        /// The path without its query string.
        public var path: String
    }

    /// What the handler answers.
    public struct Response: Sendable, Equatable {
        public var status: Int
        public var contentType: String
        public var body: String

        public init(status: Int, contentType: String = "text/plain; charset=utf-8", body: String) {
            self.status = status
            self.contentType = contentType
            self.body = body
        }
    }

    /// The address actually bound (with the system's port when 0 was asked for).
    public let address: ListenAddress
    private let listener: Int32
    /// A pipe whose read end wakes the thread's poll when `stop()` writes to it.
    private let wakeRead: Int32
    private let wakeWrite: Int32
    private let handler: @Sendable (Request) -> Response
    private let logger: Logger
    private let finished = DispatchSemaphore(value: 0)
    private let stopped = Mutex(false)

    static let maxHeadBytes = 8192
    static let clientTimeoutSeconds = 2

    /// Binds and starts serving on a thread of its own.
    public init(
        address: ListenAddress, logger: Logger = Logger(label: "peerbot.health"),
        handler: @escaping @Sendable (Request) -> Response
    ) throws(HealthServerError) {
        let socketFD = try Self.bind(address)
        var pipeFDs: [Int32] = [0, 0]
        guard pipe(&pipeFDs) == 0 else {
            close(socketFD)
            throw .system("pipe", errno)
        }
        listener = socketFD
        wakeRead = pipeFDs[0]
        wakeWrite = pipeFDs[1]
        self.address = ListenAddress(host: address.host, port: Self.boundPort(socketFD) ?? address.port)
        self.handler = handler
        self.logger = logger
        let thread = Thread { [self] in
            serve()
            finished.signal()
        }
        thread.name = "peerbot-health"
        thread.start()
    }

    /// Stops accepting, waits for the thread to end, closes the sockets. Idempotent.
    public func stop() {
        let already = stopped.withLock { stopped in
            defer { stopped = true }
            return stopped
        }
        guard !already else { return }
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
        finished.wait()
        close(listener)
        close(wakeRead)
        close(wakeWrite)
    }

    private func serve() {
        var fds = [
            pollfd(fd: listener, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0),
        ]
        while true {
            fds[0].revents = 0
            fds[1].revents = 0
            let ready = poll(&fds, 2, -1)
            if ready < 0 {
                if errno == EINTR { continue }
                logger.error("health endpoint stopped", metadata: ["error": "poll: \(String(cString: strerror(errno)))"])
                return
            }
            if fds[1].revents != 0 { return }
            guard fds[0].revents & Int16(POLLIN) != 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            answer(client)
            close(client)
        }
    }

    /// Reads one request head, asks the handler, writes the response.
    private func answer(_ client: Int32) {
        Self.setTimeouts(client, seconds: Self.clientTimeoutSeconds)
        let response: Response
        let method: String
        switch Self.readHead(client) {
        case .success(let request):
            method = request.method
            if request.method != "GET" && request.method != "HEAD" {
                response = Response(status: 405, body: "only GET and HEAD\n")
            } else {
                response = handler(request)
            }
        case .failure(let problem):
            method = "GET"
            response = Response(status: problem.status, body: problem.reason + "\n")
        }
        Self.writeAll(client, Self.serialize(response, includeBody: method != "HEAD"))
        Self.closeGently(client)
    }
}
