/// One command a soak member types, where, and what its answer must say.
struct SoakCommand: Sendable {
    enum Place: Sendable {
        /// The member's direct-message room with PeerBot: the answer comes there, after it.
        case direct
        /// The shared room: only `!facilitator` goes there; its answer is the private confirmation.
        case general
    }

    var text: String
    var place: Place
    /// Words the answer must contain (any one of them).
    var expected: [String]

    var isEscalation: Bool { place == .general }

    /// True when `body` is the answer this command should get.
    func accepts(_ body: String) -> Bool {
        expected.contains { body.contains($0) }
    }
}
