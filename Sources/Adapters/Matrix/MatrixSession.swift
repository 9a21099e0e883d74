/// What a signed-in adapter works with: the client with its token, the
/// account, and the direct-message rooms.
struct MatrixSession: Sendable {
    let client: MatrixClient
    let botUserID: String
    let directRooms: MatrixDirectRooms
}
