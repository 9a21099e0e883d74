import PeerBot

extension AppConfiguration {
    /// Fills what `[escalation]` left out from the adapters' own sections: pages
    /// go to the Matrix facilitators' room when Matrix is enabled and names one,
    /// else to `console:<facilitator_channel>`; they mention the console's
    /// facilitators and, with Matrix enabled, its listed facilitators (backup:
    /// the admins). Each adapter's role lists stay the source of its roles;
    /// these lists only say whom to mention.
    mutating func deriveEscalationDefaults() {
        var escalation = core.escalation
        let matrixOn = matrix.enabled
        if !escalation.destinationConfigured {
            escalation.destination =
                matrixOn && !matrix.facilitatorsRoom.isEmpty
                ? EscalationDestination(platform: .matrix, channelID: matrix.facilitatorsRoom)
                : EscalationDestination(platform: .console, channelID: console.facilitatorChannel)
        }
        if !escalation.facilitatorsConfigured {
            escalation.facilitators =
                console.facilitators.map { "console:\($0)" } + (matrixOn ? matrix.facilitators.map { "matrix:\($0)" } : [])
        }
        if !escalation.backupConfigured {
            escalation.backup = console.admins.map { "console:\($0)" } + (matrixOn ? matrix.admins.map { "matrix:\($0)" } : [])
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
