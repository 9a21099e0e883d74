import Foundation
import Testing

/// `peerbot check-config` on good and bad files, `--version`, and `--help` on
/// every subcommand, through the real executable.
@Suite struct CheckConfigEndToEndTests {
    /// A configuration written whole (not appended to the defaults), with the shipped data files.
    static func write(_ peer: PeerBotProcess, _ text: String, mode: Int = 0o600, name: String = "check.toml") throws -> String {
        let root = PeerBotProcess.repositoryRoot
        let full = """
            [storage]
            path = "\(peer.databasePath)"
            [resources]
            directory = "\(root.appendingPathComponent("config/resources.toml").path)"
            [crisis]
            phrases_directory = "\(root.appendingPathComponent("config/crisis").path)"

            """ + text
        let path = peer.directory.appendingPathComponent(name).path
        try full.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    @Test func aGoodFileIsDescribedAndPasses() async throws {
        let peer = PeerBotProcess()
        let result = try await peer.run(["check-config", "--config", try Self.write(peer, "[health]\nlisten = \"127.0.0.1:9464\"\n")])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.contains("adapters enabled: console"))
        #expect(result.stdout.contains("health endpoint: http://127.0.0.1:9464/healthz and /metrics"))
        #expect(result.stdout.contains("shutdown: the outbox is flushed for up to 10s"))
        #expect(result.stdout.contains("resources: "))
        #expect(result.lines.last?.hasSuffix("check.toml: OK") == true)
    }

    @Test func everyMissingSecretAndUnreadableFileIsNamed() async throws {
        let peer = PeerBotProcess()
        let config = try Self.write(
            peer,
            """
            [bot]
            name = "${PEERBOT_TEST_UNSET_NAME}"
            [agreements]
            welcome_channel = "${PEERBOT_TEST_UNSET_CHANNEL}"
            [future]
            ca_file = "/nonexistent/ca.pem"
            token_file = "\(peer.directory.path)"
            """)
        let result = try await peer.run(["check-config", "--config", config])
        #expect(result.status == 78)
        #expect(result.stderr.contains("\(config): bot.name: secret is missing: environment variable PEERBOT_TEST_UNSET_NAME is not set"))
        #expect(result.stderr.contains("\(config): agreements.welcome_channel: secret is missing: environment variable PEERBOT_TEST_UNSET_CHANNEL is not set"))
        #expect(result.stderr.contains("\(config): future.ca_file: no such file: /nonexistent/ca.pem"))
        #expect(result.stderr.contains("\(config): future.token_file: cannot read \(peer.directory.path) (permissions, or not a file)"))
        #expect(result.stderr.contains("4 problems found"))
        // Named once each, even though loading stops at the first.
        #expect(result.stderr.components(separatedBy: "PEERBOT_TEST_UNSET_NAME").count == 2)
    }

