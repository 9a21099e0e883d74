import Foundation
import Logging
import PeerBot
import Synchronization

/// SIGTERM and SIGINT. The first asks the runtime to stop gracefully (stop
/// taking events, deliver the outbox within the flush deadline, close the
/// adapters, exit 0); a second one while that runs ends the process at once
/// with status 1.
struct ShutdownSignals {
    /// How many signals arrived; shared by the handlers.
    private final class Counter: Sendable {
        let value = Atomic<Int>(0)
    }

    private let sources: [any DispatchSourceSignal]

    init(runtime: BotRuntime, logger: Logger) {
        var sources: [any DispatchSourceSignal] = []
        let received = Counter()
        for (number, name) in [(SIGTERM, "SIGTERM"), (SIGINT, "SIGINT")] {
            // Ignore the default action (terminate) first; the dispatch source still sees the signal.
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                let count = received.value.add(1, ordering: .relaxed).newValue
                if count == 1 {
                    logger.notice("shutting down", metadata: ["signal": "\(name)"])
                    runtime.requestStop()
                } else {
                    logger.warning("second signal during shutdown; exiting now", metadata: ["signal": "\(name)"])
                    exit(1)
                }
            }
            source.resume()
            sources.append(source)
        }
        self.sources = sources
    }
}
