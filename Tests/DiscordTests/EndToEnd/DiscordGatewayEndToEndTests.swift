import Adapters
import Foundation
import PeerBot
import Testing

/// Whole sessions through the real adapter, the real transport and the real
/// core, against the loopback fake Discord.
@Suite(.serialized) struct DiscordGatewayEndToEndTests {
    func withRig(discordTOML: String = "", settings: GatewaySessionSettings = GatewaySessionSettings(), _ body: (DiscordRig) async throws -> Void) async throws {
        let fake = try await FakeDiscord.start()
        let rig = try DiscordRig(fake: fake, discordTOML: discordTOML, sessionSettings: settings)
        do {
            try await body(rig)
        } catch {
            await rig.shutdown()
            await fake.stop()
            throw error
        }
        await rig.shutdown()
        await fake.stop()
    }

    static func ready(_ records: [JSONValue]) -> Bool {
        records.of(kind: "dispatch").contains { $0["t"]?.string == "READY" }
    }

    static func readyCount(_ records: [JSONValue]) -> Int {
        records.of(kind: "dispatch").filter { $0["t"] == .string("READY") }.count
    }

    static func answers(_ records: [JSONValue], containing text: String) -> [JSONValue] {
        records.rest("POST", "/api/v10/channels/\(Payloads.channel)/messages")
            .filter { $0["status"]?.int == 200 && ($0.requestBody?["content"]?.string?.contains(text) ?? false) }
    }

    @Test func identifyReadyAndACommandInAMessageAnsweredWithTheCrisisLine() async throws {
        try await withRig { rig in
            try await rig.run {
                let records = try await rig.fake.waitFor("identify and READY") { Self.ready($0) }
                let identify = try #require(records.sent(op: 2).first)
                #expect(identify["d"]?["token"] == .string(FakeDiscord.token))
                #expect(identify["d"]?["intents"]?.int == DiscordIntents.defaults.rawValue)
                #expect(records.of(kind: "connect").first?["query"]?["v"] == .array([.string("10")]))
                try await rig.fake.dispatch(frame: Payloads.messageCreate(content: "!resources crisis US"))
                let done = try await rig.fake.waitFor("a message naming 988") { !Self.answers($0, containing: "988").isEmpty }
                let answer = try #require(Self.answers(done, containing: "988").first?.requestBody)
                #expect(answer["nonce"]?.string?.count == 25)
                #expect(answer["enforce_nonce"] == .bool(true))
                #expect(answer["allowed_mentions"]?["parse"] == .array([]))
                try await rig.fake.waitFor("slash commands registered") { !$0.rest("PUT", "/api/v10/applications/").isEmpty }
            }
            let records = try await rig.fake.records()
            let commands = try #require(records.rest("PUT", "/api/v10/applications/800000000000000998/commands").first?.requestBody?.array)
            let names = commands.compactMap { $0["name"]?.string }
            #expect(names.contains("resources"))
            #expect(records.sent(op: 2).count == 1, "one identify")
            // The stop kept the session resumable: closed with 4900, not 1000.
            #expect(records.of(kind: "disconnect").last?["code"]?.int == 4900)
        }
    }

    @Test func close4000ResumesWithTheSessionAndTheLastSequenceOnTheResumeURL() async throws {
        try await withRig { rig in
            try await rig.run {
                try await rig.fake.waitFor("READY") { Self.ready($0) }
                let sequence = try await rig.fake.dispatch(frame: Payloads.messageCreate(id: "900000000000000101", content: "!resources crisis US"))
                try await rig.fake.waitFor("the first answer") { Self.answers($0, containing: "988").count == 1 }
                try await rig.fake.closeConnection(code: 4000)
                // Sent while the bot is away: Discord replays it after the resume.
                try await rig.fake.dispatch(frame: Payloads.messageCreate(id: "900000000000000102", content: "!resources crisis US"))
                let records = try await rig.fake.waitFor("resume, replay and a second answer") {
                    !$0.sent(op: 6).isEmpty && Self.answers($0, containing: "988").count == 2
                }
                let resume = try #require(records.sent(op: 6).first)
                #expect(resume["d"]?["session_id"] == .string("session-1"))
                #expect(resume["d"]?["seq"]?.int == sequence)
                #expect(resume["d"]?["token"] == .string(FakeDiscord.token))
                let connects = records.of(kind: "connect")
                #expect(connects.count == 2)
                #expect(connects.last?["path"] == .string("/resume"), "resumed on resume_gateway_url")
                #expect(connects.last?["query"]?["encoding"] == .array([.string("json")]))
                #expect(records.sent(op: 2).count == 1, "no second identify")
                #expect(records.of(kind: "dispatch").contains { $0["t"] == .string("RESUMED") })
            }
        }
    }

