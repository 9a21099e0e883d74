import Adapters
import Foundation
import LoopbackPeers
import Testing

@Suite struct HTTPClientTests {
    /// A client with no proxy (the loopback peer must be reached directly). The
    /// timeouts leave room for a loaded machine; tests about timeouts shorten them.
    func makeClient(_ adjust: (inout HTTPClientConfiguration) -> Void = { _ in }) throws -> HTTPClient {
        var configuration = HTTPClientConfiguration()
        configuration.proxy = .none
        configuration.connectTimeout = .seconds(10)
        configuration.requestTimeout = .seconds(20)
        adjust(&configuration)
        return try HTTPClient(configuration: configuration)
    }

    @Test func getRoundTrip() async throws {
        try await withPeer(.http) { peer in
            let client = try makeClient()
            let response = try await client.get(peer.url("http", "/hello"))
            #expect(response.status == 200)
            #expect(response.text == "hello")
            #expect(response.headers["content-type"] == "text/plain")
            await client.shutdown()
        }
    }

    @Test func postRoundTripWithALargeBodyAndHeaders() async throws {
        try await withPeer(.http) { peer in
            let client = try makeClient()
            let body = Data((0..<65_536).map { UInt8(truncatingIfNeeded: $0 &* 31) })
            let request = HTTPRequest.post(peer.url("http", "/echo"), body: body, contentType: "application/octet-stream",
                headers: ["Authorization": "Bot secret-token"])
            let response = try await client.send(request)
            #expect(response.status == 200)
            #expect(response.body == body)
            #expect(response.headers["X-Method"] == "POST")
            #expect(response.headers["X-Authorization"] == "Bot secret-token")
            #expect(response.headers["X-Content-Type"] == "application/octet-stream")
            // No `Expect: 100-continue` for a body over 1 KiB: curl's default is suppressed.
            #expect(response.headers["X-Expect"] == "")
            await client.shutdown()
        }
    }

    @Test(arguments: [HTTPMethod.put, .patch, .delete, .get])
    func methodsAreSentAsGiven(method: HTTPMethod) async throws {
        try await withPeer(.http) { peer in
            let client = try makeClient()
            let body: Data? = method == .get ? nil : Data("{\"a\":1}".utf8)
            let response = try await client.send(HTTPRequest(method: method, url: peer.url("http", "/echo"), body: body))
            #expect(response.headers["X-Method"] == method.rawValue)
            #expect(response.body == (body ?? Data()))
            await client.shutdown()
        }
    }

    @Test func clientAndServerErrorsAreSurfaced() async throws {
        try await withPeer(.http) { peer in
            let client = try makeClient()
            let notFound = try await client.get(peer.url("http", "/status/404"))
            #expect(notFound.status == 404)
            #expect(notFound.text == "status 404")
            #expect(throws: HTTPError.status(404)) { try notFound.requireSuccess() }
            let unavailable = try await client.get(peer.url("http", "/status/503"))
            #expect(unavailable.status == 503)
            #expect(unavailable.headers["Retry-After"] == "2")
            #expect(throws: HTTPError.status(503)) { try unavailable.requireSuccess() }
            await client.shutdown()
        }
    }

