/// Stand-in names for forgotten members.
///
/// Random rather than a hash of the member's key: a hash could be recomputed
/// from a guessed name and so would still name them. One pseudonym is used for
/// all of a member's rows in one `!forgetme`, so the trail stays consistent.
public enum Pseudonym {
    /// The prefix every pseudonym starts with.
    public static let prefix = "forgotten-"

    /// `forgotten-3f9a1c2e`
    public static func make() -> String {
        let value = UInt32.random(in: 0...UInt32.max)
        let hex = String(value, radix: 16)
        return prefix + String(repeating: "0", count: 8 - hex.count) + hex
    }
}
