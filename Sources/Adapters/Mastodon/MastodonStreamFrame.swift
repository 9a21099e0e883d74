import Foundation

/// One message from the streaming API's WebSocket.
///
/// Each message is a JSON object whose `payload` is itself a JSON document
/// encoded as a string: `{"stream":["user:notification"],"event":"notification","payload":"{\"id\":\"8\",…}"}`
/// (docs.joinmastodon.org/methods/streaming/#events). Errors come as
/// `{"error":"…","status":400}`.
public enum MastodonStreamFrame: Sendable, Equatable {
    /// `event: notification` with its decoded payload.
    case notification(MastodonNotification)
    /// Any other event (`update`, `delete`, `status.update`, `conversation`,
    /// `filters_changed`, `announcement`, …): not needed by the bot.
    case otherEvent(String)
    /// The server reported an error on the stream.
    case serverError(message: String, status: Int?)

    /// The largest frame accepted, in bytes; statuses are a few kilobytes.
    public static let maximumBytes = 1 << 20

    /// Parses a text message. Throws `MastodonStreamFrameError` (never crashes) for
    /// anything that is not a frame the bot can read.
    public static func parse(_ text: String) throws(MastodonStreamFrameError) -> MastodonStreamFrame {
        try parse(Data(text.utf8))
    }

    /// Parses a message's bytes.
    public static func parse(_ data: Data) throws(MastodonStreamFrameError) -> MastodonStreamFrame {
        guard data.count <= maximumBytes else { throw .tooLarge(bytes: data.count) }
        let envelope: Envelope
        do {
            envelope = try JSONDecoder().decode(Envelope.self, from: data)
        } catch {
            throw .notAnEnvelope
        }
        if let message = envelope.error {
            return .serverError(message: message, status: envelope.status)
        }
        guard let event = envelope.event, !event.isEmpty else { throw .missingEvent }
        guard event == "notification" else { return .otherEvent(event) }
        guard let payload = envelope.payload else { throw .malformedPayload(event: event) }
        do {
            return .notification(try JSONDecoder().decode(MastodonNotification.self, from: Data(payload.utf8)))
        } catch {
            throw .malformedPayload(event: event)
        }
    }

    /// The outer object. `payload` must be a string; `delete` events carry a
    /// bare id there, other events a JSON document.
    private struct Envelope: Decodable {
        var event: String?
        var payload: String?
        var error: String?
        var status: Int?
    }
}

/// Why a streaming message could not be read. Carries no message content, so
/// it can be logged as is.
public enum MastodonStreamFrameError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not a JSON object of the expected shape (or `payload` was not a string).
    case notAnEnvelope
    /// No `event` field.
    case missingEvent
    /// The event's payload is missing or does not decode.
    case malformedPayload(event: String)
    /// Larger than `MastodonStreamFrame.maximumBytes`.
    case tooLarge(bytes: Int)

    public var description: String {
        switch self {
        case .notAnEnvelope: "not a streaming event object"
        case .missingEvent: "no event name"
        case .malformedPayload(let event): "the \(event.prefix(40)) payload does not decode"
        case .tooLarge(let bytes): "\(bytes) bytes, over the \(MastodonStreamFrame.maximumBytes)-byte limit"
        }
    }

    /// A short label for log metadata.
    public var kind: String {
        switch self {
        case .notAnEnvelope: "not-an-envelope"
        case .missingEvent: "missing-event"
        case .malformedPayload: "malformed-payload"
        case .tooLarge: "too-large"
        }
    }
}
