import Foundation
import Testing

/// Transcripts piped through the real `peerbot console`.
@Suite struct ConsoleTranscriptTests {
    @Test func resourcesCrisisUSNames988() async throws {
        let peer = PeerBotProcess()
        let result = try await peer.console("alice: !resources crisis US\n", config: try peer.writeConfig())
        #expect(result.status == 0)
        #expect(result.lines.first == "[#general] Help lines for crisis in US:")
        #expect(result.lines.contains { $0.contains("988 Suicide & Crisis Lifeline — call 988") })
    }

    @Test func runWithTheShippedStyleConfigOpensAConsole() async throws {
        let peer = PeerBotProcess()
        let result = try await peer.run(["run", "--config", try peer.writeConfig()], input: Data("alice: !help\n".utf8))
        #expect(result.status == 0)
        #expect(result.lines.first?.hasPrefix("[dm:alice] I'm PeerBot, a bot (not a person).") == true)
        #expect(FileManager.default.fileExists(atPath: peer.databasePath))
    }

    @Test func unknownTopicListsTopicsAndMalformedCommandGetsUsage() async throws {
        let peer = PeerBotProcess()
        let result = try await peer.console(
            """
            alice: !resources astrology
            alice: !region
            alice: !region GB US
            alice: !frobnicate
            """, config: try peer.writeConfig())
        #expect(result.status == 0)
        #expect(result.lines.count == 4)
        #expect(result.lines[0].contains("Topics: crisis, suicide"))
        #expect(result.lines[1].contains("You have no region saved"))
        #expect(result.lines[2] == "[dm:alice] Usage: !region CODE|clear — one code, e.g. !region GB")
        #expect(result.lines[3] == "[dm:alice] I don't know the command !frobnicate. Type !help for the list.")
    }

    @Test func hostileInputNeverCrashes() async throws {
        let peer = PeerBotProcess()
        var input = Data()
        input.append(Data(("alice: " + String(repeating: "x", count: 100_000) + "\n").utf8))
        input.append(Data(("alice: !resources " + String(repeating: "y", count: 100_000) + "\n").utf8))
        input.append(Data("alice: caf".utf8) + Data([0xC3, 0x28, 0xFF]) + Data("\n".utf8))
        input.append(Data("alice: !resources\u{07} crisis\u{0} US \u{1B}[2J\n".utf8))
        input.append(Data("alice@dm: !help\r\n".utf8))
        let result = try await peer.run(["console", "--config", try peer.writeConfig()], input: input)
        #expect(result.status == 0)
        #expect(result.lines[0].contains("That command is too long for me to read"))
        #expect(result.lines[1] == "[console] line 3 is not valid UTF-8; skipped")
        #expect(result.lines[2] == "[#general] Help lines for crisis in US:")
        #expect(result.stdout.contains("[dm:alice] I'm PeerBot"))
        #expect(!result.stdout.contains("\u{1B}"))
    }

    @Test func regionIsRememberedAcrossRuns() async throws {
        let peer = PeerBotProcess()
        let config = try peer.writeConfig()
        let first = try await peer.console("bob@dm: !region uk\n", config: config)
        #expect(first.lines == ["[dm:bob] Saved: your region for help lines is GB."])
        let second = try await peer.console("bob: !resources suicidal\n", config: config)
        #expect(second.lines.first == "[#general] Help lines for suicide in GB:")
        #expect(second.stdout.contains("Samaritans — call 116 123"))
    }

    @Test func advanceNeedsAVirtualClock() async throws {
        let peer = PeerBotProcess()
        let config = try peer.writeConfig()
        let real = try await peer.console(":advance 10m\n", config: config)
        #expect(real.lines.first?.contains(":advance needs a virtual clock") == true)
        let virtual = try await peer.console(":advance 10m\nalice: !help\n", config: config, virtualClock: "2026-03-28T19:00:00Z")
        #expect(virtual.lines.first?.hasPrefix("[dm:alice]") == true)
        let bad = try await peer.run(["console", "--config", config, "--virtual-clock", "yesterday"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("expected an ISO 8601 instant"))
    }

    /// Every spelling of one instant starts the clock at that instant (the schedule's first
    /// check-in says which day it falls on); impossible dates and times are refused.
    @Test func virtualClockSpellingsOfOneInstantAgree() async throws {
        let peer = PeerBotProcess()
        let config = try peer.writeConfig()
        let spellings = [
            "2026-03-28T19:59:00Z", "2026-03-28T20:59:00+01:00", "2026-03-28T15:29:00-0430",
            "2026-03-28T19:59:00.250", "2026-03-28T19:59:00", " 2026-03-28T19:59:00Z ",
        ]
        for spelling in spellings {
            let result = try await peer.console("alice@dm: !checkin daily 20:00\n", config: config, virtualClock: spelling)
            #expect(result.status == 0, "\(spelling)")
            #expect(result.stdout.contains("The first one: Sat 28 Mar 20:00"), "\(spelling): \(result.stdout)")
            _ = try await peer.console("alice@dm: !checkin off\n", config: config, virtualClock: spelling)
        }
        let later = try await peer.console("bob@dm: !checkin daily 20:00\n", config: config, virtualClock: "2026-03-28T21:01:00+01:00")
        #expect(later.stdout.contains("The first one: Sun 29 Mar 20:00"), "\(later.stdout)")
        for impossible in ["2026-02-30T19:00:00Z", "2026-03-28T24:00:00Z", "2026-13-01T00:00:00Z", "2026-03-28T19:00:00+25:00", "2026-03-28"] {
            let refused = try await peer.run(["console", "--config", config, "--virtual-clock", impossible])
            #expect(refused.status != 0, "\(impossible)")
            #expect(refused.stderr.contains("expected an ISO 8601 instant"), "\(impossible)")
        }
    }

    @Test func versionAndHelp() async throws {
        let peer = PeerBotProcess()
        let version = try await peer.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("peerbot "))
        for subcommand in ["run", "console", "check-config", "resources"] {
            let help = try await peer.run([subcommand, "--help"])
            #expect(help.status == 0, "\(subcommand) --help")
            #expect(help.stdout.contains("USAGE"), "\(subcommand) --help")
        }
    }
}
