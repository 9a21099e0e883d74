/// Why the Matrix adapter stopped for good; the description names the cause and the fix.
public enum MatrixStopReason: Error, Sendable, Equatable, CustomStringConvertible {
    /// The homeserver rejected the access token.
    case unknownToken(userID: String, errcode: String)
    /// Password login was refused.
    case loginFailed(userID: String, errcode: String)
    /// The token belongs to another account than `matrix.user_id`.
    case wrongAccount(configured: String, actual: String)
    /// `/sync` was answered with a 4xx (not 401 or 429) `times` times in a row.
    case syncRejected(status: Int, errcode: String, times: Int)
    /// Any other error that retrying cannot fix.
    case fatal(String)

    public var description: String {
        switch self {
        case .unknownToken(let userID, let errcode):
            "the homeserver rejected the access token of \(userID) (\(errcode)): it was revoked, expired or mistyped; "
                + "create a new access token for the bot account and set matrix.access_token, then restart"
        case .loginFailed(let userID, let errcode):
            "password login for \(userID) was refused (\(errcode)): check matrix.password and matrix.user_id, then restart"
        case .wrongAccount(let configured, let actual):
            "the access token belongs to \(actual), not to matrix.user_id \(configured): fix one of them, then restart"
        case .syncRejected(let status, let errcode, let times):
            "the homeserver rejected /sync \(times) times in a row (HTTP \(status) \(errcode)): check that matrix.homeserver "
                + "is the homeserver's client-server API base URL (no path; not a web page or another service behind a proxy) "
                + "and that the bot account is active, then restart"
        case .fatal(let reason):
            reason
        }
    }
}
