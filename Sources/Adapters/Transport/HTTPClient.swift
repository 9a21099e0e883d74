import Foundation
import Logging

/// An async HTTP client over libcurl: one multi handle serviced by one
/// dedicated thread, shared by every request, with connection reuse.
///
/// Every status is returned as an `HTTPResponse`; transport failures throw
/// `HTTPError`; cancelling the calling task aborts the transfer and throws
/// `CancellationError`. Call `shutdown()` when done (deinit also stops the
/// thread, without waiting).
public final class HTTPClient: Sendable {
    public let configuration: HTTPClientConfiguration
    private let loop: CurlMultiLoop

    public init(configuration: HTTPClientConfiguration = HTTPClientConfiguration(),
                logger: Logger = Logger(label: "peerbot.http")) throws(HTTPError) {
        self.configuration = configuration
        loop = try CurlMultiLoop(configuration: configuration, logger: logger)
    }

    deinit {
        loop.requestStop()
    }

    /// Sends `request` and returns the response, whatever its status.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try Task.checkCancellation()
        let id = loop.makeID()
        let transfer = try CurlTransfer(id: id, request: request, configuration: configuration)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPResponse, any Error>) in
                transfer.attach(continuation)
                loop.enqueue(transfer)
            }
        } onCancel: {
            loop.cancel(id: id)
        }
    }

    /// GETs `url`.
    public func get(_ url: URL, headers: HTTPHeaders = [:]) async throws -> HTTPResponse {
        try await send(.get(url, headers: headers))
    }

    /// Stops the loop thread after failing requests in flight with `HTTPError.clientShutDown`,
    /// and returns when the thread has ended and the multi handle is cleaned up.
    public func shutdown() async {
        await loop.stop()
    }
}
