import Foundation
import Synchronization

/// Messages in channels with periodic reminders, counted in memory between
/// flushes (`Feature.flush`), and when each channel is next looked at.
///
/// Counting in the store would make every message in such a channel a write
/// to disk; a reminder only needs the count when its look runs, and the bot
/// flushes right before it runs due jobs. A crash loses at most a second of
/// counts: a reminder may then come a few messages late.
final class ChannelMessageCounts: Sendable {
    private struct State {
        var unsaved: [String: Int] = [:]
        /// The next look of each channel as last seen in the store by this process.
        var nextLook: [String: Date] = [:]
    }

    private let state = Mutex(State())

    /// Counts a message in memory when the channel's next look is known and
    /// not overdue (at or after `staleBefore`). Returns false, counting
    /// nothing, when the caller must count it in the store and schedule a look.
    func countIfLookScheduled(_ channelKey: String, staleBefore: Date) -> Bool {
        state.withLock { state in
            guard let next = state.nextLook[channelKey], next >= staleBefore else { return false }
            state.unsaved[channelKey, default: 0] += 1
            return true
        }
    }

    /// Remembers when the channel is next looked at; nil when no look is scheduled.
    func noteNextLook(_ channelKey: String, at next: Date?) {
        state.withLock { $0.nextLook[channelKey] = next }
    }

    /// The counts not yet in the store for one channel, now the caller's to save.
    func takeUnsaved(_ channelKey: String) -> Int {
        state.withLock { $0.unsaved.removeValue(forKey: channelKey) ?? 0 }
    }

    /// Every count not yet in the store, now the caller's to save.
    func takeUnsaved() -> [String: Int] {
        state.withLock { state in
            guard !state.unsaved.isEmpty else { return [:] }
            defer { state.unsaved.removeAll() }
            return state.unsaved
        }
    }
}
