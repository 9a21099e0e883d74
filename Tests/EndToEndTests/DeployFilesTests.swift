import Foundation
import LoopbackPeers
import Testing

/// The deploy files: the systemd unit passes `systemd-analyze verify` (and a
/// hardening threshold), and `make install-files` stages a working install
/// into a DESTDIR.
@Suite struct DeployFilesTests {
    static let systemdAnalyze = "/usr/bin/systemd-analyze"
    static var hasSystemdAnalyze: Bool { FileManager.default.isExecutableFile(atPath: systemdAnalyze) }

    /// Runs a command; returns its status, stdout and stderr.
    static func run(_ executable: String, _ arguments: [String], in directory: URL? = nil) async throws -> (status: Int32, stdout: String, stderr: String) {
        try await awaitBlocking { try runBlocking(executable, arguments, in: directory) }
    }

    private static func runBlocking(_ executable: String, _ arguments: [String], in directory: URL?) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let output = SpawnGate.pipe(), errors = SpawnGate.pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try SpawnGate.run(process)
        let errorData = Locked(Data())
        let reader = Thread { errorData.set(errors.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorData.isSet { usleep(1000) }
        return (process.terminationStatus, String(decoding: outputData, as: UTF8.self), String(decoding: errorData.value, as: UTF8.self))
    }

    /// `systemd-analyze verify` checks that ExecStart's binary exists and is
    /// executable, and /usr/local/bin/peerbot is not installed on a test
    /// machine. So a copy of the unit, identical but for ExecStart pointing at
    /// the binary just built, is verified. (`--root` would need a whole
    /// system tree: sysinit.target, /bin/kill.)
    static func verifiableCopy(of unit: URL, in directory: URL) throws -> URL {
        let text = try String(contentsOf: unit, encoding: .utf8)
        let copy = directory.appendingPathComponent("peerbot.service")
        try text.replacingOccurrences(of: "ExecStart=/usr/local/bin/peerbot ", with: "ExecStart=\(PeerBotProcess.executable.path) ")
            .write(to: copy, atomically: true, encoding: .utf8)
        return copy
    }

    @Test(.enabled(if: hasSystemdAnalyze, "needs systemd-analyze"))
    func theSystemdUnitVerifiesAndIsHardened() async throws {
        let peer = PeerBotProcess()
        let copy = try Self.verifiableCopy(
            of: PeerBotProcess.repositoryRoot.appendingPathComponent("deploy/peerbot.service"), in: peer.directory)
        let verify = try await Self.run(Self.systemdAnalyze, ["verify", copy.path])
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(verify.stderr.isEmpty, "warnings: \(verify.stderr)")
        // The exposure score of `systemd-analyze security` (shown 0.0 best to 10.0 worst; "OK" is
        // below 2.0). --threshold counts in tenths: 19 fails anything rated 2.0 or worse.
        let security = try await Self.run(Self.systemdAnalyze, ["security", "--offline=yes", "--threshold=19", copy.path])
        #expect(security.status == 0, "\(security.stdout.split(separator: "\n").last ?? "")")
        let unit = try String(contentsOf: copy, encoding: .utf8)
        for directive in [
            "DynamicUser=yes", "ProtectSystem=strict", "StateDirectory=peerbot", "EnvironmentFile=-/etc/peerbot/peerbot.env",
            "Restart=on-failure", "NoNewPrivileges=yes", "PrivateTmp=yes", "ProtectHome=yes",
            "RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX", "SystemCallFilter=@system-service",
        ] {
            #expect(unit.contains("\n\(directive)\n"), "\(directive)")
        }
    }

    @Test func makeInstallFilesStagesAWorkingInstallIntoDestdir() async throws {
        let peer = PeerBotProcess()
        let stage = peer.directory.appendingPathComponent("stage")
        let root = PeerBotProcess.repositoryRoot
        let arguments = ["-s", "-C", root.path, "install-files", "DESTDIR=\(stage.path)", "INSTALL_BIN=\(PeerBotProcess.executable.path)"]
        let install = try await Self.run("/usr/bin/make", arguments)
        #expect(install.status == 0, "\(install.stderr)")

        let files = FileManager.default
        func path(_ relative: String) -> String { stage.appendingPathComponent(relative).path }
        #expect(files.isExecutableFile(atPath: path("usr/local/bin/peerbot")))
        for data in [
            "usr/local/share/peerbot/resources.toml", "usr/local/share/peerbot/RESOURCES.md", "usr/local/share/peerbot/crisis/en.txt",
            "usr/local/share/peerbot/peerbot.service", "usr/local/share/peerbot/peerbot.env.example",
            "usr/local/share/peerbot/peerbot.toml.example", "usr/local/share/doc/peerbot/admin-guide.md",
            "usr/local/share/doc/peerbot/facilitator-guide.md", "usr/local/share/doc/peerbot/privacy-notice.md",
            "etc/peerbot/peerbot.toml",
        ] {
            #expect(files.fileExists(atPath: path(data)), "\(data)")
        }
        let mode = try files.attributesOfItem(atPath: path("etc/peerbot/peerbot.toml"))[.posixPermissions] as? Int
        #expect(mode == 0o644)
        let version = try await Self.run(path("usr/local/bin/peerbot"), ["--version"])
        #expect(version.stdout.hasPrefix("peerbot "))

        // The installed configuration names the installed paths; moved under the
        // stage (and with the console on, as no platform is configured) it passes check-config.
        let installed = try String(contentsOfFile: path("etc/peerbot/peerbot.toml"), encoding: .utf8)
        #expect(installed.contains("path = \"/var/lib/peerbot/peerbot.sqlite\""))
        #expect(installed.contains("directory = \"/usr/local/share/peerbot/resources.toml\""))
        #expect(installed.contains("listen = \"127.0.0.1:9464\""))
        let staged = installed.replacingOccurrences(of: "\"/usr/local/", with: "\"\(stage.path)/usr/local/")
            .replacingOccurrences(of: "\"/var/lib/peerbot/", with: "\"\(stage.path)/var/lib/peerbot/")
        let check = peer.directory.appendingPathComponent("staged.toml")
        try staged.write(to: check, atomically: true, encoding: .utf8)
        let offline = try await Self.run(path("usr/local/bin/peerbot"), ["check-config", "--config", check.path])
        #expect(offline.status == 78)
        #expect(offline.stderr.contains("no adapter is enabled"))
        var online = staged
        let console = try #require(online.range(of: "\n[console]\n"))
        let enabled = try #require(online.range(of: "\nenabled = false\n", range: console.upperBound..<online.endIndex))
        online.replaceSubrange(enabled, with: "\nenabled = true\n")
        try online.write(to: check, atomically: true, encoding: .utf8)
        let checked = try await Self.run(path("usr/local/bin/peerbot"), ["check-config", "--config", check.path])
        #expect(checked.status == 0, "\(checked.stderr)")
        #expect(checked.stdout.contains("health endpoint: http://127.0.0.1:9464/healthz"))
        #expect(checked.stderr.isEmpty, "\(checked.stderr)")

        // The staged unit runs the installed binary; a second install keeps the configuration.
        let unit = try String(contentsOfFile: path("usr/local/share/peerbot/peerbot.service"), encoding: .utf8)
        #expect(unit.contains("ExecStart=/usr/local/bin/peerbot run --config /etc/peerbot/peerbot.toml"))
        try "# edited by the admin\n".write(toFile: path("etc/peerbot/peerbot.toml"), atomically: true, encoding: .utf8)
        let again = try await Self.run("/usr/bin/make", arguments)
        #expect(again.status == 0)
        #expect(try String(contentsOfFile: path("etc/peerbot/peerbot.toml"), encoding: .utf8) == "# edited by the admin\n")
        #expect(files.fileExists(atPath: path("etc/peerbot/peerbot.toml.new")))
    }

    @Test func theContainerFilesNameWhatExists() async throws {
        let root = PeerBotProcess.repositoryRoot
        let dockerfile = try String(contentsOf: root.appendingPathComponent("deploy/Dockerfile"), encoding: .utf8)
        // Docker cannot run here: these are the checks that reading can make.
        for package in ["libcurl4", "libwebsockets17", "libsqlite3-0", "tzdata", "ca-certificates"] {
            #expect(dockerfile.contains(" \(package)"), "\(package)")
        }
        #expect(dockerfile.contains("USER peerbot:peerbot"))
        #expect(dockerfile.contains("VOLUME [\"/var/lib/peerbot\"]"))
        for script in ["deploy/render-config.sh", "config/resources.toml", "config/RESOURCES.md"] {
            #expect(dockerfile.contains(script))
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(script).path), "\(script)")
        }
        let compose = try String(contentsOf: root.appendingPathComponent("deploy/compose.yaml"), encoding: .utf8)
        #expect(compose.contains("dockerfile: deploy/Dockerfile"))
        #expect(compose.contains("\"127.0.0.1:9464:9464\""))
        // The configuration the image ships renders from the shipped one.
        let render = try await Self.run(
            "/bin/bash",
            ["-c", "deploy/render-config.sh /var/lib/peerbot /usr/local/share/peerbot 0.0.0.0:9464 < config/peerbot.toml"],
            in: root)
        #expect(render.status == 0, "\(render.stderr)")
        #expect(render.stdout.contains("listen = \"0.0.0.0:9464\""))
    }
}
