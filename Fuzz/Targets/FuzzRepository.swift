import Foundation

/// The repository this file is in (for the shipped configuration and crisis lists).
enum FuzzRepository {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
