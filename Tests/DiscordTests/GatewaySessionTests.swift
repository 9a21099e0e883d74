import Adapters
import Foundation
import Testing

/// The gateway session state machine on a virtual clock (gateway.mdx
/// "Connection Lifecycle", "Sending Heartbeats", "Resuming").
@Suite struct GatewaySessionTests {
    @Test func startsByConnectingToTheVersionedGatewayURL() {
        var harness = SessionHarness()
        #expect(harness.start() == [.connect(SessionHarness.gatewayVersioned, after: .zero)])
        #expect(harness.session.phase == .connecting)
        #expect(harness.start() == [], "a second start does nothing")
    }

    @Test func helloIdentifiesAndSchedulesTheFirstBeatAtIntervalTimesJitter() {
        var harness = SessionHarness(jitter: .fixed(0.25))
        harness.start()
        harness.feed(.connected)
        #expect(harness.session.phase == .awaitingHello)
        #expect(harness.feed(.hello(heartbeatInterval: .milliseconds(41_250))) == [.send(.identify)])
        #expect(harness.session.phase == .identifying)
        #expect(harness.session.nextHeartbeatAt == .milliseconds(10_312) + .microseconds(500))
        #expect(harness.advance(to: .seconds(10)) == [], "not before interval × jitter")
        #expect(harness.advance(to: .milliseconds(10_313)) == [.send(.heartbeat(sequence: nil))], "null before any dispatch")
    }

    @Test func beatsEveryIntervalWithTheLastSequenceWhileAcknowledged() {
        var harness = SessionHarness(jitter: .fixed(0.5))
        harness.establish(interval: .seconds(40), sequence: 1)
        #expect(harness.session.phase == .ready)
        #expect(harness.advance(to: .seconds(20)) == [.send(.heartbeat(sequence: 1))])
        harness.feed(.heartbeatAck)
        harness.feed(.dispatch(sequence: 2, name: "MESSAGE_CREATE"))
        harness.feed(.dispatch(sequence: 3, name: "MESSAGE_CREATE"))
        #expect(harness.advance(to: .seconds(59)) == [])
        #expect(harness.advance(to: .seconds(60)) == [.send(.heartbeat(sequence: 3))])
        harness.feed(.heartbeatAck)
        #expect(harness.advance(to: .seconds(100)) == [.send(.heartbeat(sequence: 3))])
        #expect(harness.session.heartbeatsSent == 3)
    }

    @Test func answersAServerHeartbeatRequestAtOnceWithoutMovingTheTimer() {
        var harness = SessionHarness(jitter: .fixed(0.5))
        harness.establish(interval: .seconds(40), sequence: 7)
        let due = harness.session.nextHeartbeatAt
        harness.now = .seconds(3)
        #expect(harness.feed(.heartbeatRequested) == [.send(.heartbeat(sequence: 7))])
        #expect(harness.session.nextHeartbeatAt == due)
        #expect(!harness.session.awaitingAck)
    }

    @Test func zombieConnectionIsClosedWithANon1000CodeAndResumed() {
        var harness = SessionHarness(jitter: .fixed(0.5))
        harness.establish(interval: .seconds(40), sessionID: "abc", sequence: 5)
        #expect(harness.advance(to: .seconds(20)) == [.send(.heartbeat(sequence: 5))])
        harness.feed(.dispatch(sequence: 6, name: "MESSAGE_CREATE"))
        // No ACK before the next beat is due: zombie.
        let commands = harness.advance(to: .seconds(60))
        #expect(commands == [.close(code: 4900), .connect(SessionHarness.resumeVersioned, after: .zero)])
        #expect(commands.contains { if case .close(let code) = $0 { code != 1000 && code != 1001 } else { false } })
        harness.feed(.connected)
        #expect(harness.feed(.hello(heartbeatInterval: .seconds(40))) == [.send(.resume(sessionID: "abc", sequence: 6))])
        #expect(harness.session.phase == .resuming)
        harness.feed(.dispatch(sequence: 7, name: "MESSAGE_CREATE"))
        harness.feed(.dispatch(sequence: 8, name: "RESUMED"))
        #expect(harness.session.phase == .ready)
        #expect(harness.session.sequence == 8)
    }

