import Adapters
import Foundation
import PeerBot
import Testing

/// A plain Discord member runs every facilitator and admin command — typed in
/// a public channel, in the facilitators' channel and in a DM, as a slash
/// command, and as the page's button — wearing a role NAMED like the
/// facilitator role (another id); reacts ✅ to the page; types look-alike
/// command names. Every command is refused, and nothing changes. A
/// facilitator whose role is taken away is refused in DMs at once.
@Suite(.serialized) struct DiscordPermissionTests {
    static let bob = "800000000000001003"
    static let bobDM = "700000000000001003"
    static let aliceDM = DiscordEscalationEndToEndTests.aliceDM
    static let samDM = "700000000000001002"
    /// A role called "Facilitators" — the same name as the configured role, a different id.
    static let lookAlikeRole = "800000000000000777"

    @Test func aMemberRunningEveryPrivilegedCommandIsRefusedAndNothingChanges() async throws {
        let fake = try await FakeDiscord.start()
        // One member sends every command at once: the per-member rate limit (tested on its own) is lifted.
        let rig = try DiscordRig(fake: fake, discordTOML: "[limits]\ncommand_burst = 10000")
        do {
            try await probe(rig, fake)
        } catch {
            await rig.shutdown()
            await fake.stop()
            throw error
        }
        await rig.shutdown()
        await fake.stop()
    }

