/// A list of events that survives one malformed entry: each element that does
/// not decode is dropped (and counted), never failing the whole `/sync`.
public struct MatrixEventList: Sendable, Hashable, Decodable {
    public var events: [MatrixEvent]
    /// How many entries could not be decoded.
    public var undecodable: Int

    public init(events: [MatrixEvent] = [], undecodable: Int = 0) {
        self.events = events
        self.undecodable = undecodable
    }

    enum CodingKeys: String, CodingKey { case events }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let lossy = try container.decodeIfPresent([MatrixLossyEvent].self, forKey: .events) ?? []
        events = lossy.compactMap(\.event)
        undecodable = lossy.count - events.count
    }
}

/// One array element decoded as an event, or nil when it is not one.
struct MatrixLossyEvent: Decodable {
    var event: MatrixEvent?

    init(from decoder: any Decoder) throws {
        event = try? MatrixEvent(from: decoder)
    }
}
