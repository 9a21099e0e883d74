#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An IP address and port to listen on: `127.0.0.1:9464`, `[::1]:9464`
/// (`localhost` means 127.0.0.1). Port 0 asks the system for a free port.
public struct ListenAddress: Sendable, Equatable, CustomStringConvertible {
    /// The address literal, without brackets.
    public var host: String
    public var port: UInt16
    /// True for an IPv6 literal.
    public var isIPv6: Bool { host.contains(":") }

    public init(host: String, port: UInt16) {
        self.host = host
        self.port = port
    }

    /// Parses `HOST:PORT`; nil for anything else (a name other than localhost, a bad port).
    public init?(parsing text: String) {
        var hostPart: Substring
        let portPart: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":") else { return nil }
            hostPart = text[text.index(after: text.startIndex)..<close]
            portPart = text[text.index(close, offsetBy: 2)...]
        } else {
            guard let colon = text.lastIndex(of: ":"), !text[..<colon].contains(":") else { return nil }
            hostPart = text[..<colon]
            portPart = text[text.index(after: colon)...]
        }
        if hostPart == "localhost" { hostPart = "127.0.0.1" }
        guard let port = UInt16(portPart), Self.isLiteral(String(hostPart)) else { return nil }
        self.init(host: String(hostPart), port: port)
    }

    /// True for 127.0.0.0/8 and ::1, which only this machine can reach.
    public var isLoopback: Bool {
        isIPv6 ? host == "::1" || host == "0:0:0:0:0:0:0:1" : host.hasPrefix("127.")
    }

    public var description: String { isIPv6 ? "[\(host)]:\(port)" : "\(host):\(port)" }

    private static func isLiteral(_ host: String) -> Bool {
        if host.contains(":") {
            var address = in6_addr()
            return inet_pton(AF_INET6, host, &address) == 1
        }
        var address = in_addr()
        return inet_pton(AF_INET, host, &address) == 1
    }
}
