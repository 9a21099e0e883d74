import Logging

/// Makes every Identify wait for its slot in the `IdentifyBudget`, shared by
/// all shards of the process, on the transport clock.
public actor IdentifyGate {
    private var budget: IdentifyBudget
    private let clock: any TransportClock
    private let logger: Logger
    private var warnedLow = false

    public init(budget: IdentifyBudget, clock: any TransportClock, logger: Logger = Logger(label: "peerbot.discord.gateway")) {
        self.budget = budget
        self.clock = clock
        self.logger = logger
    }

    /// Returns when `shardID` may send Identify; true when it had to wait for its slot.
    @discardableResult
    public func waitForTurn(shardID: Int) async throws -> Bool {
        let at = budget.reserve(shardID: shardID, now: clock.now)
        if budget.isLow, !warnedLow {
            warnedLow = true
            logger.warning(
                "few session starts left today; identifies wait for the reset when they run out",
                metadata: ["remaining": "\(budget.remaining)", "total": "\(budget.total)"])
        }
        if at > clock.now {
            logger.info("identify waits for its slot", metadata: ["shard": "\(shardID)", "wait_ms": "\((at - clock.now).milliseconds)"])
            try await clock.sleep(until: at)
            return true
        }
        return false
    }
}