    @Test func aRestartResumesTheSavedSessionAndGetsWhatItMissed() async throws {
        let fake = try await FakeDiscord.start()
        let first = try DiscordRig(fake: fake)
        try await first.run {
            try await fake.waitFor("READY") { Self.ready($0) }
            try await fake.dispatch(frame: Payloads.messageCreate(id: "900000000000000201", content: "!resources crisis US"))
            try await fake.waitFor("the first answer") { Self.answers($0, containing: "988").count == 1 }
        }
        await first.shutdown()
        // While PeerBot is down a member asks again; the restart resumes and Discord replays it.
        try await fake.dispatch(frame: Payloads.messageCreate(id: "900000000000000202", content: "!resources crisis US"))
        // The same database: the saved session is what the restart resumes.
        let second = try DiscordRig(fake: fake, directory: first.directory)
        try await second.run {
            try await fake.waitFor("the replayed request answered") { Self.answers($0, containing: "988").count == 2 }
        }
        await second.shutdown()
        withExtendedLifetime(first) {}  // its deinit removes the shared directory
        let records = try await fake.records()
        #expect(records.sent(op: 2).count == 1, "the restart did not identify")
        let resume = try #require(records.sent(op: 6).first)
        #expect(resume["d"]?["session_id"] == .string("session-1"))
        #expect(resume["d"]?["seq"]?.int == 3, "READY 1, GUILD_CREATE 2, the first message 3")
        #expect(records.of(kind: "connect").last?["path"] == .string("/resume"))
        await fake.stop()
    }

    @Test func shardsAutoRunsEveryRecommendedShard() async throws {
        try await withRig { rig in
            try await rig.fake.configure(#"{"shards": 2, "max_concurrency": 2}"#)
            try await rig.run {
                let records = try await rig.fake.waitFor("two shards ready") { Self.readyCount($0) == 2 }
                let shards = records.sent(op: 2).compactMap { $0["d"]?["shard"] }
                #expect(Set(shards.map(\.description)) == ["[0,2]", "[1,2]"])
            }
        }
    }

    @Test func invalidSessionWithFalseIdentifiesAnew() async throws {
        try await withRig { rig in
            try await rig.run { try await Self.invalidateAndWaitForANewIdentify(rig.fake) }
            let records = try await rig.fake.records()
            #expect(records.sent(op: 6).isEmpty, "no resume of an invalid session")
            let paths: [String] = records.of(kind: "connect").compactMap { $0["path"]?.string }
            #expect(paths == ["/", "/"], "identified on the gateway URL")
            let firstClose = records.of(kind: "disconnect").first?["code"]?.int
            #expect(firstClose == 1000)
        }
    }

    static func invalidateAndWaitForANewIdentify(_ fake: FakeDiscord) async throws {
        try await fake.waitFor("READY") { ready($0) }
        try await fake.sendOpcode(9, "false")
        try await fake.waitFor("a second identify and READY") { $0.sent(op: 2).count == 2 && readyCount($0) == 2 }
    }

    @Test func aZombieConnectionIsClosedAndResumed() async throws {
        try await withRig { rig in
            try await rig.fake.configure(#"{"heartbeat_interval": 400, "ack_heartbeats": false}"#)
            try await rig.run {
                let records = try await rig.fake.waitFor("a resume after missed ACKs") { !$0.sent(op: 6).isEmpty }
                #expect(records.sent(op: 1).count >= 1)
                let drop = try #require(records.of(kind: "disconnect").first)
                #expect(drop["code"]?.int == 4900, "closed with a code that keeps the session")
                #expect(drop["by_server"] == .bool(false))
                try await rig.fake.configure(#"{"ack_heartbeats": true}"#)
            }
        }
    }

    @Test func close4014StopsTheAdapterWithTheExplanation() async throws {
        try await withRig { rig in
            try await rig.fake.configure(#"{"disallowed_intents": 32768}"#)
            await #expect(throws: DiscordAdapterError.fatalClose(GatewayCloseCode(4014))) {
                try await rig.adapter.run()
            }
            #expect(rig.adapter.health.state == .disconnected)
            let records = try await rig.fake.records()
            #expect(records.sent(op: 2).count == 1, "never loops on a fatal close code")
            let critical = rig.logs.all.filter { $0.level >= .error }
            #expect(critical.count == 1)
            #expect(critical.first?.text.contains("4014") == true)
            #expect(critical.first?.text.contains("enable the Message Content intent in the Developer Portal") == true)
            var iterator = rig.adapter.events().makeAsyncIterator()
            #expect(await iterator.next() == nil, "the event stream has finished")
            try await rig.checkEveryRequestAgainstTheSpec()
        }
    }

    @Test func aRejectedTokenStopsTheAdapterAtOnce() async throws {
        try await withRig { rig in
            try await rig.fake.configure(#"{"token": "another-token"}"#)
            await #expect(throws: DiscordAdapterError.unauthorized) { try await rig.adapter.run() }
            #expect(rig.adapter.health.state == .disconnected)
            #expect(rig.logs.all.filter { $0.level >= .error }.count == 1)
            #expect(rig.logs.all.contains { $0.text.contains("check discord.token") })
            #expect(try await rig.fake.records().of(kind: "connect").isEmpty)
        }
    }
}
