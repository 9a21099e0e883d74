import Adapters
import Foundation
import PeerBot

/// What the core does with a member's text before any feature runs: the console
/// grammar (console adapter), `TextSanitizer`, `CommandParser` with the default
/// and a three-character prefix, the command table's lookup and "did you mean",
/// the readers commands apply to their arguments, and the crisis matcher every
/// message passes through.
enum CommandFuzzing {
    static let parsers = [CommandParser(), CommandParser(prefix: "?!.", maxArguments: 4)]
    static let console = ConsoleLineParser()

    /// The standard features with the default configuration.
    static let features = StandardFeatures.make(
        configuration: BotConfiguration(), directory: ResourceDirectory(entries: []), crisisMatcher: matcher)

    /// Their command table.
    static let table: CommandTable = {
        var table = CommandTable()
        for spec in features.flatMap(\.commands) { try? table.add(spec) }
        return table
    }()

    /// The shipped crisis phrase lists (config/crisis), or a few phrases when run outside the repository.
    static let matcher: CrisisMatcher = {
        let directory = FuzzRepository.root.appendingPathComponent("config/crisis")
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".txt") }.sorted().map { directory.appendingPathComponent($0).path }
        if let list = try? CrisisPhraseList.load(files: files) { return CrisisMatcher(phrases: list.phrases) }
        return CrisisMatcher(phrases: ["kill myself", "end it all", "can't go on", "suicide", "ich will nicht mehr"])
    }()

    static func run(_ data: Data) -> FuzzReport {
        var report = FuzzReport()
        var text = FuzzInput.text(data)
        switch console.parse(text) {
        case .message(_, _, let said): text = said
        case .invalid: report.rejected += 1
        case .join, .advance, .ignored: break
        }
        let clean = TextSanitizer.clean(text)
        for parser in parsers {
            guard let command = parser.parse(clean) else {
                report.rejected += 1
                continue
            }
            report.decoded += 1
            if table.spec(named: command.name) == nil { _ = table.suggestion(for: command.name) }
            for argument in command.arguments { readArgument(argument) }
            readArgument(command.argumentText)
        }
        _ = matcher.matchedPhrases(in: clean)
        return report
    }

    /// The readers commands use on their arguments (durations, times, regions, zones, topics).
    static func readArgument(_ argument: String) {
        _ = DurationText.parse(argument)
        _ = TimeOfDay(parsing: argument)
        _ = RegionCode(argument)
        _ = TimeZoneName.canonical(argument)
        _ = ResourceTopic.match(argument)
    }
}
