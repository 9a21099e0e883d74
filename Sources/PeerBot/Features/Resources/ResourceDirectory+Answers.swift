extension ResourceDirectory {
    /// The text of an answer listing services for a topic and region.
    public func answer(topic: ResourceTopic?, region: RegionCode?, maxEntries: Int, prefix: String) -> String {
        let found = lookup(topic: topic, region: region)
        let topicLabel = topic?.label ?? "crisis"
        var lines: [String] = []
        let regional = region.map { code in found.filter { $0.regions.contains(code) } } ?? []
        if let region, region != .international {
            if regional.isEmpty {
                lines.append(
                    covers(region)
                        ? "I have no \(topicLabel) line listed for \(region). International options:"
                        : "I have no lines listed for \(region) yet. International options:")
            } else {
                lines.append("Help lines for \(topicLabel) in \(region):")
            }
        } else {
            lines.append("International help lines and directories (\(topicLabel)):")
        }
        for entry in found.prefix(maxEntries) { lines.append(entry.summaryLine) }
        if found.count > maxEntries {
            lines.append("(\(found.count - maxEntries) more: ask for a narrower topic, e.g. \(prefix)resources suicide \(region?.rawValue ?? "US"))")
        }
        if region == nil || region == .international {
            lines.append("For lines in your country: \(prefix)resources \(topic?.rawValue ?? "crisis") CODE, or save it with \(prefix)region CODE.")
        }
        lines.append("If you are in immediate danger, call your local emergency number.")
        return lines.joined(separator: "\n")
    }

    /// A short block of crisis lines for a region, for messages from other features
    /// (escalation confirmations, crisis-language offers).
    public func crisisLines(region: RegionCode?, maxEntries: Int = 3) -> String {
        let found = lookup(topic: .crisis, region: region) + lookup(topic: .suicide, region: region)
        var seen: Set<String> = []
        let unique = found.filter { seen.insert($0.id).inserted }
        var lines = unique.prefix(maxEntries).map(\.summaryLine)
        lines.append("If you are in immediate danger, call your local emergency number.")
        return lines.joined(separator: "\n")
    }

    /// The member's region for help lines: saved, else the space default, else none (international).
    public static func region(of member: MemberRef, context: BotContext) throws -> RegionCode? {
        if let saved = try context.store.setting(.region, of: member.key), let code = RegionCode(saved) { return code }
        return context.configuration.bot.defaultRegion.flatMap { RegionCode($0) }
    }
}
