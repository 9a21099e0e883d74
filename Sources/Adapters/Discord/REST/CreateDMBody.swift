/// The body of Create DM (user.mdx "Create DM").
public struct CreateDMBody: Encodable, Sendable, Equatable {
    public var recipientID: String

    enum CodingKeys: String, CodingKey {
        case recipientID = "recipient_id"
    }
}