    @Test func aPlatformThatIsOffMayNameUnsetVariables() async throws {
        let peer = PeerBotProcess()
        let off = try Self.write(
            peer, "[matrix]\nenabled = false\naccess_token = \"${PEERBOT_TEST_UNSET_MATRIX}\"\n[mastodon]\naccess_token_file = \"/nonexistent\"\n",
            name: "off.toml")
        let result = try await peer.run(["check-config", "--config", off])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("PEERBOT_TEST_UNSET_MATRIX"))
        #expect(!result.stderr.contains("/nonexistent"))
    }

    @Test func unreadableDataFilesAreErrors() async throws {
        let peer = PeerBotProcess()
        let config = peer.directory.appendingPathComponent("data.toml").path
        try """
            [storage]
            path = "\(peer.databasePath)"
            [resources]
            directory = "/nonexistent/resources.toml"
            [crisis]
            phrases_directory = "/nonexistent/crisis"
            """.write(toFile: config, atomically: true, encoding: .utf8)
        let result = try await peer.run(["check-config", "--config", config])
        #expect(result.status == 78)
        #expect(result.stderr.contains("\(config): resources.directory: "))
        #expect(result.stderr.contains("\(config): crisis.phrases_directory: "))
        #expect(result.stderr.contains("2 problems found"))
    }

    @Test func noAdapterAndBadValuesFail() async throws {
        let peer = PeerBotProcess()
        let off = try await peer.run(["check-config", "--config", try Self.write(peer, "[console]\nenabled = false\n", name: "off.toml")])
        #expect(off.status == 78)
        #expect(off.stderr.contains("no adapter is enabled"))
        let listen = try await peer.run(["check-config", "--config", try Self.write(peer, "[health]\nlisten = \"everywhere\"\n", name: "l.toml")])
        #expect(listen.status == 78)
        #expect(listen.stderr.contains("health.listen: expected an IP address and port such as \"127.0.0.1:9464\""))
        let exposed = try await peer.run(["check-config", "--config", try Self.write(peer, "[health]\nlisten = \"0.0.0.0:9464\"\n", name: "e.toml")])
        #expect(exposed.status == 0)
        #expect(exposed.stderr.contains("health.listen: 0.0.0.0:9464 is not a loopback address"))
    }

    @Test func inlineSecretsInAFileOthersCanReadAreAWarning() async throws {
        let peer = PeerBotProcess()
        let secret = "s3cr3t-never-printed"
        let open = try Self.write(peer, "[future]\naccess_token = \"\(secret)\"\n", mode: 0o644, name: "open.toml")
        let warned = try await peer.run(["check-config", "--config", open])
        #expect(warned.status == 0)
        #expect(warned.stderr.contains("peerbot: warning: \(open): future.access_token is written in the file, which group or others can read (mode 644)"))
        #expect(!warned.stderr.contains(secret))
        #expect(!warned.stdout.contains(secret))
        // The same warning when the bot starts.
        let started = try await peer.run(["console", "--config", open], input: Data())
        #expect(started.stderr.contains("future.access_token is written in the file"))

        let closed = try Self.write(peer, "[future]\naccess_token = \"\(secret)\"\n", mode: 0o600, name: "closed.toml")
        #expect(!(try await peer.run(["check-config", "--config", closed]).stderr.contains("is written in the file")))
        let fromEnvironment = try Self.write(peer, "[future]\naccess_token = \"${HOME}\"\n", mode: 0o644, name: "env.toml")
        #expect(!(try await peer.run(["check-config", "--config", fromEnvironment]).stderr.contains("is written in the file")))
    }

    @Test func versionNamesTheLibraries() async throws {
        let result = try await PeerBotProcess().run(["--version"])
        #expect(result.status == 0)
        #expect(result.lines.first?.hasPrefix("peerbot ") == true)
        #expect(result.stdout.contains("libcurl: libcurl/"))
        #expect(result.stdout.contains("libwebsockets: 4."))
    }

    /// Every subcommand `peerbot --help` lists (and theirs, recursively) answers `--help`.
    @Test func helpWorksOnEverySubcommand() async throws {
        let peer = PeerBotProcess()
        var visited: [String] = []
        var queue: [[String]] = [[]]
        while let path = queue.popLast() {
            let result = try await peer.run(path + ["--help"])
            let shown = (["peerbot"] + path).joined(separator: " ")
            #expect(result.status == 0, "\(shown) --help")
            #expect(result.stdout.contains("USAGE: \(shown)"), "\(shown) --help")
            visited.append(path.joined(separator: " "))
            queue += Self.subcommands(in: result.stdout).map { path + [$0] }
        }
        #expect(Set(visited).isSuperset(of: ["run", "console", "check-config", "resources", "resources validate", "audit", "audit export"]))
    }

    /// The names in a help text's SUBCOMMANDS section.
    static func subcommands(in help: String) -> [String] {
        guard let section = help.range(of: "SUBCOMMANDS:\n") else { return [] }
        var names: [String] = []
        for line in help[section.upperBound...].split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("  "), !line.hasPrefix("  See ") else { break }
            // A long summary wraps onto lines indented further: those name nothing.
            guard line.dropFirst(2).first != " ", let word = line.split(separator: " ").first else { continue }
            if word != "help" { names.append(String(word)) }
        }
        return names
    }
}
