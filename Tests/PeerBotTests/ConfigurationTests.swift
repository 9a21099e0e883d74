import Foundation
import Testing
@testable import PeerBot

@Suite struct ConfigurationTests {
    func load(_ text: String, environment: [String: String] = [:]) throws(ConfigError) -> (BotConfiguration, ConfigReader) {
        let document = try ConfigDocument.parse(text, path: "test.toml")
        let reader = ConfigReader(document: document, environment: environment)
        return (try BotConfiguration(reader: reader), reader)
    }

    @Test func defaultsWhenEmpty() throws {
        let (configuration, _) = try load("")
        #expect(configuration.bot.commandPrefix == "!")
        #expect(configuration.storage.path == "./data/peerbot.sqlite")
        #expect(configuration.bot.defaultRegion == nil)
        #expect(configuration.scheduler.missedJobGrace == 3600)
    }

    @Test func theShippedConfigurationLoads() throws {
        let document = try ConfigDocument.load(path: Fixtures.repositoryRoot.appendingPathComponent("config/peerbot.toml").path)
        let reader = ConfigReader(document: document, environment: [:])
        let configuration = try BotConfiguration(reader: reader)
        #expect(configuration.resources.directory == "config/resources.toml")
        #expect(configuration.bot.defaultRegion == nil)
    }

    @Test func missingFile() {
        #expect(throws: ConfigError.fileMissing(path: "/nonexistent/peerbot.toml")) {
            try ConfigDocument.load(path: "/nonexistent/peerbot.toml")
        }
        #expect(ConfigError.fileMissing(path: "x.toml").description.contains("x.toml"))
    }

    @Test func syntaxErrorNamesLineAndColumn() {
        do {
            _ = try load("[bot]\nname = \n")
            Issue.record("expected a syntax error")
        } catch {
            guard case .syntax(let path, let line, _, _) = error else {
                Issue.record("wrong error \(error)")
                return
            }
            #expect(path == "test.toml")
            #expect(line == 2)
            #expect(error.description.hasPrefix("test.toml:2:"))
        }
    }

    @Test func wrongTypeNamesKeyAndExpectedType() {
        #expect(throws: ConfigError.wrongType(path: "test.toml", key: "bot.max_message_length", expected: "an integer", found: "a string")) {
            try load("[bot]\nmax_message_length = \"long\"\n")
        }
        #expect(throws: ConfigError.wrongType(path: "test.toml", key: "bot.name", expected: "a string", found: "an integer")) {
            try load("[bot]\nname = 5\n")
        }
    }

    @Test func invalidValues() {
        #expect(throws: ConfigError.self) { try load("[bot]\ndefault_region = \"Mars\"\n") }
        #expect(throws: ConfigError.self) { try load("[bot]\ncommand_prefix = \"go\"\n") }
        #expect(throws: ConfigError.self) { try load("[logging]\nlevel = \"loud\"\n") }
        #expect(throws: ConfigError.self) { try load("[scheduler]\nmissed_job_grace = \"soon\"\n") }
    }

    @Test func unknownKeysAreReported() throws {
        let (_, reader) = try load("[bot]\nnmae = \"x\"\n[mystery]\nkey = 1\n")
        #expect(reader.unknownKeys() == ["bot.nmae", "mystery"])
    }

    @Test func environmentInterpolation() throws {
        let (configuration, _) = try load("[storage]\npath = \"${DATA}/db.sqlite\"\n", environment: ["DATA": "/var/lib/peerbot"])
        #expect(configuration.storage.path == "/var/lib/peerbot/db.sqlite")
        let (escaped, _) = try load("[bot]\nname = \"cost $$5\"\n")
        #expect(escaped.bot.name == "cost $5")
    }

    @Test func missingSecretNamesTheVariable() {
        do {
            _ = try load("[storage]\npath = \"${NOT_SET_ANYWHERE}\"\n")
            Issue.record("expected an error")
        } catch {
            #expect(error == .missingSecret(path: "test.toml", key: "storage.path", reason: "environment variable NOT_SET_ANYWHERE is not set"))
        }
    }

    @Test func secretsFromFilesAndVariables() throws {
        let temporary = TemporaryDirectory()
        let file = temporary.path("token")
        try "s3cret\n".write(toFile: file, atomically: true, encoding: .utf8)
        let document = try ConfigDocument.parse(
            "[a]\ntoken_file = \"\(file)\"\n[b]\ntoken = \"${TOKEN}\"\n[c]\ntoken_file = \"/nonexistent/token\"\n", path: "s.toml")
        let reader = ConfigReader(document: document, environment: ["TOKEN": "from-env"])
        #expect(try reader.secret("a.token") == "s3cret")
        #expect(try reader.secret("b.token") == "from-env")
        #expect(try reader.secret("d.token") == nil)
        #expect(throws: ConfigError.missingSecret(path: "s.toml", key: "c.token_file", reason: "cannot read /nonexistent/token")) {
            try reader.secret("c.token")
        }
        #expect(throws: ConfigError.self) { try reader.requiredSecret("d.token", hint: "the bot token") }
    }

    /// A `*_file` that is a device, a FIFO or a huge file is refused at once;
    /// reading `/dev/zero` used to never finish. A symlink to a token is read.
    @Test func secretFilesMustBeSmallRegularFiles() throws {
        let temporary = TemporaryDirectory()
        let fifo = temporary.path("fifo")
        #expect(mkfifo(fifo, 0o600) == 0)
        let big = temporary.path("big")
        try Data(count: 65 * 1024).write(to: URL(fileURLWithPath: big))
        let token = temporary.path("token"), link = temporary.path("link")
        try "s3cret\n".write(toFile: token, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: token)
        let document = try ConfigDocument.parse(
            "[a]\ntoken_file = \"/dev/zero\"\n[b]\ntoken_file = \"\(fifo)\"\n[c]\ntoken_file = \"\(big)\"\n[d]\ntoken_file = \"\(link)\"\n",
            path: "s.toml")
        let reader = ConfigReader(document: document, environment: [:])
        #expect(throws: ConfigError.missingSecret(path: "s.toml", key: "a.token_file", reason: "/dev/zero is not a regular file")) {
            try reader.secret("a.token")
        }
        #expect(throws: ConfigError.missingSecret(path: "s.toml", key: "b.token_file", reason: "\(fifo) is not a regular file")) {
            try reader.secret("b.token")
        }
        #expect(throws: ConfigError.missingSecret(
            path: "s.toml", key: "c.token_file", reason: "\(big) is larger than 64 KiB; expected a token")) {
            try reader.secret("c.token")
        }
        #expect(try reader.secret("d.token") == "s3cret")
    }
}
