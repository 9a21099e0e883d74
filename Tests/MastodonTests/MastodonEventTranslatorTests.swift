import Adapters
import Foundation
import PeerBot
import Testing

@Suite struct MastodonEventTranslatorTests {
    func translator(_ configure: (inout MastodonConfiguration) -> Void = { _ in }) -> MastodonEventTranslator {
        var configuration = MastodonConfiguration()
        configuration.facilitators = MastodonAccountList([.account("sam@other.example")])
        configuration.admins = MastodonAccountList([.id("303")])
        configure(&configuration)
        return MastodonEventTranslator(ownAccount: MastodonTestData.bot, localDomain: "social.example", configuration: configuration)
    }

    @Test func mentionBecomesAMessageInADirectConversation() throws {
        let outcome = translator().translate(MastodonTestData.mention(id: "8", text: "!resources crisis US", statusID: "777"))
        guard case .message(let message) = outcome else {
            Issue.record("expected a message, got \(outcome)")
            return
        }
        #expect(message.text == "!resources crisis US")
        #expect(message.id == "777")
        #expect(message.author == MemberRef(platform: .mastodon, id: "101"))
        #expect(message.author.handle == "@alice@social.example")
        #expect(message.authorRole == .member)
        #expect(message.channel.platform == .mastodon)
        #expect(message.channel.isDirect)
        #expect(message.channel.id == "101/777")
        #expect(MastodonDestination(channelID: message.channel.id) == .conversation(accountID: "101", statusID: "777"))
        #expect(message.mentions.isEmpty)
        #expect(!message.authorIsBot)
    }

    @Test func recordedMentionTranslates() throws {
        let frame = try Cassettes.receivedFrames("test_stream_websocket_user_direct.ws.yaml")[1]
        guard case .notification(let notification) = try MastodonStreamFrame.parse(frame) else {
            Issue.record("not a notification")
            return
        }
        let own = MastodonAccount(
            id: "117446458590375418", username: "mastodonpy_test", acct: "mastodonpy_test", url: "http://localhost:3000/@mastodonpy_test")
        let translator = MastodonEventTranslator(ownAccount: own, localDomain: "localhost:3000", configuration: MastodonConfiguration())
        guard case .message(let message) = translator.translate(notification) else {
            Issue.record("not a message")
            return
        }
        #expect(message.text == "WebSocket direct stream test")
        #expect(message.author.handle == "@admin@localhost:3000")
        #expect(message.channel.id == "117446458245630898/117446504706075486")
    }

    @Test func rolesComeFromTheAccountLists() {
        var samMention = MastodonTestData.mention(id: "9", from: MastodonTestData.sam, text: "!tickets")
        guard case .message(let fromSam) = translator().translate(samMention) else {
            Issue.record("not a message")
            return
        }
        #expect(fromSam.authorRole == .facilitator)
        #expect(fromSam.author.handle == "@sam@other.example")
        let admin = MastodonAccount(id: "303", username: "ada", acct: "ada", url: "https://social.example/@ada")
        samMention = MastodonTestData.mention(id: "10", from: admin, text: "!tickets")
        guard case .message(let fromAdmin) = translator().translate(samMention) else {
            Issue.record("not a message")
            return
        }
        #expect(fromAdmin.authorRole == .admin)
    }

    @Test func accountMatchingIgnoresCaseAndTheLocalDomain() {
        let pattern = MastodonAccountPattern(parsing: "@Alice@Social.Example", allowDomain: false)
        #expect(pattern?.matches(MastodonTestData.alice, localDomain: "social.example") == true)
        #expect(MastodonAccountPattern(parsing: "@alice", allowDomain: false)?.matches(MastodonTestData.alice, localDomain: "social.example") == true)
        #expect(MastodonAccountPattern(parsing: "@alice", allowDomain: false)?.matches(MastodonTestData.sam, localDomain: "social.example") == false)
    }

    @Test func otherMentionsAreKeptAsHandlesAndListed() {
        let outcome = translator().translate(
            MastodonTestData.mention(id: "11", text: "!handoff 1", extraMentions: [MastodonTestData.sam]))
        guard case .message(let message) = outcome else {
            Issue.record("not a message")
            return
        }
        #expect(message.text == "!handoff 1 @sam@other.example")
        #expect(message.mentions == [MemberRef(platform: .mastodon, id: "202")])
    }

    @Test func botsTheBotItselfAndOtherTypesAreIgnored() {
        var robot = MastodonTestData.alice
        robot.id = "555"
        robot.bot = true
        #expect(translator().translate(MastodonTestData.mention(id: "1", from: robot, text: "!help")) == .ignored(reason: "bot account"))
        var own = MastodonTestData.bot
        own.bot = false
        #expect(translator().translate(MastodonTestData.mention(id: "2", from: own, text: "!help")) == .ignored(reason: "own status"))
        #expect(translator().translate(MastodonTestData.follow(id: "3")) == .unknown(kind: "notification:follow"))
        var noStatus = MastodonTestData.mention(id: "4", text: "x")
        noStatus.status = nil
        #expect(translator().translate(noStatus) == .unknown(kind: "notification:mention-without-status"))
    }

    @Test func withoutTheBotsAccountTheLeadingMentionStillGoes() {
        let unknown = MastodonEventTranslator(ownAccount: nil, localDomain: "social.example", configuration: MastodonConfiguration())
        let notification = MastodonTestData.mention(id: "12", text: "!resources crisis US")
        guard case .message(let message) = unknown.translate(notification) else {
            Issue.record("not a message")
            return
        }
        #expect(message.text == "!resources crisis US")
        // A mention that names only one account names the bot.
        #expect(MastodonEventTranslator.ownAccount(from: notification)?.id == MastodonTestData.bot.id)
        #expect(MastodonEventTranslator.ownAccount(from: MastodonTestData.mention(id: "13", text: "x", extraMentions: [MastodonTestData.sam])) == nil)
        #expect(MastodonEventTranslator.ownAccount(from: MastodonTestData.follow(id: "14")) == nil)
    }

    @Test func allowListLimitsWhoIsAnswered() {
        let onlyOther = translator { $0.allow = MastodonAccountList([.domain("other.example")]) }
        #expect(onlyOther.translate(MastodonTestData.mention(id: "1", text: "!help")) == .ignored(reason: "not on the allow-list"))
        if case .message = onlyOther.translate(MastodonTestData.mention(id: "2", from: MastodonTestData.sam, text: "!help")) {
        } else {
            Issue.record("sam is on an allowed domain")
        }
        let onlyAlice = translator { $0.allow = MastodonAccountList([.account("alice")]) }
        if case .message = onlyAlice.translate(MastodonTestData.mention(id: "3", text: "!help")) {
        } else {
            Issue.record("alice is allowed by name")
        }
    }
}
