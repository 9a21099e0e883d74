import Foundation

/// The process's memory as Linux reports it in /proc/self/status.
struct ProcessMemory {
    /// VmRSS: resident set size now, in KiB.
    var residentKiB: Int
    /// VmHWM: the peak resident set size, in KiB.
    var peakResidentKiB: Int
    /// RssAnon: the resident part that is the process's own (heap, stacks,
    /// written data); the rest of VmRSS is file pages (the executable and
    /// shared libraries), which processes running the same files share.
    var anonymousKiB: Int = 0

    /// This process's memory, or another's (`/proc/PID/status`).
    static func read(statusFile: String = "/proc/self/status") -> ProcessMemory {
        let text = (try? String(contentsOfFile: statusFile, encoding: .utf8)) ?? ""
        func field(_ name: String) -> Int {
            for line in text.split(separator: "\n") where line.hasPrefix(name + ":") {
                return Int(line.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "") ?? 0
            }
            return 0
        }
        return ProcessMemory(residentKiB: field("VmRSS"), peakResidentKiB: field("VmHWM"), anonymousKiB: field("RssAnon"))
    }
}
