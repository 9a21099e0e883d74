import ArgumentParser
import PeerBot

/// `peerbot resources …`: the help-line directory.
struct ResourcesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resources", abstract: "Work with the help-line directory.", subcommands: [Validate.self])

    /// `peerbot resources validate FILE`
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a help-line directory file and name every bad entry.")

        @Argument(help: "The directory file (TOML).")
        var file: String

        func run() throws {
            do {
                let directory = try ResourceDirectory.load(path: file)
                print("\(file): \(directory.entries.count) services, \(directory.regions.count) regions, topics: \(directory.topics.map(\.rawValue).joined(separator: ", "))")
            } catch {
                BotAssembly.printError("\(error)")
                throw ExitCode(BotAssembly.configErrorExitCode)
            }
        }
    }
}
