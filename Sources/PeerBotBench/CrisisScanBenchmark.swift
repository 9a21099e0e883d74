import Foundation
import PeerBot

/// Crisis-phrase matching in MB/s with 1,000 phrases (`CrisisPhraseGenerator`)
/// over generated chat text (`ChatTextGenerator`), one `matches` call per
/// message. Messages that contain a phrase are left out of the corpus, so
/// every scan reads its whole message (the slowest case). Run at 1 KB and at
/// 1 MB per message: equal rates show the scan is linear in the text length.
/// With `perCPUSecond`, the rate is per second of the scanning thread's own
/// CPU time, which other work on a shared machine does not inflate.
@MainActor
final class CrisisScanBenchmark: Benchmark {
    let style: ChatTextGenerator.Style
    let messageBytes: Int
    let perCPUSecond: Bool
    private let corpusBytes = 8 << 20
    private var matcher = CrisisMatcher(phrases: [])
    private var corpus: [String] = []

    init(style: ChatTextGenerator.Style, messageBytes: Int, perCPUSecond: Bool = false) {
        self.style = style
        self.messageBytes = messageBytes
        self.perCPUSecond = perCPUSecond
    }

    var name: String {
        let size = messageBytes >= 1 << 20 ? "\(messageBytes >> 20) MB" : "\(messageBytes >> 10) KB"
        return "crisis scan, 1,000 phrases, \(style.rawValue) chat, \(size) messages\(perCPUSecond ? ", per CPU-second" : "")"
    }
    var unit: String { perCPUSecond ? "MB/CPU-s" : "MB/s" }

    func setUp() async throws {
        let phrases = CrisisPhraseGenerator.phrases(count: 1_000)
        guard Set(phrases).count == 1_000 else { throw BenchError("the phrase generator repeated itself") }
        matcher = CrisisMatcher(phrases: phrases)
        var generator = ChatTextGenerator(style: style, seed: UInt64(messageBytes))
        var total = 0
        while total < corpusBytes {
            let text = generator.text(bytes: messageBytes)
            if matcher.matches(text) { continue }
            corpus.append(text)
            total += text.utf8.count
        }
    }

    func sample() async throws -> Double {
        var bytes = 0
        var found = 0
        let clock = ContinuousClock()
        let start = clock.now
        let cpuStart = CPUTime.ofThread()
        for text in corpus {
            if matcher.matches(text) { found += 1 }
            bytes += text.utf8.count
        }
        let elapsed = perCPUSecond ? CPUTime.ofThread() - cpuStart : (clock.now - start).seconds
        guard found == 0 else { throw BenchError("\(found) messages matched") }
        return Double(bytes) / elapsed / 1e6
    }

    func tearDown() async {
        corpus = []
    }
}
