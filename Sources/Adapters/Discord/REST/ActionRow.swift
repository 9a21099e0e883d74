/// An action row of buttons (components reference: action row type 1,
/// button type 2). PeerBot's buttons carry a `custom_id` the translator maps
/// back to a command (`ButtonCommand`).
public struct ActionRow: Encodable, Sendable, Equatable {
    public let type = 1
    public var components: [Button]

    public init(components: [Button]) {
        self.components = components
    }

    enum CodingKeys: String, CodingKey {
        case type, components
    }
}
