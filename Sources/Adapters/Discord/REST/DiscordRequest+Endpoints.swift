import Foundation

/// The endpoints the adapter uses, each citing its documentation.
extension DiscordRequest {
    /// gateway.mdx "Get Gateway Bot": the gateway URL, recommended shards, session start limit.
    public static func getGatewayBot() -> DiscordRequest {
        DiscordRequest(route: DiscordRoute("GET", "/gateway/bot"), isIdempotent: true)
    }

    /// message.mdx "Create Message".
    public static func createMessage(channelID: String, body: MessageCreateBody) -> DiscordRequest {
        DiscordRequest(
            route: DiscordRoute("POST", "/channels/{channel_id}/messages", ["channel_id": channelID], major: channelID),
            body: json(body), isIdempotent: body.enforceNonce == true)
    }

    /// user.mdx "Create DM": returns the existing DM channel when there is one.
    public static func createDM(recipientID: String) -> DiscordRequest {
        DiscordRequest(
            route: DiscordRoute("POST", "/users/@me/channels"), body: json(CreateDMBody(recipientID: recipientID)),
            isIdempotent: true)
    }

    /// message.mdx "Create Reaction". `emoji` is a Unicode emoji or `name:id`.
    public static func createReaction(channelID: String, messageID: String, emoji: String) -> DiscordRequest {
        DiscordRequest(
            route: DiscordRoute(
                "PUT", "/channels/{channel_id}/messages/{message_id}/reactions/{emoji_name}/@me",
                ["channel_id": channelID, "message_id": messageID, "emoji_name": emoji], major: channelID),
            isIdempotent: true)
    }

    /// receiving-and-responding.mdx "Create Interaction Response".
    public static func interactionCallback(interactionID: String, token: String, body: InteractionCallbackBody) -> DiscordRequest {
        DiscordRequest(
            route: DiscordRoute(
                "POST", "/interactions/{interaction_id}/{interaction_token}/callback",
                ["interaction_id": interactionID, "interaction_token": token], major: interactionID,
                exemptFromGlobalLimit: true),
            body: json(body), isIdempotent: true)
    }

    /// receiving-and-responding.mdx "Edit Original Interaction Response".
    public static func editOriginalResponse(applicationID: String, token: String, body: WebhookMessageBody) -> DiscordRequest {
        DiscordRequest(
            route: webhookRoute("PATCH", "/webhooks/{webhook_id}/{webhook_token}/messages/@original", applicationID, token),
            body: json(body), isIdempotent: true)
    }

    /// receiving-and-responding.mdx "Delete Original Interaction Response".
    public static func deleteOriginalResponse(applicationID: String, token: String) -> DiscordRequest {
        DiscordRequest(
            route: webhookRoute("DELETE", "/webhooks/{webhook_id}/{webhook_token}/messages/@original", applicationID, token),
            isIdempotent: true)
    }

    /// receiving-and-responding.mdx "Create Followup Message" (`wait` is always true there).
    public static func createFollowup(applicationID: String, token: String, body: WebhookMessageBody) -> DiscordRequest {
        DiscordRequest(
            route: webhookRoute("POST", "/webhooks/{webhook_id}/{webhook_token}", applicationID, token),
            body: json(body), isIdempotent: false)
    }

    /// application-commands.mdx "Bulk Overwrite Global Application Commands" and
    /// "Bulk Overwrite Guild Application Commands": replaces the whole set.
    public static func bulkOverwriteCommands(applicationID: String, guildID: String?, commands: [SlashCommandDefinition]) -> DiscordRequest {
        let route =
            guildID.map {
                DiscordRoute(
                    "PUT", "/applications/{application_id}/guilds/{guild_id}/commands",
                    ["application_id": applicationID, "guild_id": $0], major: $0)
            } ?? DiscordRoute("PUT", "/applications/{application_id}/commands", ["application_id": applicationID])
        return DiscordRequest(route: route, body: json(commands), isIdempotent: true)
    }

    private static func webhookRoute(_ method: String, _ template: String, _ applicationID: String, _ token: String) -> DiscordRoute {
        DiscordRoute(
            method, template, ["webhook_id": applicationID, "webhook_token": token], major: "\(applicationID)/\(token)",
            exemptFromGlobalLimit: true)
    }
}
