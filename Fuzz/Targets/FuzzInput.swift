import Foundation

/// How the targets cut their input.
enum FuzzInput {
    /// At most this many frames are read from one input, so one input stays cheap.
    static let maximumFrames = 64

    /// The non-empty lines of `data` (a frame per line: WebSocket text frames never need a raw newline).
    static func lines(_ data: Data) -> [Data] {
        data.split(separator: UInt8(ascii: "\n"), maxSplits: maximumFrames - 1, omittingEmptySubsequences: true).map { Data($0) }
    }

    /// The bytes as text the way a transport hands text over: invalid UTF-8 becomes U+FFFD.
    static func text(_ data: Data) -> String {
        String(decoding: data, as: UTF8.self)
    }
}
