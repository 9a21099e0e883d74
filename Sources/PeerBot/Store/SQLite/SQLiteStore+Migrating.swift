import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension SQLiteStore {
    /// Runs `migrate` holding an exclusive `flock` on the database's folder, so processes
    /// opening one file at once migrate it one after the other. GRDB's migrator reads which
    /// migrations are applied before the transactions that run them: two processes on a new
    /// (or older) file would both run the first pending migration, and the second would fail
    /// ("table … already exists"). The folder, not a file: closing any descriptor of the
    /// database or its `-shm` would drop the POSIX locks SQLite holds on it in this process,
    /// and a lock file of its own would be one more file beside the database. Without a
    /// descriptor for the folder it migrates unlocked, as before.
    static func migratingAlone(in directory: String, _ migrate: () throws -> Void) throws {
        let descriptor = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return try migrate() }
        defer { close(descriptor) }  // closing it releases the lock
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { return try migrate() }
        }
        try migrate()
    }
}
