import Foundation

/// One complete WebSocket message (fragments already reassembled).
public enum WebSocketMessage: Sendable, Equatable {
    case text(String)
    case binary(Data)

    /// The payload's size in bytes.
    public var byteCount: Int {
        switch self {
        case .text(let text): text.utf8.count
        case .binary(let data): data.count
        }
    }

    /// The text of a text message, nil for binary.
    public var text: String? {
        if case .text(let text) = self { return text }
        return nil
    }

    /// The payload as bytes (UTF-8 for text).
    public var data: Data {
        switch self {
        case .text(let text): Data(text.utf8)
        case .binary(let data): data
        }
    }
}
