import Adapters
import Foundation
import PeerBot

/// What a gateway shard does with each text frame (`GatewayShard.received`):
/// `GatewayFrame(text:)`, `sessionInput()`, the session state machine (whose
/// commands are encoded as the shard would send them), and for dispatches the
/// `DiscordEventTranslator`. One frame per line; the session and the
/// translator carry over from line to line, as on one connection.
enum DiscordGatewayFuzzing {
    static let configuration: DiscordConfiguration = {
        var configuration = DiscordConfiguration()
        configuration.facilitatorRoleIDs = ["800000000000000100"]
        configuration.adminUserIDs = ["800000000000001003"]
        configuration.welcomeChannelID = "800000000000000010"
        return configuration
    }()

    /// The slash commands the adapter registers for the standard features.
    static let slashCommands = SlashCommands(sources: SlashCommandSource.sources(for: CommandFuzzing.features), global: true)

    static func run(_ data: Data) -> FuzzReport {
        var report = FuzzReport()
        guard let gateway = URL(string: "wss://gateway.discord.gg") else { return report }
        var session = GatewaySession(gatewayURL: gateway, jitter: .fixed(0.5))
        var translator = DiscordEventTranslator(configuration: configuration, slashCommands: slashCommands)
        var now = Duration.zero
        perform(session.start(), on: &session, now: now)
        for line in FuzzInput.lines(data) {
            now += .seconds(1)
            let frame: GatewayFrame
            let input: GatewayInput?
            do {
                frame = try GatewayFrame(text: FuzzInput.text(line))
                input = try frame.sessionInput()
            } catch {
                report.rejected += 1
                continue
            }
            report.decoded += 1
            guard let input else { continue }
            perform(session.handle(input, now: now), on: &session, now: now)
            if case .dispatch = input {
                _ = translator.translate(frame)
            }
            if let deadline = session.nextDeadline, deadline <= now {
                perform(session.handle(.timerFired, now: now), on: &session, now: now)
            }
        }
        return report
    }

    /// Carries out the session's commands as far as the shard does without a
    /// socket: encodes sends, and reports a new connection as opened.
    static func perform(_ commands: [GatewayCommand], on session: inout GatewaySession, now: Duration) {
        for command in commands {
            switch command {
            case .send(let payload):
                _ = GatewayOutbound.text(for: payload, token: "fuzz-token", intents: configuration.intents, shard: ShardID(id: 0, count: 2))
            case .connect:
                _ = session.handle(.connected, now: now)
            case .close, .stop:
                break
            }
        }
    }
}
