import Foundation

/// Crisis phrases read from data files (`config/crisis/<language>.txt`): one
/// phrase per line, `#` starts a comment, blank lines are ignored.
public struct CrisisPhraseList: Sendable {
    public var phrases: [String]
    /// The files they came from.
    public var files: [String]

    public init(phrases: [String], files: [String] = []) {
        self.phrases = phrases
        self.files = files
    }

    /// Loads every file; throws naming each file and line that is wrong.
    public static func load(files: [String]) throws -> CrisisPhraseList {
        var phrases: [String] = []
        var problems: [String] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                problems.append("\(file): cannot read the file (missing or not readable)")
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                problems.append("\(file): not UTF-8 text")
                continue
            }
            let parsed = parse(text)
            problems += parsed.problems.map { "\(file):\($0)" }
            if parsed.phrases.isEmpty, parsed.problems.isEmpty { problems.append("\(file): no phrases") }
            phrases += parsed.phrases
        }
        guard problems.isEmpty else { throw CrisisPhraseListError(problems: problems) }
        return CrisisPhraseList(phrases: phrases, files: files)
    }

    /// The phrases of one file's text, and `LINE: problem` for each bad line.
    public static func parse(_ text: String) -> (phrases: [String], problems: [String]) {
        var phrases: [String] = []
        var problems: [String] = []
        var seen: Set<[UInt8]> = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = (rawLine.firstIndex(of: "#").map { rawLine[..<$0] } ?? rawLine)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty { continue }
            // Phrases that normalise alike are the same phrase.
            let words = CrisisTextNormalizer.normalizedBytes(line).split(separator: CrisisTextNormalizer.space)
            let key = Array(words.joined(separator: [CrisisTextNormalizer.space]))
            if key.isEmpty {
                problems.append("\(index + 1): \"\(line.prefix(40))\" has no letters or digits")
            } else if line.count > 120 {
                problems.append("\(index + 1): phrase longer than 120 characters")
            } else if seen.insert(key).inserted {
                phrases.append(line)
            }
        }
        return (phrases, problems)
    }
}
