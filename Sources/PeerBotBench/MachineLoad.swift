import Foundation

/// What else the machine was doing: the load averages from /proc/loadavg, and
/// the processor from /proc/cpuinfo, printed with every run because
/// wall-clock figures on a shared machine mean little without them.
enum MachineLoad {
    /// The 1-minute load average now (nil where /proc/loadavg is missing).
    static func oneMinute() -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return nil }
        return text.split(separator: " ").first.flatMap { Double($0) }
    }

    /// `2 × AMD EPYC`: the number of processors and the model name.
    static func processor() -> String {
        let text = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let models = text.split(separator: "\n").filter { $0.hasPrefix("model name") }
            .map { $0.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "" }
        return "\(ProcessInfo.processInfo.activeProcessorCount) × \(models.first ?? "unknown processor")"
    }
}
