import Foundation
import PeerBot
import Testing
@testable import Adapters

/// A user id that only looks like a listed or powered one is another user.
/// Swift's `==` takes canonically equivalent strings as equal (U+212A KELVIN
/// SIGN is "K"); Matrix compares ids code point by code point.
@Suite struct MatrixLookAlikeRoleTests {
    static let kelvin = "\u{212A}"

    @Test func aLookAlikeOfAListedFacilitatorOrAdminIsAMember() {
        var configuration = MatrixConfiguration()
        configuration.facilitators = ["@Kim:example.org"]
        configuration.admins = ["@KAY:example.org"]
        #expect(configuration.listedRole(of: "@Kim:example.org") == .facilitator)
        #expect(configuration.listedRole(of: "@KAY:example.org") == .admin)
        #expect(configuration.listedRole(of: "@\(Self.kelvin)im:example.org") == .member)
        #expect(configuration.listedRole(of: "@\(Self.kelvin)AY:example.org") == .member)
        #expect(configuration.listedRole(of: "@\u{41A}im:example.org") == .member)  // Cyrillic К
        #expect(configuration.listedRole(of: "@kim:example.org") == .member)  // ids are case-sensitive
        #expect(configuration.listedRole(of: "@Kim:example.org.evil") == .member)
    }

    @Test func aLookAlikeOfAPoweredUserHasTheDefaultLevel() {
        let state = MatrixEventTranslatorTests.roomState(powerLevels: ["@Kim:example.org": 50], creator: "@Owner:example.org")
        #expect(state.powerLevel(of: "@Kim:example.org") == 50)
        #expect(state.powerLevel(of: "@\(Self.kelvin)im:example.org") == 0)
        #expect(state.powerLevel(of: "@Owner:example.org") == Int.max)
        #expect(state.powerLevel(of: "@\u{41E}wner:example.org") == 0)  // Cyrillic О
        let translator = MatrixEventTranslator(botUserID: "@peerbot:example.org", configuration: MatrixConfiguration())
        let trusted = MatrixEventTranslator.Context(room: state, isTrusted: true)
        #expect(translator.role(of: "@Kim:example.org", in: trusted) == .facilitator)
        #expect(translator.role(of: "@\(Self.kelvin)im:example.org", in: trusted) == .member)
    }
}
