/// A button with a `custom_id` (style 1 primary, 2 secondary, 3 success, 4 danger).
public struct Button: Encodable, Sendable, Equatable {
    public let type = 2
    public var style: Int
    public var label: String
    public var customID: String

    public init(style: Int, label: String, customID: String) {
        self.style = style
        self.label = label
        self.customID = customID
    }

    enum CodingKeys: String, CodingKey {
        case type, style, label
        case customID = "custom_id"
    }
}
