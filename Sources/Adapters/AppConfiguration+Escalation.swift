import PeerBot

extension AppConfiguration {
    /// Fills what `[escalation]` left out from the adapters' own sections. Pages
    /// go to the Matrix facilitators' room when Matrix is enabled and names one;
    /// else, with Mastodon and no console, to `mastodon:direct`; else to
    /// `console:<facilitator_channel>`. They mention the console's facilitators and
    /// those listed in each enabled platform section (backup: the admins). The
    /// adapters' role lists stay the source of roles; these lists only say whom to mention.
    mutating func deriveEscalationDefaults() {
        var escalation = core.escalation
        if !escalation.destinationConfigured {
            escalation.destination =
                if matrix.enabled && !matrix.facilitatorsRoom.isEmpty {
                    EscalationDestination(platform: .matrix, channelID: matrix.facilitatorsRoom)
                } else if !console.enabled && mastodon.enabled {
                    EscalationDestination(platform: .mastodon, channelID: MastodonConfiguration.facilitatorsChannelID)
                } else {
                    EscalationDestination(platform: .console, channelID: console.facilitatorChannel)
                }
        }
        let mastodonFacilitators = mastodon.enabled ? mastodon.facilitators.memberKeys : []
        let mastodonAdmins = mastodon.enabled ? mastodon.admins.memberKeys : []
        let matrixFacilitators = matrix.enabled ? matrix.facilitators.map { "matrix:\($0)" } : []
        let matrixAdmins = matrix.enabled ? matrix.admins.map { "matrix:\($0)" } : []
        if !escalation.facilitatorsConfigured {
            escalation.facilitators = console.facilitators.map { "console:\($0)" } + mastodonFacilitators + matrixFacilitators
        }
        if !escalation.backupConfigured {
            escalation.backup = console.admins.map { "console:\($0)" } + mastodonAdmins + matrixAdmins
        }
        core.escalation = escalation
    }

    /// Warnings for pages that no enabled adapter could deliver.
    func escalationWarnings() -> [String] {
        var destinations = [("escalation.destination", core.escalation.destination)]
        for (index, tier) in core.escalation.tiers.enumerated() {
            if let destination = tier.destination { destinations.append(("escalation.tiers[\(index + 1)].destination", destination)) }
        }
        if let notify = core.crisis.notifyDestination { destinations.append(("crisis.notify_destination", notify)) }
        let enabled = Set(enabledAdapters)
        return destinations.compactMap { key, destination in
            enabled.contains(destination.platform.rawValue)
                ? nil
                : "\(path): \(key): pages to \(destination) wait in the outbox until a \(destination.platform) adapter runs (it is not enabled)"
        }
    }
}
