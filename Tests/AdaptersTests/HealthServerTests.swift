import Foundation
import Testing
@testable import Adapters

/// The small HTTP server itself: methods, paths, bad requests, a busy port.
@Suite struct HealthServerTests {
    static func echoServer() throws -> HealthServer {
        try HealthServer(address: ListenAddress(host: "127.0.0.1", port: 0)) { request in
            request.path == "/missing"
                ? HealthServer.Response(status: 404, body: "no\n")
                : HealthServer.Response(status: 200, body: "\(request.method) \(request.path)\n")
        }
    }

    @Test func answersGetAndHeadAndDropsTheQuery() async throws {
        let server = try Self.echoServer()
        defer { server.stop() }
        let get = try await HTTPTestClient.get("/healthz?verbose=1", port: server.address.port)
        #expect(get.status == 200)
        #expect(get.body == "GET /healthz\n")
        #expect(get.headers["content-length"] == "13")
        #expect(get.headers["connection"] == "close")
        let head = try await HTTPTestClient.get("/healthz", port: server.address.port, method: "HEAD")
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(try await HTTPTestClient.get("/missing", port: server.address.port).status == 404)
    }

    @Test func refusesOtherMethodsAndBadRequests() async throws {
        let server = try Self.echoServer()
        defer { server.stop() }
        let port = server.address.port
        #expect(try await HTTPTestClient.get("/healthz", port: port, method: "POST").status == 405)
        #expect(try await HTTPTestClient.send("nonsense\r\n\r\n", port: port).status == 400)
        #expect(try await HTTPTestClient.send("GET healthz HTTP/1.1\r\n\r\n", port: port).status == 400)
        let huge = "GET / HTTP/1.1\r\nX-Filler: " + String(repeating: "a", count: 10_000) + "\r\n\r\n"
        #expect(try await HTTPTestClient.send(huge, port: port).status == 431)
        // A client that sends half a head and hangs up does not stop the server.
        #expect(try await HTTPTestClient.send("GET / HTTP/1.1\r\n", port: port).status == 408)
        #expect(try await HTTPTestClient.get("/after", port: port).body == "GET /after\n")
    }

    @Test func aBusyPortIsAClearError() throws {
        let first = try Self.echoServer()
        defer { first.stop() }
        #expect {
            try HealthServer(address: first.address) { _ in HealthServer.Response(status: 200, body: "") }
        } throws: { error in
            "\(error)".contains("another process listens there")
        }
    }

    @Test func stopIsIdempotentAndFreesThePort() async throws {
        // An address of its own in 127/8: between the stop and the second bind,
        // another process's ephemeral port on 127.0.0.1 cannot take this one.
        let server = try HealthServer(address: ListenAddress(host: "127.31.41.59", port: 0)) { _ in
            HealthServer.Response(status: 200, body: "first\n")
        }
        let address = server.address
        server.stop()
        server.stop()
        let again = try HealthServer(address: address) { _ in HealthServer.Response(status: 200, body: "again\n") }
        defer { again.stop() }
        #expect(try await HTTPTestClient.get("/", port: address.port, host: address.host).body == "again\n")
    }

    @Test func listenAddressesParse() {
        #expect(ListenAddress(parsing: "127.0.0.1:9464") == ListenAddress(host: "127.0.0.1", port: 9464))
        #expect(ListenAddress(parsing: "localhost:9464") == ListenAddress(host: "127.0.0.1", port: 9464))
        #expect(ListenAddress(parsing: "[::1]:9464") == ListenAddress(host: "::1", port: 9464))
        #expect(ListenAddress(parsing: "[::1]:9464")?.description == "[::1]:9464")
        #expect(ListenAddress(parsing: "0.0.0.0:9464")?.isLoopback == false)
        #expect(ListenAddress(parsing: "127.0.0.2:1")?.isLoopback == true)
        for bad in ["9464", "127.0.0.1", "127.0.0.1:99999", "example.org:9464", "::1:9464", "[::1]9464", "127.0.0.1:-1", ""] {
            #expect(ListenAddress(parsing: bad) == nil, "\(bad)")
        }
    }
}