    @Test func anAckBetweenBeatsKeepsTheConnection() {
        var harness = SessionHarness(jitter: .fixed(0.0))
        harness.establish(interval: .seconds(30))
        for beat in 0..<5 {
            #expect(harness.advance(to: .seconds(30 * beat)) == [.send(.heartbeat(sequence: 1))])
            harness.advance(by: .seconds(1))
            harness.feed(.heartbeatAck)
        }
        #expect(!harness.log.contains { if case .close = $0 { true } else { false } })
    }

    @Test func readyKeepsTheSessionAndTheVersionedResumeURL() {
        var harness = SessionHarness()
        harness.establish(sessionID: "sess-9", sequence: 1)
        #expect(harness.session.sessionID == "sess-9")
        #expect(harness.session.resumeURL == SessionHarness.resumeVersioned)
        #expect(harness.session.snapshot == GatewaySessionSnapshot(sessionID: "sess-9", resumeGatewayURL: SessionHarness.resumeVersioned, sequence: 1))
    }

    @Test func reconnectOpcodeResumesOnTheResumeURL() {
        var harness = SessionHarness()
        harness.establish(sessionID: "s", sequence: 4)
        #expect(harness.feed(.reconnectRequested) == [.close(code: 4900), .connect(SessionHarness.resumeVersioned, after: .zero)])
        harness.feed(.connected)
        #expect(harness.feed(.hello(heartbeatInterval: .seconds(45))) == [.send(.resume(sessionID: "s", sequence: 4))])
    }

    @Test func resumableInvalidSessionResumesAfterOneToFiveSeconds() throws {
        var harness = SessionHarness(jitter: .fixed(0.5))
        harness.establish(sessionID: "s", sequence: 4)
        let commands = harness.feed(.invalidSession(resumable: true))
        #expect(commands.first == .close(code: 4900))
        let delay = try #require(commands.last?.connectDelay)
        #expect(delay >= .seconds(1) && delay <= .seconds(5))
        #expect(commands.last?.connectURL == SessionHarness.resumeVersioned)
        harness.feed(.connected)
        #expect(harness.feed(.hello(heartbeatInterval: .seconds(45))) == [.send(.resume(sessionID: "s", sequence: 4))])
    }

    @Test func nonResumableInvalidSessionIdentifiesAnewOnTheGatewayURL() throws {
        var harness = SessionHarness(jitter: .fixed(0.5))
        harness.establish(sessionID: "s", sequence: 4)
        let commands = harness.feed(.invalidSession(resumable: false))
        #expect(commands.first == .close(code: 1000))
        #expect(commands.last?.connectURL == SessionHarness.gatewayVersioned)
        let delay = try #require(commands.last?.connectDelay)
        #expect(delay >= .seconds(1) && delay <= .seconds(5))
        #expect(harness.session.sessionID == nil && harness.session.sequence == nil)
        harness.feed(.connected)
        #expect(harness.feed(.hello(heartbeatInterval: .seconds(45))) == [.send(.identify)])
    }

