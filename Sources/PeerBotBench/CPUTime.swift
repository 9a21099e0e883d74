import Foundation

/// User plus system CPU time from `getrusage`, in seconds.
enum CPUTime {
    /// This process (every thread).
    static func ofProcess() -> Double { read(RUSAGE_SELF.rawValue) }

    /// The calling thread alone (`CLOCK_THREAD_CPUTIME_ID`).
    static func ofThread() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Every child this process has waited for.
    static func ofWaitedChildren() -> Double { read(RUSAGE_CHILDREN.rawValue) }

    private static func read(_ who: Int32) -> Double {
        var usage = rusage()
        getrusage(who, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
