import Foundation

/// The fuzz targets: each feeds arbitrary bytes to the real entry point an
/// adapter or the core uses on untrusted input, and does what the caller does
/// with the result. libFuzzer (`make fuzz`) and the corpus replay tests
/// (`FuzzTests`) call the same `run`.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// Typed text: console grammar, sanitising, `CommandParser`, command lookup, argument readers, crisis matching.
    case commands
    /// TOML text → `ConfigDocument` → `AppConfiguration`, the help-line directory and crisis phrase lists.
    case config
    /// Discord gateway frames (one per line) → `GatewayFrame` → `GatewaySession` and `DiscordEventTranslator`.
    case discordGateway = "discord-gateway"
    /// A Matrix `/sync` body → `MatrixSyncResponse` → room state and `MatrixEventTranslator`.
    case matrixSync = "matrix-sync"
    /// Mastodon streaming messages (one per line) → `MastodonStreamFrame` → `MastodonEventTranslator`.
    case mastodonFrame = "mastodon-frame"
    /// A status's HTML → `MastodonHTMLText.plainText` → `CommandParser`.
    case mastodonHTML = "mastodon-html"

    /// Runs one input. Never throws: an input the code rejects is counted, not an error.
    public func run(_ data: Data) -> FuzzReport {
        switch self {
        case .commands: CommandFuzzing.run(data)
        case .config: ConfigFuzzing.run(data)
        case .discordGateway: DiscordGatewayFuzzing.run(data)
        case .matrixSync: MatrixSyncFuzzing.run(data)
        case .mastodonFrame: MastodonFrameFuzzing.run(data)
        case .mastodonHTML: MastodonHTMLFuzzing.run(data)
        }
    }

    /// The largest input libFuzzer generates for this target (`-max_len`): a
    /// little over what the platform or the core accepts in one piece.
    public var maximumInputLength: Int {
        switch self {
        case .commands: 8_192
        case .config, .discordGateway, .mastodonFrame, .mastodonHTML: 32_768
        case .matrixSync: 65_536
        }
    }
}

/// What one input came to, for the replay tests: every committed seed is a real
/// payload, so it must be read (`decoded`), never rejected.
public struct FuzzReport: Sendable, Equatable {
    /// Pieces (lines, frames, documents) the code read successfully.
    public var decoded = 0
    /// Pieces it refused (syntax errors, unknown shapes) — a clear refusal, not a crash.
    public var rejected = 0

    public init(decoded: Int = 0, rejected: Int = 0) {
        self.decoded = decoded
        self.rejected = rejected
    }
}
