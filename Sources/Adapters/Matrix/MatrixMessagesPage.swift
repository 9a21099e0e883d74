import Foundation

/// A page of `GET /rooms/{roomId}/messages` (used to fill a `limited` gap).
public struct MatrixMessagesPage: Sendable, Decodable {
    /// Events in the order requested (`dir=b`: newest first).
    public var chunk: [MatrixEvent]
    /// The token for the next page; absent at the start of the room.
    public var end: String?

    public init(chunk: [MatrixEvent], end: String?) {
        self.chunk = chunk
        self.end = end
    }

    enum CodingKeys: String, CodingKey { case chunk, end }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        chunk = (try container.decodeIfPresent([MatrixLossyEvent].self, forKey: .chunk) ?? []).compactMap(\.event)
        end = try? container.decodeIfPresent(String.self, forKey: .end)
    }
}
