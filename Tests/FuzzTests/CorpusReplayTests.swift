import Foundation
import FuzzTargets
import Testing

/// Replays every committed corpus file (Fuzz/Corpus/<target>/) through the
/// fuzz entry points without the fuzzer, so `make test` guards what fuzzing
/// found: a crash, trap or hang here fails the suite. Seeds (`seed-*`) are real
/// payloads and must be read, not refused; the rest (`crash-*`, `slow-*`,
/// inputs the fuzzer kept) only have to come back.
@Suite struct CorpusReplayTests {
    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/Corpus")

    static func files(of target: FuzzTarget) throws -> [URL] {
        let directory = corpus.appendingPathComponent(target.rawValue)
        return try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            .map { directory.appendingPathComponent($0) }
    }

    @Test(arguments: FuzzTarget.allCases)
    func everyCorpusFileRuns(_ target: FuzzTarget) throws {
        let files = try Self.files(of: target)
        #expect(files.contains { $0.lastPathComponent.hasPrefix("seed-") }, "no seeds for \(target.rawValue)")
        for file in files {
            let data = try Data(contentsOf: file)
            let report = target.run(data)
            if file.lastPathComponent.hasPrefix("seed-") {
                #expect(report.decoded > 0, "seed \(target.rawValue)/\(file.lastPathComponent) was refused: \(report)")
            }
        }
    }
}
