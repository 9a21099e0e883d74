import Testing
@testable import PeerBot

@Suite struct CommandParserTests {
    let parser = CommandParser(prefix: "!", maxArguments: 4)

    @Test func readsNameAndArguments() throws {
        let command = try #require(parser.parse("!resources crisis US"))
        #expect(command.name == "resources")
        #expect(command.arguments == ["crisis", "US"])
        #expect(command.argumentText == "crisis US")
    }

    @Test func namesAreCaseInsensitive() throws {
        #expect(parser.parse("!ReSoUrCeS")?.name == "resources")
    }

    @Test func quotesGroupWords() throws {
        let straight = try #require(parser.parse("!boundary set \"listening only, please\" now"))
        #expect(straight.arguments == ["set", "listening only, please", "now"])
        let typographic = try #require(parser.parse("!boundary set “no advice” please"))
        #expect(typographic.arguments == ["set", "no advice", "please"])
    }

    @Test func anUnclosedQuoteRunsToTheEnd() throws {
        #expect(parser.parse("!checkin 3 \"tired today")?.arguments == ["3", "tired today"])
    }

    @Test func apostrophesAreNotQuotes() throws {
        #expect(parser.parse("!checkin 2 I'm tired")?.arguments == ["2", "I'm", "tired"])
    }

    @Test func textThatIsNotACommand() {
        #expect(parser.parse("hello") == nil)
        #expect(parser.parse("!") == nil)
        #expect(parser.parse("! help") == nil)
        #expect(parser.parse("!!!") == nil)
        #expect(parser.parse("!123") == nil)
    }

    @Test func lookAlikeLettersAreNotCommands() {
        // Cyrillic "е" (U+0435) in place of Latin "e".
        #expect(parser.parse("!h\u{0435}lp") == nil)
        #expect(parser.parse("!\u{0430}ck 1") == nil)
    }

    @Test func argumentsAreCapped() {
        #expect(parser.parse("!x a b c d e f g")?.arguments.count == 4)
    }

    @Test func otherPrefixes() {
        let slash = CommandParser(prefix: "?")
        #expect(slash.parse("?help")?.name == "help")
        #expect(slash.parse("!help") == nil)
    }

    @Test func fullWidthExclamationMark() {
        #expect(parser.parse("！help")?.name == "help")
    }
}

@Suite struct TextTests {
    @Test func controlCharactersAreRemoved() {
        #expect(TextSanitizer.clean("a\u{07}b\u{1B}[31mc\td\ne\u{202E}f") == "ab[31mc d\nef")
        #expect(TextSanitizer.clean("plain") == "plain")
    }

    @Test func durations() {
        #expect(DurationText.parse("90s") == 90)
        #expect(DurationText.parse("10m") == 600)
        #expect(DurationText.parse("2h") == 7200)
        #expect(DurationText.parse("3d") == 259_200)
        #expect(DurationText.parse("1h30m") == 5400)
        #expect(DurationText.parse("") == nil)
        #expect(DurationText.parse("ten") == nil)
        #expect(DurationText.parse("5") == nil)
        #expect(DurationText.parse("0m") == nil)
        #expect(DurationText.parse("99999999d") == nil)
        #expect(DurationText.format(6 * 60) == "6m")
        #expect(DurationText.format(3 * 86_400 + 4 * 3600) == "3d 4h")
    }

    @Test func editDistance() {
        #expect(EditDistance.between("suicde", "suicide", limit: 2) == 1)
        #expect(EditDistance.between("ab", "ba", limit: 2) == 1)
        #expect(EditDistance.between("kitten", "sitting", limit: 5) == 3)
        #expect(EditDistance.between("a", "abcdef", limit: 2) == 3)
    }

    @Test func regionCodes() {
        #expect(RegionCode("us")?.rawValue == "US")
        #expect(RegionCode("UK")?.rawValue == "GB")
        #expect(RegionCode("intl") == .international)
        #expect(RegionCode("XX") == nil)
        #expect(RegionCode("USA") == nil)
    }
}
