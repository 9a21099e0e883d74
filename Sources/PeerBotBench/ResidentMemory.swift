import Adapters

/// A process's resident memory as Linux reports it in /proc/PID/status.
struct ResidentMemory {
    /// VmRSS: resident set size now, in KiB.
    var residentKiB: Int
    /// VmHWM: the peak resident set size, in KiB.
    var peakResidentKiB: Int
    /// RssAnon: the resident part that is the process's own (heap, stacks,
    /// written data); the rest of VmRSS is file pages (the executable and
    /// shared libraries), which processes running the same files share.
    var anonymousKiB: Int = 0

    /// This process's memory, or another's (`process` is a pid); zeros when it is gone.
    static func read(process: String = "self") -> ResidentMemory {
        let status = ProcessMemory.status(of: process)
        return ResidentMemory(
            residentKiB: status["VmRSS"] ?? 0, peakResidentKiB: status["VmHWM"] ?? 0, anonymousKiB: status["RssAnon"] ?? 0)
    }
}
