import Foundation
import Testing
@testable import PeerBot

/// Found by fuzzing the configuration loader (Fuzz/Corpus/config/crash-*):
/// TOML lets a dotted key nest one table per dot, and both toml++ and the
/// conversion to `ConfigValue` recurse once per level, so `a.a.a… = 1` with
/// ~10,000 dots crashed with a stack overflow. Such files are now refused with
/// one clear line before the parser sees them.
@Suite struct ConfigNestingTests {
    static func dotted(_ levels: Int) -> String { "a" + String(repeating: ".a", count: levels) + " = 1\n" }

    @Test func aDeeplyDottedKeyIsASyntaxErrorNotACrash() {
        let message = "a key or table header has more than 31 dots (tables nest at most 32 levels deep)"
        #expect(throws: ConfigError.syntax(path: "test.toml", line: 0, column: 0, message: message)) {
            try ConfigDocument.parse(Self.dotted(20_000), path: "test.toml")
        }
        #expect(throws: ConfigError.syntax(path: "test.toml", line: 0, column: 0, message: message)) {
            try ConfigDocument.parse("[" + String(repeating: "t.", count: 500_000) + "t]\nx = 1\n", path: "test.toml")
        }
    }

    @Test func nestingUpToTheLimitStillLoads() throws {
        let document = try ConfigDocument.parse(Self.dotted(30), path: "test.toml")
        var value = ConfigValue.table(document.root)
        var depth = 0
        while case .table(let table) = value, let next = table["a"] {
            value = next
            depth += 1
        }
        #expect(depth == 31)
        #expect(value == .integer(1))
    }

    @Test func deeplyNestedListsAreRefusedByName() {
        let text = "[bot]\nname = " + String(repeating: "[", count: 40) + String(repeating: "]", count: 40) + "\n"
        #expect(
            throws: ConfigError.invalidValue(
                path: "test.toml", key: "bot.name", message: "tables and lists are nested more than 32 levels deep")
        ) {
            try ConfigDocument.parse(text, path: "test.toml")
        }
    }

    @Test func dotsInStringsCommentsAndValuesAreNotKeys() {
        let text = """
            # a comment with many dots ................................................
            [bot]
            name = "Peer.Bot............................................................"
            [agreements]
            text = '''
            multi-line ....................................................... = not a key
            '''
            [scheduler]
            missed_job_grace = 3600
            """
        #expect(ConfigDocument.deepestKey(in: text) == 0)
        #expect((try? ConfigDocument.parse(text, path: "test.toml")) != nil)
        #expect(ConfigDocument.deepestKey(in: "a.b.c = 1.5\n[x.\"y.z\".w]\n") == 2)
    }
}
