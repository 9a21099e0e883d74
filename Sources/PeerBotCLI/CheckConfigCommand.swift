import ArgumentParser
import Adapters
import Foundation
import PeerBot

/// `peerbot check-config`: validates the configuration and the files it names.
struct CheckConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config", abstract: "Validate the configuration file and the files it names, then exit.")

    @OptionGroup var options: ConfigOption

    func run() throws {
        let app = try BotAssembly.loadConfiguration(path: options.config)
        var problems: [String] = []
        do {
            let directory = try ResourceDirectory.load(path: app.core.resources.directory)
            print("resources: \(directory.entries.count) services in \(directory.regions.count) regions (\(app.core.resources.directory))")
        } catch {
            problems.append("resources.directory: \(error)")
        }
        if app.core.crisis.isEnabledSomewhere {
            do {
                let phrases = try CrisisPhraseList.load(files: app.core.crisis.phraseFiles)
                print("crisis offers: \(phrases.phrases.count) phrases (\(app.core.crisis.languages.joined(separator: ", ")))")
            } catch {
                problems.append("crisis.phrases_directory: \(error)")
            }
        } else {
            print("crisis offers: off")
        }
        let escalation = app.core.escalation
        print("escalation: \(escalation.tiers.count) tiers, ack timeout \(DurationText.format(escalation.ackTimeout)), pages to \(escalation.destination)")
        if app.discord.enabled { print(app.discord.summary) }
        if app.matrix.enabled { print(app.matrix.summary) }
        let storageFolder = (app.core.storage.path as NSString).deletingLastPathComponent
        if !storageFolder.isEmpty, FileManager.default.fileExists(atPath: storageFolder),
            !FileManager.default.isWritableFile(atPath: storageFolder)
        {
            problems.append("storage.path: the folder \(storageFolder) is not writable")
        }
        print("adapters enabled: \(app.enabledAdapters.isEmpty ? "none" : app.enabledAdapters.joined(separator: ", "))")
        for problem in problems { BotAssembly.printError("\(app.path): \(problem)") }
        if !problems.isEmpty || app.enabledAdapters.isEmpty {
            if app.enabledAdapters.isEmpty { BotAssembly.printError("\(app.path): no adapter is enabled") }
            throw ExitCode(BotAssembly.configErrorExitCode)
        }
        print("\(app.path): OK")
    }
}
