import Foundation
import LoopbackPeers
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A peer that outlives a test must not hold descriptors the test process
/// opened meanwhile: when it held the write end of a console test's stdin
/// pipe, `peerbot console` never saw end of input and `make test` hung.
@Suite struct LoopbackPeerDescriptorTests {
    @Test func aPeerDoesNotInheritThePipesOfTheTestProcess() async throws {
        var ends: [Int32] = [0, 0]
        // Foundation's Pipe opens its descriptors like this: without FD_CLOEXEC.
        #expect(pipe(&ends) == 0)
        defer { close(ends[0]); close(ends[1]) }
        var status = stat()
        #expect(fstat(ends[1], &status) == 0)
        let ourPipe = "pipe:[\(status.st_ino)]"

        try await withPeer(.http) { peer in
            // The peer's own descriptor table, not end of file on our side: any
            // other child this test process starts meanwhile is not the peer.
            let pid = try #require(peer.processIdentifier)
            let table = "/proc/\(pid)/fd"
            let held = try FileManager.default.contentsOfDirectory(atPath: table).compactMap { name in
                try? FileManager.default.destinationOfSymbolicLink(atPath: "\(table)/\(name)")
            }
            #expect(held.contains { $0.hasPrefix("pipe:[") }, "the peer's stdin and stdout are pipes: the table was read")
            #expect(!held.contains(ourPipe), "the peer holds the test's pipe")
        }
    }
}
