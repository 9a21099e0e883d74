import Foundation
import LoopbackPeers
import Testing

/// `peerbot console` never maps libcurl or libwebsockets (nor the ~30 libraries
/// they pull in): CTransportLoader loads them on the transport's first call,
/// which only a platform adapter makes (README "Performance": idle RSS).
@Suite struct ConsoleLibraryLoadingTests {
    @Test func aRunningConsoleHasNotLoadedTheNetworkLibraries() async throws {
        let peer = PeerBotProcess()
        let config = try peer.writeConfig()
        let directory = peer.directory
        // Reading the pipe and waiting for the exit block: done on a thread of their own (see `awaitBlocking`).
        let (status, answer, maps) = try await awaitBlocking { () throws -> (Int32, Data, String) in
            let process = Process()
            process.executableURL = PeerBotProcess.executable
            process.arguments = ["console", "--config", config]
            process.currentDirectoryURL = directory
            let stdin = SpawnGate.pipe(), stdout = SpawnGate.pipe()
            process.standardInput = stdin
            process.standardOutput = stdout
            process.standardError = FileHandle.nullDevice
            try SpawnGate.run(process)
            stdin.fileHandleForWriting.write(Data("alice: !help\n".utf8))
            // The console is lockstep: once the answer's first line is out, start-up is over.
            var answer = Data()
            while !answer.contains(UInt8(ascii: "\n")) {
                let chunk = stdout.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                answer += chunk
            }
            let maps = try String(contentsOfFile: "/proc/\(process.processIdentifier)/maps", encoding: .utf8)
            try stdin.fileHandleForWriting.close()
            _ = stdout.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, answer, maps)
        }

        #expect(status == 0)
        #expect(String(decoding: answer, as: UTF8.self).hasPrefix("[dm:alice]"))
        #expect(maps.contains("libc.so"), "the maps list the libraries the bot did load")
        #expect(!maps.contains("libcurl"))
        #expect(!maps.contains("libwebsockets"))
        #expect(!maps.contains("libssl"))
    }
}
