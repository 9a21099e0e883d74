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
        defer { close(ends[0]) }
        let flags = fcntl(ends[0], F_GETFL)
        #expect(fcntl(ends[0], F_SETFL, flags | O_NONBLOCK) == 0)

        try await withPeer(.http) { _ in
            close(ends[1])
            var byte: UInt8 = 0
            // End of file (0) only if no other process holds the write end; EAGAIN (-1) if the peer inherited it.
            let count = read(ends[0], &byte, 1)
            #expect(count == 0, "the peer holds the test's pipe (errno \(errno))")
        }
    }
}
