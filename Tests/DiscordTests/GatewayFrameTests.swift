import Adapters
import Foundation
import PeerBot
import Testing

@Suite struct GatewayFrameTests {
    @Test func framesBecomeSessionInputs() throws {
        #expect(try GatewayFrame(text: #"{"op":10,"d":{"heartbeat_interval":41250},"s":null,"t":null}"#).sessionInput() == .hello(heartbeatInterval: .milliseconds(41_250)))
        #expect(try GatewayFrame(text: #"{"op":11}"#).sessionInput() == .heartbeatAck)
        #expect(try GatewayFrame(text: #"{"op":1,"d":null}"#).sessionInput() == .heartbeatRequested)
        #expect(try GatewayFrame(text: #"{"op":7,"d":null}"#).sessionInput() == .reconnectRequested)
        #expect(try GatewayFrame(text: #"{"op":9,"d":true}"#).sessionInput() == .invalidSession(resumable: true))
        #expect(try GatewayFrame(text: #"{"op":9,"d":false}"#).sessionInput() == .invalidSession(resumable: false))
        #expect(try GatewayFrame(text: Payloads.ready(sessionID: "abc")).sessionInput()
            == .dispatch(sequence: 1, name: "READY", ready: GatewayReadySession(sessionID: "abc", resumeGatewayURL: URL(string: "wss://resume.example")!)))
        #expect(try GatewayFrame(text: #"{"op":99}"#).sessionInput() == nil)
        #expect(throws: (any Error).self) { try GatewayFrame(text: "not json") }
    }

    @Test func outboundPayloadsHaveTheDocumentedShape() throws {
        let identify = try JSONValue.parse(GatewayOutbound.identify(token: "T", intents: .defaults, shard: ShardID(id: 1, count: 2)))
        #expect(identify["op"] == .integer(2))
        #expect(identify["d"]?["token"] == .string("T"))
        #expect(identify["d"]?["intents"] == .integer(Int64(DiscordIntents.defaults.rawValue)))
        #expect(identify["d"]?["shard"] == .array([.integer(1), .integer(2)]))
        #expect(identify["d"]?["properties"]?["os"] == .string("linux"))
        let resume = try JSONValue.parse(GatewayOutbound.resume(token: "T", sessionID: "s", sequence: 5))
        #expect(resume == .object(["op": .integer(6), "d": .object(["token": .string("T"), "session_id": .string("s"), "seq": .integer(5)])]))
        #expect(try JSONValue.parse(GatewayOutbound.heartbeat(sequence: nil)) == .object(["op": .integer(1), "d": .null]))
        #expect(try JSONValue.parse(GatewayOutbound.heartbeat(sequence: 7)) == .object(["op": .integer(1), "d": .integer(7)]))
    }

    @Test func intentsHaveTheDocumentedBits() {
        #expect(DiscordIntents.guilds.rawValue == 1)
        #expect(DiscordIntents.guildMessages.rawValue == 512)
        #expect(DiscordIntents.directMessages.rawValue == 4096)
        #expect(DiscordIntents.messageContent.rawValue == 32768)
        #expect(DiscordIntents.defaults.names == ["GUILDS", "GUILD_MESSAGES", "GUILD_MESSAGE_REACTIONS", "DIRECT_MESSAGES", "MESSAGE_CONTENT"])
        #expect(DiscordIntents.named("guild_members") == .guildMembers)
    }

    @Test func gatewayURLsGetVersionAndEncoding() {
        #expect(GatewayURL.versioned(URL(string: "wss://gateway.discord.gg")!)?.absoluteString == "wss://gateway.discord.gg/?v=10&encoding=json")
        #expect(GatewayURL.versioned(URL(string: "ws://127.0.0.1:5/gw?v=6&x=1")!)?.absoluteString == "ws://127.0.0.1:5/gw?v=10&encoding=json&x=1")
        #expect(GatewayURL.versioned(URL(string: "https://discord.com")!) == nil)
    }
}
