import Foundation
import Testing

/// SIGHUP re-reads the help-line directory too, and the log says which data files changed.
@Suite struct ReloadDataFilesEndToEndTests {
    @Test func hangupReportsAChangedHelpLineDirectory() async throws {
        let peer = PeerBotProcess()
        let root = PeerBotProcess.repositoryRoot
        let directory = peer.directory.appendingPathComponent("resources.toml").path
        let shipped = try String(contentsOf: root.appendingPathComponent("config/resources.toml"), encoding: .utf8)
        try shipped.write(toFile: directory, atomically: true, encoding: .utf8)
        let config = peer.directory.appendingPathComponent("reload.toml").path
        try """
            [storage]
            path = "\(peer.databasePath)"
            [resources]
            directory = "\(directory)"
            [crisis]
            phrases_directory = "\(root.appendingPathComponent("config/crisis").path)"
            """.write(toFile: config, atomically: true, encoding: .utf8)
        let session = try PeerBotSession(peer, arguments: ["console", "--config", config])
        session.send("alice: !norms")
        try await session.waitForLines(1)

        session.signal(SIGHUP)
        try await session.waitForLog("configuration reloaded")
        #expect(session.log.contains("changed=nothing"))
        #expect(session.log.contains("files_changed=none"))

        // One service fewer: the first entry's table is cut out.
        let entries = shipped.components(separatedBy: "\n[[service]]\n")
        try ([entries[0]] + entries.dropFirst(2)).joined(separator: "\n[[service]]\n")
            .write(toFile: directory, atomically: true, encoding: .utf8)
        session.signal(SIGHUP)
        try await session.waitForLog("files_changed=\(directory)")
        let end = try await session.finish()
        #expect(end.status == 0)
        let services = end.stderr.components(separatedBy: "services=").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
        // At start, after the first reload, after the second.
        #expect(services.count == 3)
        #expect(services.count == 3 && services[0] == services[1] && services[2] == services[1] - 1)
    }
}