    @Test func aServerThatNeverAnswersTimesOut() async throws {
        try await withPeer(.http) { peer in
            let client = try makeClient { $0.requestTimeout = .seconds(1) }
            await #expect(throws: HTTPError.timedOut) {
                _ = try await client.get(peer.url("http", "/never"))
            }
            await client.shutdown()
        }
    }

    @Test func aServerThatClosesMidBodyIsAnError() async throws {
        try await withPeer(.http) { peer in
            let client = try makeClient()
            let error = await #expect(throws: HTTPError.self) {
                _ = try await client.get(peer.url("http", "/truncated"))
            }
            guard case .connectionClosed = error else {
                Issue.record("expected connectionClosed, got \(String(describing: error))")
                return
            }
            await client.shutdown()
        }
    }

    @Test func connectionRefusedIsAnError() async throws {
        let client = try makeClient()
        let port = try closedPort()
        let error = await #expect(throws: HTTPError.self) {
            _ = try await client.get(URL(string: "http://127.0.0.1:\(port)/")!)
        }
        guard case .connectionFailed = error else {
            Issue.record("expected connectionFailed, got \(String(describing: error))")
            return
        }
        await client.shutdown()
    }

    @Test func aHundredConcurrentRequestsCompleteOnOneMultiHandle() async throws {
        try await withPeer(.http) { peer in
            let client = try makeClient()
            let url = peer.url("http", "/echo")
            let bodies = try await withThrowingTaskGroup(of: (Int, Data).self) { group in
                for index in 0..<100 {
                    group.addTask {
                        let body = Data("request \(index)".utf8)
                        let response = try await client.send(.post(url, body: body, contentType: "text/plain"))
                        #expect(response.status == 200)
                        return (index, response.body)
                    }
                }
                var bodies: [Int: Data] = [:]
                for try await (index, body) in group { bodies[index] = body }
                return bodies
            }
            #expect(bodies.count == 100)
            for (index, body) in bodies { #expect(body == Data("request \(index)".utf8)) }
            await client.shutdown()
        }
    }

    @Test func connectionsAreReused() async throws {
        try await withPeer(.http) { peer in
            let client = try makeClient()
            let first = try await client.get(peer.url("http", "/hello"))
            let second = try await client.get(peer.url("http", "/hello"))
            #expect(!first.reusedConnection)
            #expect(second.reusedConnection)
            await client.shutdown()
        }
    }

    @Test func responsesOverTheCapAreRefused() async throws {
        try await withPeer(.http) { peer in
            let client = try makeClient { $0.maxResponseBytes = 1_000 }
            let atCap = try await client.get(peer.url("http", "/bytes/1000"))
            #expect(atCap.body.count == 1_000)
            await #expect(throws: HTTPError.responseTooLarge(limit: 1_000)) {
                _ = try await client.get(peer.url("http", "/bytes/5000"))
            }
            await client.shutdown()
        }
    }

    @Test func redirectsAreOffUnlessAsked() async throws {
        try await withPeer(.http) { peer in
            let plain = try makeClient()
            let redirect = try await plain.get(peer.url("http", "/redirect"))
            #expect(redirect.status == 302)
            #expect(redirect.headers["Location"] == "/hello")
            let following = try makeClient { $0.followRedirects = true }
            let followed = try await following.get(peer.url("http", "/redirect"))
            #expect(followed.status == 200)
            #expect(followed.text == "hello")
            #expect(followed.headers["Location"] == nil)
            await plain.shutdown()
            await following.shutdown()
        }
    }

    @Test func interimResponseHeadersAreDropped() async throws {
        try await withPeer(.http) { peer in
            let client = try makeClient()
            let response = try await client.get(peer.url("http", "/continue"))
            #expect(response.status == 200)
            #expect(response.text == "final")
            #expect(response.headers["X-Final"] == "yes")
            #expect(response.headers["X-Interim"] == nil)
            await client.shutdown()
        }
    }

    @Test func cancellingTheTaskAbortsTheTransfer() async throws {
        try await withPeer(.http) { peer in
            let client = try makeClient { $0.requestTimeout = .seconds(60) }
            let url = peer.url("http", "/never")
            let request = Task { try await client.get(url) }
            try await Task.sleep(for: .milliseconds(200))
            request.cancel()
            // With the 60 s timeout, only the cancellation can end this request within the hang guard.
            let outcome = try await withHangGuard(20) { await request.result }
            #expect(throws: CancellationError.self) { try outcome.get() }
            // The client still works after a cancelled transfer.
            #expect(try await client.get(peer.url("http", "/hello")).status == 200)
            await client.shutdown()
        }
    }

    @Test func aConfiguredProxyIsUsed() async throws {
        try await withPeer(.http) { peer in
            let client = try makeClient { $0.proxy = .url("http://127.0.0.1:\(peer.port)") }
            let response = try await client.get(URL(string: "http://peerbot.invalid/hello")!)
            #expect(response.status == 200)
            #expect(response.headers["X-Proxied"] == "yes")
            await client.shutdown()
        }
    }

    @Test func httpsVerifiesAgainstTheConfiguredCA() async throws {
        let certificates = try Fixtures.certificates.get()
        try await withPeer(.http, arguments: ["--cert", certificates.serverCertificate, "--key", certificates.serverKey]) { peer in
            let trusting = try makeClient { $0.caFile = certificates.caFile }
            let response = try await trusting.get(peer.url("https", "/hello"))
            #expect(response.text == "hello")
            let systemStore = try makeClient()
            let error = await #expect(throws: HTTPError.self) { _ = try await systemStore.get(peer.url("https", "/hello")) }
            guard case .tls = error else {
                Issue.record("expected a TLS error, got \(String(describing: error))")
                return
            }
            await trusting.shutdown()
            await systemStore.shutdown()
        }
    }

    @Test func shutdownFailsRequestsInFlightAndLater() async throws {
        try await withPeer(.http) { peer in
            let client = try makeClient { $0.requestTimeout = .seconds(60) }
            let url = peer.url("http", "/never")
            let inFlight = Task { try await client.get(url) }
            try await Task.sleep(for: .milliseconds(200))
            await client.shutdown()
            let outcome = try await withHangGuard(20) { await inFlight.result }
            #expect(throws: HTTPError.clientShutDown) { try outcome.get() }
            await #expect(throws: HTTPError.clientShutDown) { _ = try await client.get(url) }
        }
    }

    @Test func invalidRequestsAreRefusedBeforeSending() async throws {
        let client = try makeClient()
        let error = await #expect(throws: HTTPError.self) { _ = try await client.get(URL(string: "ftp://127.0.0.1/file")!) }
        guard case .invalidRequest = error else {
            Issue.record("expected invalidRequest, got \(String(describing: error))")
            return
        }
        let injected = HTTPRequest.get(URL(string: "http://127.0.0.1/")!, headers: ["X-Bad": "a\r\nInjected: yes"])
        let injection = await #expect(throws: HTTPError.self) { _ = try await client.send(injected) }
        guard case .invalidRequest = injection else {
            Issue.record("expected invalidRequest, got \(String(describing: injection))")
            return
        }
        await client.shutdown()
    }

    @Test func rateLimitHintsAreReadFromALiveResponse() async throws {
        try await withPeer(.http) { peer in
            let client = try makeClient()
            let response = try await client.get(peer.url("http", "/ratelimited"))
            #expect(response.status == 429)
            let now = Date()
            let limits = RateLimitHeaders(headers: response.headers, now: now)
            #expect(limits.limit == 5)
            #expect(limits.remaining == 0)
            #expect(limits.resetAfter == .milliseconds(1_500))
            #expect(limits.bucket == "abc123")
            // The body's fractional retry_after wins over the rounded Retry-After header.
            #expect(RetryAfter.delay(headers: response.headers, body: response.body, now: now) == .milliseconds(1_500))
            await client.shutdown()
        }
    }
}
