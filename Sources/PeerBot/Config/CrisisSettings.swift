import Foundation

/// `[crisis]`: crisis-language offers.
public struct CrisisSettings: Sendable {
    /// The policy of every space without its own `[[crisis.spaces]]` entry.
    /// Default: mode `offer`, share_text false, allow_opt_out true.
    public var defaultPolicy = CrisisSpacePolicy()
    /// Per-space policies, keyed `platform:space-id` (`discord:1234`, `console:console`).
    public var spaces: [String: CrisisSpacePolicy] = [:]
    /// At most one offer per member in this period. Default 6 hours.
    public var cooldown: TimeInterval = 6 * 3600
    /// Phrase lists to load (`<phrases_directory>/<language>.txt`). Default `["en"]`.
    public var languages = ["en"]
    /// The folder of phrase lists. Default `config/crisis`.
    public var phrasesDirectory = "config/crisis"
    /// Where `offer+notify` notices go. Default: `escalation.destination`.
    public var notifyDestination: EscalationDestination? = nil

    public init() {}

    /// The policy for messages in `channel`.
    public func policy(for channel: ChannelRef) -> CrisisSpacePolicy {
        guard !spaces.isEmpty, let space = channel.space else { return defaultPolicy }
        return spaces["\(channel.platform.rawValue):\(space)"] ?? defaultPolicy
    }

    /// True when some space scans messages (so phrase lists must load).
    public var isEnabledSomewhere: Bool {
        defaultPolicy.mode != .off || spaces.values.contains { $0.mode != .off }
    }

    /// The phrase-list files for the configured languages.
    public var phraseFiles: [String] {
        languages.map { (phrasesDirectory as NSString).appendingPathComponent("\($0).txt") }
    }
}
