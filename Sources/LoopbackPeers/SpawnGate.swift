import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where the tests make pipes and start processes with Foundation's `Process`.
///
/// Why: `Process.run()` on Linux closes in the child the descriptors it listed
/// a moment before spawning, so a descriptor another thread opens in between
/// is inherited (measured: 14 of 300 spawns, with a thread making pipes).
/// A pipe end inherited by a long-lived child — `peerbot run`, Synapse — is
/// never closed: a console test's stdin then never reaches end of file, and a
/// test that checks a peer holds no pipe of ours sees one held. So pipes are
/// made close-on-exec under the same lock `Process.run()` is called under:
/// none is ever being made while a child is spawned, and none is inherited
/// afterwards (the child's own stdin, stdout and stderr are `dup2` copies,
/// which are not close-on-exec). `ChildProcess` makes its pipes here too, and
/// closes everything else in its children itself (posix_spawn's closefrom).
public enum SpawnGate {
    private static let lock = NSLock()

    /// A Foundation `Pipe` whose two ends are close-on-exec.
    public static func pipe() -> Pipe {
        lock.withLock {
            let pipe = Pipe()
            closeOnExec([pipe.fileHandleForReading.fileDescriptor, pipe.fileHandleForWriting.fileDescriptor])
            return pipe
        }
    }

    /// A pipe(2) whose two ends are close-on-exec (`ends` gets read, write); false if it failed.
    public static func closeOnExecPipe(_ ends: inout [Int32]) -> Bool {
        lock.withLock {
            guard Glibc.pipe(&ends) == 0 else { return false }
            closeOnExec(ends)
            return true
        }
    }

    private static func closeOnExec(_ descriptors: [Int32]) {
        for descriptor in descriptors { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
    }

    /// `process.run()`, while no pipe is being made.
    public static func run(_ process: Process) throws {
        try lock.withLock { try process.run() }
    }
}
