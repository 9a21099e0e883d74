/// The body of Create Interaction Response (receiving-and-responding.mdx
/// "Interaction Response Structure").
public struct InteractionCallbackBody: Encodable, Sendable, Equatable {
    /// receiving-and-responding.mdx "Interaction Callback Type".
    public enum CallbackType: Int, Sendable {
        case pong = 1
        case channelMessageWithSource = 4
        case deferredChannelMessageWithSource = 5
        case deferredUpdateMessage = 6
    }

    public var type: Int
    public var data: WebhookMessageBody?

    /// Answer with a message now.
    public static func message(_ data: WebhookMessageBody) -> InteractionCallbackBody {
        InteractionCallbackBody(type: CallbackType.channelMessageWithSource.rawValue, data: data)
    }

    /// "Thinking…": answer later by editing the original response. Only the
    /// `flags` of the data count here, and they decide whether the eventual answer is ephemeral.
    public static func deferred(ephemeral: Bool) -> InteractionCallbackBody {
        InteractionCallbackBody(
            type: CallbackType.deferredChannelMessageWithSource.rawValue,
            data: ephemeral ? WebhookMessageBody(content: nil, ephemeral: true) : nil)
    }
}
