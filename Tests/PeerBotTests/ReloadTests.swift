import Foundation
import Testing
@testable import PeerBot

@Suite struct ReloadTests {
    @Test func reloadSwapsAgreementsAndKeywordsAtOnce() async throws {
        let harness = try await BotHarness.standard(at: "2026-04-01T12:00:00Z") { $0.agreements.lines = ["Be kind."] }
        #expect(await harness.say("alice", "!norms").first?.text == "This space's agreements:\n1. Be kind.")
        #expect(await harness.say("bob", "thinking about purging").isEmpty)
        var updated = await harness.bot.configuration
        updated.agreements.lines = ["Be kind.", "Take turns."]
        updated.agreements.contentWarnings.topics = [("eating", ["purging"])]
        try await harness.bot.reload(
            configuration: updated,
            features: StandardFeatures.make(configuration: updated, directory: try Fixtures.resourceDirectory(), crisisMatcher: try Fixtures.shippedCrisisMatcher()))
        #expect(await harness.say("alice", "!norms").first?.text == "This space's agreements:\n1. Be kind.\n2. Take turns.")
        #expect(await harness.say("bob", "thinking about purging").first?.text?.contains("touch on eating") == true)
    }

    @Test func aReloadThatCannotBuildKeepsTheOldFeatures() async throws {
        let harness = try await BotHarness.standard(at: "2026-04-01T12:00:00Z")
        var updated = await harness.bot.configuration
        updated.agreements.lines = ["Changed."]
        let clash = TestFeature(commands: [CommandSpec(name: "norms", summary: "again") { _, _ in }])
        await #expect(throws: CommandTableError.duplicate("norms")) {
            try await harness.bot.reload(
                configuration: updated,
                features: StandardFeatures.make(configuration: updated, directory: try Fixtures.resourceDirectory(), crisisMatcher: try Fixtures.shippedCrisisMatcher()) + [clash])
        }
        #expect(await harness.bot.configuration.agreements.lines == AgreementSettings.defaultLines)
        #expect(await harness.say("alice", "!norms").first?.text?.contains("Changed.") == false)
    }

    @Test func reloadKeepsSchedulesAndPendingJobs() async throws {
        let harness = try await BotHarness.standard(at: "2026-04-01T12:00:00Z")
        await harness.dm("alice", "!checkin daily 20:00")
        let configuration = await harness.bot.configuration
        try await harness.bot.reload(
            configuration: configuration,
            features: StandardFeatures.make(configuration: configuration, directory: try Fixtures.resourceDirectory(), crisisMatcher: try Fixtures.shippedCrisisMatcher()))
        #expect(await harness.advance(by: 86_400).privateInstants(to: "alice") == ["2026-04-01T20:00:00Z"])
    }

    @Test func changedKeysNameKeysNotValues() throws {
        let old = try ConfigDocument.parse(
            "[bot]\nname = \"A\"\n[agreements]\nlines = [\"x\"]\n[agreements.content_warnings.topics]\nx = [\"a\"]\n", path: "p")
        let new = try ConfigDocument.parse(
            "[bot]\nname = \"A\"\n[agreements]\nlines = [\"x\", \"y\"]\nwelcome = \"off\"\n[matrix]\ntoken = \"s3cret\"\n", path: "p")
        let changed = new.changedKeys(since: old)
        #expect(changed == [
            "agreements.content_warnings.topics.x", "agreements.lines", "agreements.welcome", "matrix.token",
        ])
        #expect(!changed.joined().contains("s3cret"))
        #expect(new.changedKeys(since: new).isEmpty)
    }
}
