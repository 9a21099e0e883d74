import Foundation

/// What the benchmarks share: the repository (for the shipped configuration,
/// help lines and crisis phrases), the release `peerbot` built beside
/// `peerbot-bench`, and temporary folders.
enum BenchEnvironment {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The `peerbot` executable: `PEERBOT_BIN`, else the one beside this benchmark binary.
    static var peerbotExecutable: URL {
        if let path = ProcessInfo.processInfo.environment["PEERBOT_BIN"] { return URL(fileURLWithPath: path) }
        let own = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        return own.deletingLastPathComponent().appendingPathComponent("peerbot")
    }

    /// A new empty folder under the system's temporary directory.
    static func temporaryDirectory(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("peerbot-bench-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes the shipped `config/peerbot.toml` into `directory`, changed only
    /// where it must be: the database lives in `directory`, the help-line
    /// directory and phrase lists are the repository's (absolute paths), and
    /// the per-member command limit is lifted — the generated members type
    /// thousands of commands a second, and a dropped command costs nothing,
    /// which would flatter every figure.
    @discardableResult
    static func writeShippedConfig(in directory: URL, databaseName: String = "peerbot.sqlite") throws -> String {
        let shipped = repositoryRoot.appendingPathComponent("config/peerbot.toml")
        var text = try String(contentsOf: shipped, encoding: .utf8)
        let replacements = [
            ("path = \"./data/peerbot.sqlite\"", "path = \"\(directory.appendingPathComponent(databaseName).path)\""),
            ("directory = \"config/resources.toml\"",
             "directory = \"\(repositoryRoot.appendingPathComponent("config/resources.toml").path)\""),
            ("phrases_directory = \"config/crisis\"",
             "phrases_directory = \"\(repositoryRoot.appendingPathComponent("config/crisis").path)\""),
            ("command_burst = 10", "command_burst = 10000"),
        ]
        for (old, new) in replacements {
            guard text.contains(old) else { throw BenchError("config/peerbot.toml no longer contains \(old)") }
            text = text.replacingOccurrences(of: old, with: new)
        }
        let path = directory.appendingPathComponent("peerbot.toml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