    func probe(_ rig: DiscordRig, _ fake: FakeDiscord) async throws {
        try await rig.run {
            try await fake.waitFor("READY") { DiscordGatewayEndToEndTests.ready($0) }
            try await fake.dispatch(
                "GUILD_ROLE_CREATE",
                #"{"guild_id":"\#(Payloads.guild)","role":{"id":"\#(Self.lookAlikeRole)","name":"Facilitators","color":0,"hoist":false,"position":2,"permissions":"0","managed":false,"mentionable":true,"flags":0}}"#)
            try await fake.dispatch(
                frame: Payloads.messageCreate(id: "900000000000100000", author: Self.bob, name: "bob", content: "!facilitator rough night"))
            try await fake.waitForMessage(in: Self.bobDM, containing: "request #1")
            let pageID = try #require(try await fake.messages(in: Payloads.facilitatorChannel, containing: "Ticket #1:").first?["id"]?.string)
            try await waitUntilOutboxIsEmpty(rig)
            let before = try PrivilegedCommands.state(of: rig.store)

            let specs = await rig.bot.commandSpecs.filter { $0.minimumRole > .member }
            #expect(!specs.isEmpty, "no privileged command to test")
            let lines = PrivilegedCommands.lines(specs, facilitator: "<@\(Payloads.sam)>")
            var next = 900000000000100001
            func id() -> String {
                next += 1
                return String(next)
            }
            let roles = [Self.lookAlikeRole]
            for (_, line) in lines {
                let content = line.replacingOccurrences(of: "\"", with: "\\\"")
                try await fake.dispatch(frame: Payloads.messageCreate(id: id(), roles: roles, content: content))
                try await fake.dispatch(
                    frame: Payloads.messageCreate(id: id(), roles: roles, content: content, channel: Payloads.facilitatorChannel))
                try await fake.dispatch(frame: Payloads.messageCreate(id: id(), content: content, guild: nil, channel: Self.aliceDM))
            }
            for line in PrivilegedCommands.lookAlikeLines {
                try await fake.dispatch(frame: Payloads.messageCreate(id: id(), roles: roles, content: line))
                try await fake.dispatch(
                    frame: Payloads.messageCreate(id: id(), roles: roles, content: line, channel: Payloads.facilitatorChannel))
            }
            let dmRefusals = lines.count * 3
            try await waitUntil("\(dmRefusals) refusals in alice's DM") {
                try await fake.messages(in: Self.aliceDM, containing: "Nothing was changed.").count >= dmRefusals
            }

            // Slash commands and the page's button: each answered inside Discord's deadline, one at a time.
            var interactions: [String] = []
            for spec in specs {
                let arguments = PrivilegedCommands.arguments(spec.arguments, facilitator: Payloads.sam)
                let options = arguments.isEmpty ? "[]" : #"[{"name":"arguments","type":3,"value":"\#(arguments)"}]"#
                let interaction = id()
                interactions.append(interaction)
                try await fake.dispatch(
                    frame: Payloads.slashCommand(id: interaction, name: spec.name, options: options, roles: roles, token: "interaction-token-\(interaction)"))
                try await waitForAnswer(fake, interaction: interaction)
            }
            let button = id()
            interactions.append(button)
            try await fake.dispatch(
                frame: Payloads.buttonPress(
                    id: button, customID: "pb:ack:1", user: Payloads.alice, roles: roles, token: "interaction-token-\(button)",
                    channel: Payloads.facilitatorChannel))
            try await waitForAnswer(fake, interaction: button)
            try await fake.dispatch(
                frame: Payloads.reactionAdd(user: Payloads.alice, roles: roles, messageID: pageID, channel: Payloads.facilitatorChannel))
            // One more command after the reaction: once it is answered, the reaction has been handled too.
            try await fake.dispatch(frame: Payloads.messageCreate(id: id(), content: "!tickets", guild: nil, channel: Self.aliceDM))
            try await waitUntil("the last refusal") {
                try await fake.messages(in: Self.aliceDM, containing: "Nothing was changed.").count == dmRefusals + 1
            }
            try await waitUntilOutboxIsEmpty(rig)

            let records = try await fake.records()
            for interaction in interactions {
                let answers = records.rest("POST", "/api/v10/interactions/\(interaction)/").map { $0.requestBody?["data"]?["content"]?.string ?? "" }
                    + records.rest("POST", "/api/v10/webhooks/").filter { $0["path"]?.string?.contains("interaction-token-\(interaction)") == true }
                    .map { $0.requestBody?["content"]?.string ?? "" }
                    + records.rest("PATCH", "/api/v10/webhooks/").filter { $0["path"]?.string?.contains("interaction-token-\(interaction)") == true }
                    .map { $0.requestBody?["content"]?.string ?? "" }
                #expect(answers.filter { $0.contains("is only for facilitators") }.count == 1, "interaction \(interaction): \(answers)")
            }
            let after = try PrivilegedCommands.state(of: rig.store)
            for table in PrivilegedCommands.stateTables { #expect(after[table] == before[table], "\(table) changed") }
            #expect(try await fake.messages(in: Payloads.facilitatorChannel).count == 1, "only bob's page was ever posted there")
            #expect(try await fake.messages(in: Payloads.channel).isEmpty, "nothing was said in public")
            #expect(try await fake.messages(in: Self.bobDM).count == 1, "bob heard nothing after his confirmation")
            let told = try await fake.messages(in: Self.aliceDM).compactMap { $0["content"]?.string }
            #expect(told.allSatisfy { $0.contains("is only for facilitators. Nothing was changed.") }, "\(told)")

            // The setup is not what refuses them: sam, with the configured role, is answered.
            try await fake.dispatch(
                frame: Payloads.messageCreate(
                    id: id(), author: Payloads.sam, name: "sam", roles: [Payloads.facilitatorRole], content: "!tickets",
                    channel: Payloads.facilitatorChannel))
            try await fake.waitForMessage(in: Self.samDM, containing: "#1")
            #expect(try await fake.messages(in: Self.samDM, containing: "only for facilitators").isEmpty)

            // Once the role is taken away, sam is a member in DMs too (which carry no roles).
            try await fake.dispatch(
                "GUILD_MEMBER_UPDATE",
                #"{"guild_id":"\#(Payloads.guild)","roles":[],"user":\#(Payloads.user(Payloads.sam, "sam")),"nick":null,"joined_at":"2026-01-01T00:00:00.000000+00:00","flags":0}"#)
            try await fake.dispatch(frame: Payloads.messageCreate(id: id(), author: Payloads.sam, name: "sam", content: "!resolve 1", guild: nil, channel: Self.samDM))
            try await fake.waitForMessage(in: Self.samDM, containing: "!resolve is only for facilitators")
            try await waitUntilOutboxIsEmpty(rig)
            #expect(try rig.store.rawRows("SELECT state FROM ticket") == [["state": "open"]])
        }
    }

    func waitUntilOutboxIsEmpty(_ rig: DiscordRig) async throws {
        try await waitUntil("the outbox is empty") { try rig.store.read { try $0.outboxDepth() } == 0 }
    }

    func waitForAnswer(_ fake: FakeDiscord, interaction: String) async throws {
        try await fake.waitFor("the answer to interaction \(interaction)") { records in
            !records.rest("POST", "/api/v10/interactions/\(interaction)/").isEmpty
        }
    }

    func waitUntil(_ what: String, _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("timed out waiting until \(what)")
        throw FakeDiscord.FakeDiscordError.timedOut(what)
    }
}
