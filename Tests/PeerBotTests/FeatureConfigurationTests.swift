import Foundation
import Testing
@testable import PeerBot

@Suite struct FeatureConfigurationTests {
    func load(_ text: String) throws(ConfigError) -> (BotConfiguration, ConfigReader) {
        let reader = ConfigReader(document: try ConfigDocument.parse(text, path: "t.toml"), environment: [:])
        return (try BotConfiguration(reader: reader), reader)
    }

    @Test func defaults() throws {
        let (configuration, _) = try load("")
        #expect(configuration.checkins.answerWindow == 900)
        #expect(configuration.checkins.defaultTimeZone == "UTC")
        #expect(configuration.agreements.lines == AgreementSettings.defaultLines)
        #expect(configuration.agreements.welcome == .directMessage)
        #expect(configuration.agreements.reminders.channels.isEmpty)
        #expect(configuration.agreements.contentWarnings.topics.isEmpty)
        #expect(configuration.agreements.contentWarnings.markers == ["CW:", "TW:"])
        #expect(configuration.boundaries.maxLength == 300)
        #expect(configuration.boundaries.reminderCooldown == 86_400)
    }

    @Test func sectionsAreRead() throws {
        let (configuration, reader) = try load("""
            [checkins]
            answer_window = "10m"
            default_time_zone = "europe/berlin"
            [agreements]
            lines = ["One.", "Two."]
            welcome = "channel"
            welcome_channel = "welcome"
            [agreements.reminders]
            every = "3h"
            min_messages = 4
            channels = ["#general", "*"]
            [agreements.content_warnings]
            markers = ["CN:"]
            cooldown = "1h"
            [agreements.content_warnings.topics]
            self-harm = ["cutting"]
            food = ["calories", "purging"]
            [boundaries]
            max_length = 200
            reminder_cooldown = "12h"
            """)
        #expect(reader.unknownKeys().isEmpty)
        #expect(configuration.checkins.answerWindow == 600)
        #expect(configuration.checkins.defaultTimeZone == "Europe/Berlin")
        #expect(configuration.agreements.lines == ["One.", "Two."])
        #expect(configuration.agreements.welcome == .channel)
        #expect(configuration.agreements.reminders.channels == ["general", "*"])
        #expect(configuration.agreements.contentWarnings.topics.map(\.name) == ["food", "self-harm"])
        #expect(configuration.agreements.contentWarnings.hasMarker("cn: food"))
        #expect(configuration.boundaries.reminderCooldown == 43_200)
    }

    @Test func unknownKeysInsideTopicsAndSectionsAreReported() throws {
        let (_, reader) = try load("[agreements]\nlnes = []\n[agreements.reminders]\nevery = \"2h\"\nchanels = []\n")
        #expect(reader.unknownKeys() == ["agreements.lnes", "agreements.reminders.chanels"])
    }

    @Test func badValuesNameTheKey() {
        let cases: [(String, String)] = [
            ("[checkins]\ndefault_time_zone = \"Mars/Base\"\n", "t.toml: checkins.default_time_zone: expected an IANA time zone name"),
            ("[checkins]\nanswer_window = \"5s\"\n", "t.toml: checkins.answer_window: expected a duration from 1m to 24h"),
            ("[agreements]\nwelcome = \"loud\"\n", "t.toml: agreements.welcome: expected one of \"dm\", \"channel\", \"off\""),
            ("[agreements]\nlines = [\"\"]\n", "t.toml: agreements.lines[0]: expected a line of 1 to 300 characters"),
            ("[agreements]\nlines = \"Be kind\"\n", "t.toml: agreements.lines: expected a list of strings, found a string"),
            ("[agreements.reminders]\nevery = \"1m\"\n", "t.toml: agreements.reminders.every: expected a duration from 10m to 30d"),
            ("[agreements.reminders]\nmin_messages = 0\n", "t.toml: agreements.reminders.min_messages: expected 1–100000"),
            ("[agreements.content_warnings]\ntopics = [\"a\"]\n", "t.toml: agreements.content_warnings.topics: expected a table"),
            ("[agreements.content_warnings.topics]\nx = []\n", "t.toml: agreements.content_warnings.topics.x: expected 1 to 1000 keywords"),
            ("[agreements.content_warnings.topics]\nx = [\"!!\"]\n", "t.toml: agreements.content_warnings.topics.x[0]: expected a word or phrase"),
            ("[agreements.content_warnings.topics]\nx = [3]\n", "t.toml: agreements.content_warnings.topics.x[0]: expected a string"),
            ("[boundaries]\nmax_length = 5000\n", "t.toml: boundaries.max_length: expected 20–1000"),
        ]
        for (text, expected) in cases {
            do {
                _ = try load(text)
                Issue.record("no error for \(text)")
            } catch {
                #expect(error.description.hasPrefix(expected), "\(error.description)")
            }
        }
    }
}
