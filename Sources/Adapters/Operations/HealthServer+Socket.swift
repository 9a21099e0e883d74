#if canImport(Glibc)
import Glibc
private let streamSocket = Int32(SOCK_STREAM.rawValue)
#elseif canImport(Darwin)
import Darwin
private let streamSocket = SOCK_STREAM
#endif

/// `bind(2)`, named apart from the static `bind` below.
private func systemBind(_ fd: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t) -> Int32 {
    #if canImport(Glibc)
    Glibc.bind(fd, address, length)
    #else
    Darwin.bind(fd, address, length)
    #endif
}

/// The POSIX socket calls of `HealthServer`.
extension HealthServer {
    /// Why a request head could not be read: the status to answer and a reason.
    struct HeadProblem: Error {
        var status: Int
        var reason: String
    }

    /// A listening TCP socket on `address` (close-on-exec, address reuse).
    static func bind(_ address: ListenAddress) throws(HealthServerError) -> Int32 {
        let family = address.isIPv6 ? AF_INET6 : AF_INET
        let fd = socket(family, streamSocket, 0)
        guard fd >= 0 else { throw .system("socket", errno) }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        var yes: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var result: Int32
        if address.isIPv6 {
            var socketAddress = sockaddr_in6()
            socketAddress.sin6_family = sa_family_t(AF_INET6)
            socketAddress.sin6_port = address.port.bigEndian
            _ = inet_pton(AF_INET6, address.host, &socketAddress.sin6_addr)
            result = withUnsafePointer(to: &socketAddress) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    systemBind(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size))
                }
            }
        } else {
            var socketAddress = sockaddr_in()
            socketAddress.sin_family = sa_family_t(AF_INET)
            socketAddress.sin_port = address.port.bigEndian
            _ = inet_pton(AF_INET, address.host, &socketAddress.sin_addr)
            result = withUnsafePointer(to: &socketAddress) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    systemBind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        }
        guard result == 0 else {
            let code = errno
            close(fd)
            throw .system("bind \(address)", code)
        }
        guard listen(fd, 16) == 0 else {
            let code = errno
            close(fd)
            throw .system("listen \(address)", code)
        }
        return fd
    }

    /// The port the system chose (for port 0).
    static func boundPort(_ fd: Int32) -> UInt16? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard result == 0 else { return nil }
        return withUnsafePointer(to: &storage) { pointer -> UInt16 in
            if Int32(pointer.pointee.ss_family) == AF_INET6 {
                return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin6_port) }
            }
            return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) }
        }
    }

    /// Receive and send timeouts, so a silent client cannot hold the thread.
    static func setTimeouts(_ fd: Int32, seconds: Int) {
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        let size = socklen_t(MemoryLayout<timeval>.size)
        _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, size)
        _ = setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, size)
    }

    /// Reads up to the blank line that ends the head and parses its request line.
    static func readHead(_ fd: Int32) -> Result<Request, HeadProblem> {
        var head: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 2048)
        let terminator: [UInt8] = Array("\r\n\r\n".utf8)
        while !head.containsSubsequence(terminator) {
            guard head.count < maxHeadBytes else {
                return .failure(HeadProblem(status: 431, reason: "request head too large"))
            }
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                return .failure(HeadProblem(status: 408, reason: "incomplete request"))
            }
            head.append(contentsOf: buffer[0..<count])
        }
        let firstLine = head.prefix { $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\n") }
        return parseRequestLine(String(decoding: firstLine, as: UTF8.self))
    }

    /// `GET /healthz?x HTTP/1.1` → GET, /healthz.
    static func parseRequestLine(_ line: String) -> Result<Request, HeadProblem> {
        let parts = line.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].hasPrefix("HTTP/1."), parts[1].hasPrefix("/"),
            parts[0].allSatisfy({ $0.isUppercase })
        else {
            return .failure(HeadProblem(status: 400, reason: "malformed request line"))
        }
        let path = parts[1].split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]
        return .success(Request(method: String(parts[0]), path: String(path)))
    }

    /// Sends FIN, then reads what the client still sends until it closes (bounded
    /// by the receive timeout and 64 KiB): closing with unread input would send
    /// a reset, which can destroy the response before the client reads it.
    static func closeGently(_ fd: Int32) {
        _ = shutdown(fd, Int32(SHUT_WR))
        var buffer = [UInt8](repeating: 0, count: 4096)
        var drained = 0
        while drained < 65_536 {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return }
            drained += count
        }
    }

    static func serialize(_ response: Response, includeBody: Bool) -> [UInt8] {
        let body = Array(response.body.utf8)
        var text = "HTTP/1.1 \(response.status) \(reasonPhrase(response.status))\r\n"
        text += "Content-Type: \(response.contentType)\r\n"
        text += "Content-Length: \(body.count)\r\n"
        text += "Cache-Control: no-store\r\nConnection: close\r\n\r\n"
        return Array(text.utf8) + (includeBody ? body : [])
    }

    static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 400: "Bad Request"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 431: "Request Header Fields Too Large"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return }
            offset += written
        }
    }
}

extension Array where Element == UInt8 {
    fileprivate func containsSubsequence(_ sequence: [UInt8]) -> Bool {
        guard count >= sequence.count else { return false }
        for start in 0...(count - sequence.count) where self[start..<(start + sequence.count)].elementsEqual(sequence) {
            return true
        }
        return false
    }
}
