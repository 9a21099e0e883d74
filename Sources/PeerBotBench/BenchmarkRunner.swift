import Foundation
import Logging

/// `peerbot-bench [--samples N] [--filter TEXT] [--list]`: runs the registered
/// benchmarks and prints a table of medians, then the process's memory.
@main
struct BenchmarkRunner {
    struct Row {
        var name: String
        var median: Double
        var low: Double
        var high: Double
        var unit: String
        /// The 1-minute load average when the benchmark started and when it ended.
        var load: (start: Double?, end: Double?)
    }

    @MainActor
    static func main() async {
        var samples = 5
        var filter: String?
        var arguments = CommandLine.arguments.dropFirst().makeIterator()
        while let argument = arguments.next() {
            switch argument {
            case "--samples": samples = max(1, Int(arguments.next() ?? "") ?? samples)
            case "--filter": filter = arguments.next()
            case "--list":
                for benchmark in BenchmarkRegistry.all() { print(benchmark.name) }
                return
            default:
                FileHandle.standardError.write(Data("usage: peerbot-bench [--samples N] [--filter TEXT] [--list]\n".utf8))
                exit(64)
            }
        }
        // As the shipped configuration logs: warnings and worse (crisis matches log notices).
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .warning
            return handler
        }
        let start = ResidentMemory.read()
        var rows: [Row] = []
        var failed = false
        for benchmark in BenchmarkRegistry.all() where filter.map({ benchmark.name.contains($0) }) ?? true {
            let loadAtStart = MachineLoad.oneMinute()
            do {
                try await benchmark.setUp()
                _ = try await benchmark.sample()  // warm-up
                var values: [Double] = []
                for _ in 0..<samples { values.append(try await benchmark.sample()) }
                values.sort()
                rows.append(
                    Row(
                        name: benchmark.name, median: values[values.count / 2], low: values[0], high: values[values.count - 1],
                        unit: benchmark.unit, load: (loadAtStart, MachineLoad.oneMinute())))
            } catch {
                FileHandle.standardError.write(Data("\(benchmark.name): \(error)\n".utf8))
                failed = true
            }
            await benchmark.tearDown()
        }
        let end = ResidentMemory.read()
        print("machine: \(MachineLoad.processor()); load = 1-minute load average at the start → end of each benchmark")
        printTable(rows, samples: samples)
        print("")
        print("process memory: RSS \(format(Double(start.residentKiB))) KiB at start, \(format(Double(end.residentKiB))) KiB at end, peak \(format(Double(end.peakResidentKiB))) KiB")
        if failed { exit(1) }
    }

    static func printTable(_ rows: [Row], samples: Int) {
        let width = max(10, rows.map(\.name.count).max() ?? 0)
        let header = "benchmark".padding(toLength: width, withPad: " ", startingAt: 0)
        print("\(header)  \(pad("median", 12))  \(pad("min", 12))  \(pad("max", 12))  \(pad("load", 11))  unit (\(samples) samples)")
        for row in rows {
            let name = row.name.padding(toLength: width, withPad: " ", startingAt: 0)
            let load = "\(row.load.start.map { String(format: "%.1f", $0) } ?? "?")→\(row.load.end.map { String(format: "%.1f", $0) } ?? "?")"
            print(
                "\(name)  \(pad(format(row.median), 12))  \(pad(format(row.low), 12))  \(pad(format(row.high), 12))  \(pad(load, 11))  \(row.unit)")
        }
    }

    static func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    static func format(_ value: Double) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        // Three significant figures below 100, so a 0.3 ms target is not met by rounding.
        formatter.maximumFractionDigits = value < 1 ? 3 : value < 10 ? 2 : value < 100 ? 1 : 0
        return formatter.string(from: NSNumber(value: value)) ?? String(value)
    }
}
