import Adapters
import Foundation
import LoopbackPeers
import Testing

/// The loopback fake Discord (`Tests/Peers/discord_fake.py`): its REST base
/// URL for the adapter, and its test-control endpoints (what it recorded,
/// dispatch an event, close the connection, script a response).
final class FakeDiscord: Sendable {
    static let token = "test-bot-token"

    let peer: LoopbackPeer
    let http: HTTPClient
    let gatewayPort: Int

    private init(peer: LoopbackPeer, http: HTTPClient, gatewayPort: Int) {
        self.peer = peer
        self.http = http
        self.gatewayPort = gatewayPort
    }

    /// Starts a fake on free ports, or on the ports given (0: a free one).
    static func start(httpPort: Int = 0, gatewayPort: Int = 0) async throws -> FakeDiscord {
        let peer = try await LoopbackPeer.start(.discord, arguments: ["--http-port", "\(httpPort)", "--gateway-port", "\(gatewayPort)"])
        let http = try HTTPClient()
        let info = try JSONValue.parse(try await http.get(peer.url("http", "/_test/info")).body)
        let port = try #require(info["gateway_port"]?.int)
        return FakeDiscord(peer: peer, http: http, gatewayPort: port)
    }

    func stop() async {
        peer.stop()
        await http.shutdown()
    }

    /// After `stop()` (the process killed: connections drop without a close
    /// frame), a new fake on the same ports, knowing none of the old sessions:
    /// Discord came back.
    func startAgain() async throws -> FakeDiscord {
        try await Self.start(httpPort: peer.port, gatewayPort: gatewayPort)
    }

    var apiBaseURL: URL { peer.url("http", "/api/v10") }
    var gatewayURL: URL { URL(string: "ws://127.0.0.1:\(gatewayPort)") ?? peer.url("ws", "/") }

    // MARK: - Control

    @discardableResult
    func control(_ path: String, _ json: String) async throws -> JSONValue {
        let response = try await http.send(.post(peer.url("http", path), body: Data(json.utf8), contentType: "application/json"))
        return try JSONValue.parse(response.body)
    }

    /// Sends a dispatch to the live session; returns its sequence number.
    @discardableResult
    func dispatch(_ name: String, _ data: String) async throws -> Int {
        try #require(try await control("/_test/dispatch", #"{"t":"\#(name)","d":\#(data)}"#)["s"]?.int)
    }

    /// Sends a dispatch given as a whole frame (from `Payloads`), keeping only its event name and data.
    @discardableResult
    func dispatch(frame: String) async throws -> Int {
        let value = try JSONValue.parse(frame)
        let name = try #require(value["t"]?.string)
        let data = String(frame[try #require(frame.range(of: #""d":"#)).upperBound...].dropLast())
        return try await dispatch(name, data)
    }

    func sendOpcode(_ op: Int, _ data: String) async throws {
        try await control("/_test/op", #"{"op":\#(op),"d":\#(data)}"#)
    }

    func closeConnection(code: Int) async throws {
        try await control("/_test/close", #"{"code":\#(code)}"#)
    }

    func configure(_ json: String) async throws {
        try await control("/_test/config", json)
    }

    /// The next `times` requests matching `method` and the `path` regex get this response.
    func script(_ method: String, _ path: String, status: Int, headers: [(String, String)] = [], body: String, times: Int = 1) async throws {
        let headerJSON = headers.map { #"["\#($0.0)","\#($0.1)"]"# }.joined(separator: ",")
        try await control("/_test/script", #"{"method":"\#(method)","path":"\#(path)","status":\#(status),"headers":[\#(headerJSON)],"body":\#(body),"times":\#(times)}"#)
    }

    /// Everything recorded so far.
    func records() async throws -> [JSONValue] {
        try JSONValue.parse(try await http.get(peer.url("http", "/_test/log")).body)["records"]?.array ?? []
    }

    /// Polls the records until `predicate` holds; fails after a generous deadline (not a timing assertion).
    @discardableResult
    func waitFor(_ what: String, seconds: Double = 20, _ predicate: ([JSONValue]) -> Bool) async throws -> [JSONValue] {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            let records = try await records()
            if predicate(records) { return records }
            try await Task.sleep(for: .milliseconds(20))
        }
        let seen = (try? await records())?.map(Self.summary).joined(separator: "\n") ?? "(no log)"
        Issue.record("the fake Discord never saw: \(what). It saw:\n\(seen)")
        throw FakeDiscordError.timedOut(what)
    }

    /// One line per record, for failure messages.
    static func summary(_ record: JSONValue) -> String {
        let kind = record["kind"]?.string ?? "?"
        switch kind {
        case "rest":
            return "rest \(record["method"]?.string ?? "") \(record["path"]?.string ?? "") → \(record["status"]?.int ?? 0) \(record["body"]?.string?.prefix(120) ?? "")"
        case "gateway":
            return "gateway op \(record["op"]?.int ?? -1) conn \(record["conn"]?.int ?? 0)"
        case "dispatch":
            return "dispatch \(record["t"]?.string ?? "") s=\(record["s"]?.int ?? 0)"
        default:
            return "\(kind) \(record["path"]?.string ?? "") \(record["code"]?.int.map(String.init) ?? "")"
        }
    }

    enum FakeDiscordError: Error { case timedOut(String) }
}

extension Array where Element == JSONValue {
    func of(kind: String) -> [JSONValue] { filter { $0["kind"]?.string == kind } }

    /// Gateway payloads the client sent with opcode `op`.
    func sent(op: Int) -> [JSONValue] { of(kind: "gateway").filter { $0["op"]?.int == op } }

    /// REST requests, optionally with this method and path prefix.
    func rest(_ method: String? = nil, _ pathPrefix: String = "") -> [JSONValue] {
        of(kind: "rest").filter { ($0["method"]?.string == method || method == nil) && ($0["path"]?.string?.hasPrefix(pathPrefix) ?? false) }
    }
}

extension JSONValue {
    /// The recorded request body, parsed.
    var requestBody: JSONValue? { self["body"]?.string.flatMap { try? JSONValue.parse($0) } }
}
