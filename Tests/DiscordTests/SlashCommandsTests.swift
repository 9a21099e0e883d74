import Adapters
import Foundation
import Testing

@Suite struct SlashCommandsTests {
    @Test func usageStringsBecomeOptionsInOrder() {
        let resources = SlashCommands.options(forUsage: "[TOPIC] [REGION]")
        #expect(resources.map(\.name) == ["topic", "region"])
        #expect(resources.map(\.required) == [false, false])
        let ack = SlashCommands.options(forUsage: "N [NOTE]")
        #expect(ack.map(\.name) == ["number", "note"])
        #expect(ack.map(\.required) == [true, false])
        #expect(SlashCommands.options(forUsage: "CODE|clear").map(\.name) == ["code"])
        #expect(SlashCommands.options(forUsage: "").isEmpty)
    }

    @Test func alternativesBecomeOneFreeTextOption() {
        let options = SlashCommands.options(forUsage: "[1-5] [NOTE] | history | daily HH:MM [TZ] | pause DURATION | off")
        #expect(options.count == 1)
        #expect(options[0].name == "arguments")
        #expect(!options[0].required)
        #expect(options[0].description.count <= 100)
    }

    @Test func definitionsMirrorTheTextCommands() {
        let commands = SlashCommands(
            sources: [
                .init(name: "resources", arguments: "[TOPIC] [REGION]", summary: "help lines"),
                .init(name: "Resources", arguments: "", summary: "duplicate"),
                .init(name: "help", arguments: "", summary: String(repeating: "long ", count: 40)),
            ], global: true)
        #expect(commands.definitions.map(\.name) == ["resources", "help"])
        #expect(commands.definitions[1].description.count == 100)
        #expect(commands.definitions[0].contexts == [0, 1])
        #expect(SlashCommands(sources: [.init(name: "x", arguments: "", summary: "y")], global: false).definitions[0].contexts == nil)
    }

    @Test func optionValuesBecomeArgumentsInDeclaredOrder() throws {
        let commands = SlashCommands(sources: [.init(name: "resources", arguments: "[TOPIC] [REGION]", summary: "s")], global: true)
        let options = try JSONDecoder().decode(
            [DiscordCommandOption].self,
            from: Data(#"[{"name":"region","type":3,"value":"US"},{"name":"topic","type":3,"value":"crisis"}]"#.utf8))
        #expect(commands.arguments(command: "resources", options: options) == ["crisis", "US"])
        let free = try JSONDecoder().decode(
            [DiscordCommandOption].self, from: Data(#"[{"name":"arguments","type":3,"value":"daily  09:00 Europe/Berlin"}]"#.utf8))
        #expect(commands.arguments(command: "checkin", options: free) == ["daily", "09:00", "Europe/Berlin"])
        let number = try JSONDecoder().decode([DiscordCommandOption].self, from: Data(#"[{"name":"number","type":4,"value":12}]"#.utf8))
        #expect(commands.arguments(command: "ack", options: number) == ["12"])
    }

    @Test func buttonIdsRoundTripAndOnlyKnownCommandsAreAccepted() {
        #expect(ButtonCommand(customID: "pb:ack:12") == ButtonCommand(name: "ack", argument: "12"))
        #expect(ButtonCommand(customID: "pb:checkin:3")?.customID == "pb:checkin:3")
        #expect(ButtonCommand(customID: "pb:forgetme:1") == nil, "a forged id cannot run other commands")
        #expect(ButtonCommand(customID: "pb:ack:1 2") == nil)
        #expect(ButtonCommand(customID: "other") == nil)
        #expect(ButtonCommand.checkinButtons()[0].components.map(\.label) == ["1", "2", "3", "4", "5"])
        #expect(ButtonCommand.isCheckinQuestion("How are you doing, 1–5 or a few words? Reply to me privately"))
        #expect(!ButtonCommand.isCheckinQuestion("Saved your check-in."))
    }
}
