import Adapters
import ArgumentParser
import Foundation
import PeerBot

/// `peerbot check-config`: validates the configuration and the files it names.
///
/// Prints what it found (enabled adapters, the help-line directory, the crisis
/// lists, escalation, the health endpoint) on stdout and every problem on
/// stderr — all missing secrets and unreadable files, not only the first —
/// then exits 78 when there was any error.
struct CheckConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Validate the configuration file and the files it names, then exit.",
        discussion: """
            Names every missing secret (${VARIABLE}s that are not set, *_file keys that cannot be read), \
            checks the help-line directory, the crisis phrase lists and the database folder, lists the \
            enabled adapters, and warns when a secret is written in a file that group or others can read. \
            Exits 0 when the configuration can run, 78 otherwise.
            """)

    @OptionGroup var options: ConfigOption

    func run() throws {
        let document: ConfigDocument
        do {
            document = try ConfigDocument.load(path: options.config)
        } catch {
            BotAssembly.fail(error.description)
        }
        let audit = ConfigFileAudit(document: document)
        var errors = audit.missingSecrets().map { "\(document.path): \($0)" }
        for warning in audit.inlineSecretWarnings() { BotAssembly.printError(warning, kind: "warning") }

        let app: AppConfiguration
        do {
            app = try AppConfiguration(document: document)
        } catch {
            // A missing secret the audit already named is not repeated.
            var alreadyNamed = false
            if case .missingSecret(_, let key, _) = error { alreadyNamed = errors.contains { $0.contains(": \(key): ") } }
            if !alreadyNamed { errors.append(error.description) }
            report(errors)
        }
        for warning in app.warnings { BotAssembly.printError(warning, kind: "warning") }
        errors += checkFiles(app).map { "\(app.path): \($0)" }
        printSummary(app)
        if app.enabledAdapters.isEmpty {
            errors.append("\(app.path): no adapter is enabled (set console.enabled = true, or configure a platform)")
        }
        if !errors.isEmpty { report(errors) }
        print("\(app.path): OK")
    }

    /// The help-line directory, the crisis phrase lists and the database folder.
    private func checkFiles(_ app: AppConfiguration) -> [String] {
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
        let storageFolder = (app.core.storage.path as NSString).deletingLastPathComponent
        if !storageFolder.isEmpty, FileManager.default.fileExists(atPath: storageFolder),
            !FileManager.default.isWritableFile(atPath: storageFolder)
        {
            problems.append("storage.path: the folder \(storageFolder) is not writable")
        }
        return problems
    }

    private func printSummary(_ app: AppConfiguration) {
        let escalation = app.core.escalation
        print("escalation: \(escalation.tiers.count) tiers, ack timeout \(DurationText.format(escalation.ackTimeout)), pages to \(escalation.destination)")
        if app.discord.enabled { print(app.discord.summary) }
        if app.matrix.enabled { print(app.matrix.summary) }
        print("database: \(app.core.storage.path)")
        if let address = app.operations.healthListen {
            print("health endpoint: http://\(address)/healthz and /metrics")
        } else {
            print("health endpoint: off (set [health] listen = \"127.0.0.1:9464\")")
        }
        print("shutdown: the outbox is flushed for up to \(DurationText.format(app.operations.flushDeadline))")
        print("adapters enabled: \(app.enabledAdapters.isEmpty ? "none" : app.enabledAdapters.joined(separator: ", "))")
    }

    private func report(_ errors: [String]) -> Never {
        for error in errors { BotAssembly.printError(error) }
        BotAssembly.printError("\(options.config): \(errors.count) problem\(errors.count == 1 ? "" : "s") found")
        Foundation.exit(BotAssembly.configErrorExitCode)
    }
}