    @Test func invalidSessionsAfterIdentifyBackOffToProtectTheIdentifyBudget() throws {
        var harness = SessionHarness(jitter: .fixed(0.999))
        harness.start()
        var delays: [Duration] = []
        for _ in 0..<6 {
            harness.feed(.connected)
            #expect(harness.feed(.hello(heartbeatInterval: .seconds(45))) == [.send(.identify)])
            let commands = harness.feed(.invalidSession(resumable: false))
            delays.append(try #require(commands.last?.connectDelay))
        }
        #expect(delays.first! >= .seconds(1))
        #expect(delays.last! > delays.first!, "delays grow: \(delays)")
        #expect(delays.allSatisfy { $0 <= .seconds(60) }, "capped at the backoff ceiling")
    }

    @Test func stopRequestedKeepsTheSessionResumableAndIgnoresEverythingAfter() {
        var harness = SessionHarness()
        harness.establish(sessionID: "keep", sequence: 3)
        #expect(harness.feed(.stopRequested) == [.close(code: 4900), .stop(.requested)])
        #expect(harness.session.snapshot?.sessionID == "keep", "saved for the next run")
        #expect(harness.session.phase == .stopped)
        #expect(harness.feed(.closed(code: 4000)) == [])
        #expect(harness.feed(.timerFired) == [])
        #expect(harness.session.nextDeadline == nil)
    }

    @Test func aRestoredSessionIsResumedFirst() {
        let snapshot = GatewaySessionSnapshot(sessionID: "old", resumeGatewayURL: URL(string: "wss://resume.example/?v=9")!, sequence: 42)
        var harness = SessionHarness(restoring: snapshot)
        #expect(harness.start() == [.connect(SessionHarness.resumeVersioned, after: .zero)])
        harness.feed(.connected)
        #expect(harness.feed(.hello(heartbeatInterval: .seconds(45))) == [.send(.resume(sessionID: "old", sequence: 42))])
    }

    @Test func repeatedFailedResumesFallBackToIdentify() {
        var harness = SessionHarness(jitter: .fixed(0.5))
        harness.establish(sessionID: "s", sequence: 9)
        harness.feed(.closed(code: 4000))
        for attempt in 1...3 {
            #expect(harness.log.last?.connectURL == SessionHarness.resumeVersioned, "attempt \(attempt) resumes")
            harness.feed(.connected)
            #expect(harness.feed(.hello(heartbeatInterval: .seconds(45))) == [.send(.resume(sessionID: "s", sequence: 9))])
            harness.feed(.closed(code: nil))
        }
        #expect(harness.log.last?.connectURL == SessionHarness.gatewayVersioned)
        #expect(harness.session.sessionID == nil)
        harness.feed(.connected)
        #expect(harness.feed(.hello(heartbeatInterval: .seconds(45))) == [.send(.identify)])
    }

    @Test func resumedResetsTheFailureCounters() {
        var harness = SessionHarness(jitter: .fixed(0.5))
        harness.establish(sessionID: "s", sequence: 9)
        harness.feed(.closed(code: 4000))
        harness.feed(.connected)
        harness.feed(.hello(heartbeatInterval: .seconds(45)))
        harness.feed(.closed(code: nil))
        #expect(harness.session.failedResumes == 1)
        harness.feed(.connected)
        harness.feed(.hello(heartbeatInterval: .seconds(45)))
        harness.feed(.dispatch(sequence: 10, name: "RESUMED"))
        #expect(harness.session.failedResumes == 0 && harness.session.failedAttempts == 0)
        // The next drop of a healthy connection reconnects at once.
        #expect(harness.feed(.closed(code: 4000)).last?.connectDelay == .zero)
    }

    @Test func helloThatNeverComesIsGivenUp() throws {
        var harness = SessionHarness(jitter: .fixed(0.5))
        harness.start()
        harness.feed(.connected)
        #expect(harness.session.nextDeadline == .seconds(20))
        let commands = harness.advance(to: .seconds(20))
        #expect(commands.first == .close(code: 4900))
        #expect(commands.last?.connectURL == SessionHarness.gatewayVersioned)
        #expect(try #require(commands.last?.connectDelay) > .zero)
    }

    @Test func failedConnectionsBackOffWithinTheCeiling() throws {
        var harness = SessionHarness(jitter: .fixed(0.999))
        harness.start()
        var delays: [Duration] = []
        for _ in 0..<10 {
            let commands = harness.feed(.connectFailed)
            delays.append(try #require(commands.last?.connectDelay))
        }
        #expect(delays[0] <= .seconds(1))
        #expect(delays[3] > delays[0])
        #expect(delays.allSatisfy { $0 <= .seconds(60) })
        #expect(delays.last! >= .seconds(59))
    }

    @Test func inputsThatDoNotFitThePhaseAreIgnored() {
        var harness = SessionHarness()
        #expect(harness.feed(.hello(heartbeatInterval: .seconds(1))) == [], "hello before connecting")
        #expect(harness.feed(.closed(code: 4004)) == [], "a close while not connected")
        harness.start()
        #expect(harness.feed(.reconnectRequested) == [])
        #expect(harness.feed(.heartbeatRequested) == [])
        harness.feed(.connected)
        harness.feed(.hello(heartbeatInterval: .seconds(45)))
        #expect(harness.feed(.hello(heartbeatInterval: .seconds(1))) == [], "a second hello")
    }
}
