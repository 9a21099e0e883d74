extension OutboundAction {
    /// The action's name in metrics labels.
    var metricsName: String {
        switch self {
        case .send: "send"
        case .replyPrivately: "reply_privately"
        case .page: "page"
        case .react: "react"
        }
    }
}
