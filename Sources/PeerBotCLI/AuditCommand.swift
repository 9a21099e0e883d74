import Adapters
import ArgumentParser
import Foundation
import PeerBot

/// `peerbot audit …`: the ticket audit trail.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Work with the ticket audit trail.", subcommands: [Export.self])

    /// `peerbot audit export --format csv|json`
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print every ticket event (opened, paged, acknowledged, handed off, relayed, resolved, cancelled) with its time.")

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case csv, json
        }

        @OptionGroup var options: ConfigOption

        @Option(name: .long, help: "csv or json.")
        var format: Format = .csv

        func run() throws {
            let app = try BotAssembly.loadConfiguration(path: options.config)
            let events: [AuditEvent]
            do {
                let store = try SQLiteStore(path: app.core.storage.path)
                events = try store.read { try $0.auditEvents(ticket: nil) }
            } catch {
                BotAssembly.printError("\(app.path): storage.path: \(error)")
                throw ExitCode(BotAssembly.configErrorExitCode)
            }
            switch format {
            case .csv: print(AuditExport.csv(events), terminator: "")
            case .json: print(try AuditExport.json(events))
            }
        }
    }
}
