import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// posix_spawn for the test peers and openssl. Used instead of Foundation's
/// Process: the child gets default signal dispositions and an empty signal
/// mask (a pool thread's blocked signals would otherwise be inherited), and
/// Process leaves a weak-reference side table behind that LeakSanitizer reports.
enum ChildProcess {
    /// Spawns `executable` (searched on PATH) with a pipe on stdin and stdout, stderr to `errorLog`.
    /// Returns the pid, the write end of its stdin and the read end of its stdout.
    static func spawn(_ executable: String, _ arguments: [String], errorLog: String) throws -> (pid_t, Int32, Int32) {
        var stdinPipe: [Int32] = [0, 0], stdoutPipe: [Int32] = [0, 0]
        // Close-on-exec before any other child can be spawned (SpawnGate): a
        // child another thread starts must not inherit these ends; dup2 gives
        // this child its own copies without the flag.
        guard SpawnGate.closeOnExecPipe(&stdinPipe) else { throw LoopbackPeerError("pipe failed") }
        guard SpawnGate.closeOnExecPipe(&stdoutPipe) else {
            close(stdinPipe[0]); close(stdinPipe[1])
            throw LoopbackPeerError("pipe failed")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdinPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, stdoutPipe[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, errorLog, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // Descriptors the test process opened without FD_CLOEXEC (Foundation's
        // Pipe, for one) would otherwise live on in a long-running peer: a
        // console test's stdin then never reaches end of file and the test hangs.
        guard closeInheritedDescriptors(&actions) else {
            for descriptor in stdinPipe + stdoutPipe { close(descriptor) }
            throw LoopbackPeerError("cannot ask posix_spawn to close inherited descriptors (glibc 2.34 or later needed)")
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let result = posix_spawnp(&pid, executable, &actions, &attributes, argv, environ)
        close(stdinPipe[0])
        close(stdoutPipe[1])
        guard result == 0 else {
            close(stdinPipe[1])
            close(stdoutPipe[0])
            throw LoopbackPeerError("cannot start \(executable): \(String(cString: strerror(result)))")
        }
        return (pid, stdinPipe[1], stdoutPipe[0])
    }

    /// `posix_spawn_file_actions_addclosefrom_np` (glibc 2.34+), looked up at run
    /// time because the Glibc module does not export the GNU extension.
    private static func closeInheritedDescriptors(_ actions: inout posix_spawn_file_actions_t) -> Bool {
        typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        // RTLD_DEFAULT (a null handle): search every object already loaded.
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else {
            return false
        }
        return unsafeBitCast(symbol, to: AddCloseFrom.self)(&actions, 3) == 0
    }

    /// Runs `executable` to completion with an empty stdin; returns its exit status and stderr.
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let errorLog = FileManager.default.temporaryDirectory.appendingPathComponent("peerbot-child-\(UUID().uuidString).log").path
        defer { unlink(errorLog) }
        let (pid, input, output) = try spawn(executable, arguments, errorLog: errorLog)
        close(input)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while read(output, &buffer, buffer.count) > 0 {}
        close(output)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (exitStatus, (try? String(contentsOfFile: errorLog, encoding: .utf8)) ?? "")
    }
}
