import Foundation
import Testing
@testable import PeerBot

@Suite struct EscalationConfigurationTests {
    func load(_ text: String) throws(ConfigError) -> (BotConfiguration, ConfigReader) {
        let reader = ConfigReader(document: try ConfigDocument.parse(text, path: "test.toml"), environment: [:])
        return (try BotConfiguration(reader: reader), reader)
    }

    @Test func defaults() throws {
        let (configuration, _) = try load("")
        #expect(configuration.escalation.ackTimeout == 300)
        #expect(configuration.escalation.tiers.map(\.mention) == [.onDuty, .all, .backup])
        #expect(configuration.escalation.destination.description == "console:facilitators")
        #expect(!configuration.escalation.destinationConfigured)
        #expect(configuration.crisis.defaultPolicy == CrisisSpacePolicy(mode: .offer, shareText: false, allowOptOut: true))
        #expect(configuration.crisis.cooldown == 6 * 3600)
        #expect(configuration.crisis.phraseFiles == ["config/crisis/en.txt"])
        #expect(configuration.retention.checkinsDays == 90)
        #expect(configuration.retention.ticketsDays == 365)
        #expect(configuration.rota.timeZone.secondsFromGMT() == 0)
    }

    @Test func aFullLadderAndRota() throws {
        let (configuration, reader) = try load("""
            [escalation]
            ack_timeout = "2m"
            destination = "discord:1234567890"
            facilitators = ["discord:11", "discord:12"]
            backup = ["matrix:@ada:example.org"]
            [[escalation.tiers]]
            mention = "on-duty"
            [[escalation.tiers]]
            mention = "backup"
            destination = "matrix:!room:example.org"
            members = ["matrix:@bo:example.org"]
            [rota]
            time_zone = "Europe/London"
            [[rota.shifts]]
            member = "discord:11"
            days = ["weekdays", "sat"]
            from = "22:00"
            to = "06:00"
            [crisis]
            mode = "offer+notify"
            cooldown = "1h"
            [[crisis.spaces]]
            space = "discord:999"
            mode = "off"
            [retention]
            tickets_days = 30
            """)
        #expect(reader.unknownKeys().isEmpty)
        #expect(configuration.escalation.ackTimeout == 120)
        #expect(configuration.escalation.destinationConfigured)
        #expect(configuration.escalation.facilitators == ["discord:11", "discord:12"])
        #expect(configuration.escalation.tiers.count == 2)
        #expect(configuration.escalation.destination(ofTier: 1).description == "discord:1234567890")
        #expect(configuration.escalation.destination(ofTier: 2).description == "matrix:!room:example.org")
        #expect(configuration.escalation.tiers[1].members == ["matrix:@bo:example.org"])
        #expect(configuration.rota.shifts == [RotaShift(member: "discord:11", weekdays: [2, 3, 4, 5, 6, 7], startMinute: 1320, endMinute: 360)])
        #expect(configuration.crisis.defaultPolicy.mode == .offerAndNotify)
        let elsewhere = ChannelRef(platform: .discord, space: "999", id: "1")
        #expect(configuration.crisis.policy(for: elsewhere).mode == .off)
        #expect(configuration.crisis.policy(for: ChannelRef(platform: .discord, space: "5", id: "1")).mode == .offerAndNotify)
        #expect(configuration.retention.ticketsDays == 30)
    }

    @Test func errorsNameTheKey() {
        let cases: [(String, String)] = [
            ("[escalation]\ndestination = \"facilitators\"\n", "escalation.destination: expected platform:channel-id"),
            ("[escalation]\nack_timeout = \"5s\"\n", "escalation.ack_timeout: expected between 30s and 24h"),
            ("[escalation]\nfacilitators = [\"sam\"]\n", "escalation.facilitators: expected member keys written platform:id"),
            ("[[escalation.tiers]]\nmention = \"everyone\"\n", "escalation.tiers[1].mention: expected one of \"on-duty\", \"all\", \"backup\", \"none\""),
            ("[[escalation.tiers]]\nmention = \"all\"\ndestinaton = \"x:y\"\n", "escalation.tiers[1].destinaton: unknown key"),
            ("[rota]\ntime_zone = \"Mars/Olympus\"\n", "rota.time_zone: expected an IANA time zone"),
            ("[[rota.shifts]]\nmember = \"console:sam\"\nfrom = \"25:00\"\nto = \"02:00\"\n", "rota.shifts[1].from: expected a time HH:MM"),
            ("[[rota.shifts]]\nmember = \"console:sam\"\ndays = [\"funday\"]\nfrom = \"10:00\"\nto = \"12:00\"\n", "rota.shifts[1].days: expected mon"),
            ("[[rota.shifts]]\nfrom = \"10:00\"\nto = \"12:00\"\n", "rota.shifts[1].member is required"),
            ("[crisis]\nmode = \"loud\"\n", "crisis.mode: expected one of \"off\", \"offer\", \"offer+notify\""),
            ("[[crisis.spaces]]\nspace = \"discord:1\"\nshare_text = \"yes\"\n", "crisis.spaces[1].share_text: expected true or false"),
            ("[retention]\ntickets_days = 0\n", "retention.tickets_days: expected 1–3650, found 0"),
        ]
        for (text, expected) in cases {
            do {
                _ = try load(text)
                Issue.record("no error for \(text)")
            } catch {
                #expect(error.description.contains(expected), "\(error.description)")
                #expect(error.description.hasPrefix("test.toml"))
            }
        }
    }

    @Test func destinationsAreParsed() {
        #expect(EscalationDestination(parsing: "console:facilitators")?.channel.id == "facilitators")
        #expect(EscalationDestination(parsing: "matrix:!abc:example.org")?.channelID == "!abc:example.org")
        #expect(EscalationDestination(parsing: "discord:") == nil)
        #expect(EscalationDestination(parsing: ":x") == nil)
        #expect(EscalationDestination(parsing: "Discord:1") == nil)
        #expect(EscalationDestination(parsing: "discord:1 2") == nil)
    }
}
