import Adapters
import Foundation
import Testing

/// Every close code path (opcodes-and-status-codes.mdx "Gateway Close Event Codes").
@Suite struct GatewayCloseCodeTests {
    static let resumable: [UInt16?] = [4000, 4001, 4002, 4005, 4008, nil, 1006, 1011]
    static let identifyAnew: [UInt16] = [4003, 4007, 4009, 1000, 1001]
    static let fatal: [UInt16] = [4004, 4010, 4011, 4012, 4013, 4014]

    @Test(arguments: resumable)
    func resumableCodesResumeOnTheResumeURL(code: UInt16?) {
        #expect(GatewayCloseCode(code).disposition == .resume)
        var harness = SessionHarness()
        harness.establish(sessionID: "s", sequence: 12)
        let commands = harness.feed(.closed(code: code))
        #expect(commands == [.connect(SessionHarness.resumeVersioned, after: .zero)])
        harness.feed(.connected)
        #expect(harness.feed(.hello(heartbeatInterval: .seconds(45))) == [.send(.resume(sessionID: "s", sequence: 12))])
    }

    @Test(arguments: identifyAnew)
    func sessionEndingCodesIdentifyAnew(code: UInt16) {
        #expect(GatewayCloseCode(code).disposition == .identify)
        var harness = SessionHarness()
        harness.establish(sessionID: "s", sequence: 12)
        let commands = harness.feed(.closed(code: code))
        #expect(commands == [.connect(SessionHarness.gatewayVersioned, after: .zero)])
        #expect(harness.session.sessionID == nil)
        harness.feed(.connected)
        #expect(harness.feed(.hello(heartbeatInterval: .seconds(45))) == [.send(.identify)])
    }

    @Test(arguments: fatal)
    func fatalCodesStopWithTheCauseAndTheFix(code: UInt16) throws {
        let closeCode = GatewayCloseCode(code)
        #expect(closeCode.disposition == .fatal)
        let explanation = try #require(closeCode.explanation)
        #expect(explanation.hasPrefix(closeCode.name))
        var harness = SessionHarness()
        harness.establish()
        #expect(harness.feed(.closed(code: code)) == [.stop(.fatal(closeCode))])
        #expect(harness.session.phase == .stopped)
        #expect(harness.feed(.connected) == [] && harness.feed(.timerFired) == [], "never loops on a fatal code")
    }

    @Test func fatalCodesDuringIdentifyAlsoStop() {
        var harness = SessionHarness()
        harness.start()
        harness.feed(.connected)
        harness.feed(.hello(heartbeatInterval: .seconds(45)))
        #expect(harness.feed(.closed(code: 4004)) == [.stop(.fatal(GatewayCloseCode(4004)))])
    }

    @Test func explanationsNameTheFix() throws {
        #expect(try #require(GatewayCloseCode(4014).explanation).contains("enable the Message Content intent in the Developer Portal"))
        #expect(try #require(GatewayCloseCode(4004).explanation).contains("check discord.token"))
        #expect(try #require(GatewayCloseCode(4010).explanation).contains("discord.shard_ids"))
        #expect(try #require(GatewayCloseCode(4011).explanation).contains("discord.shards"))
        #expect(try #require(GatewayCloseCode(4012).explanation).contains("v=10"))
        #expect(try #require(GatewayCloseCode(4013).explanation).contains("discord.intents"))
        #expect(GatewayCloseCode(4000).explanation == nil)
    }

    @Test func aResumableCloseBeforeReadyIdentifiesBecauseThereIsNoSession() throws {
        var harness = SessionHarness(jitter: .fixed(0.5))
        harness.start()
        harness.feed(.connected)
        harness.feed(.hello(heartbeatInterval: .seconds(45)))
        let commands = harness.feed(.closed(code: 4000))
        #expect(commands.last?.connectURL == SessionHarness.gatewayVersioned)
        #expect(try #require(commands.last?.connectDelay) > .zero, "a failure before READY backs off")
    }

    @Test func rateLimitedCloseResumesAfterABackoffWhenItRepeats() throws {
        var harness = SessionHarness(jitter: .fixed(0.5))
        harness.establish(sessionID: "s", sequence: 2)
        #expect(harness.feed(.closed(code: 4008)).last?.connectDelay == .zero)
        harness.feed(.connected)
        harness.feed(.hello(heartbeatInterval: .seconds(45)))
        let second = harness.feed(.closed(code: 4008))
        #expect(try #require(second.last?.connectDelay) > .zero)
        #expect(second.last?.connectURL == SessionHarness.resumeVersioned)
    }
}
