import Foundation
import Logging
import PeerBot

extension DiscordAdapter {
    /// Fetches `GET /gateway/bot`, plans the shards and runs them until they stop.
    func runShards() async throws {
        let info = try await gatewayBot()
        let plan: ShardPlan
        do {
            plan = try ShardPlan(
                setting: configuration.shards, shardIDs: configuration.shardIDs, recommended: info.shards,
                maxConcurrency: info.sessionStartLimit.maxConcurrency)
        } catch {
            throw DiscordAdapterError.invalidShards(error.description)
        }
        let limit = info.sessionStartLimit
        let gate = IdentifyGate(
            budget: IdentifyBudget(
                total: limit.total, remaining: limit.remaining, resetAfter: .milliseconds(limit.resetAfter),
                maxConcurrency: limit.maxConcurrency, now: clock.now),
            clock: clock, logger: logger)
        guard let gatewayURL = configuration.gatewayURL ?? URL(string: info.url) else {
            throw DiscordAdapterError.invalidShards("Discord returned an unusable gateway URL")
        }
        let shards = plan.shards.map { makeShard($0, gatewayURL: gatewayURL, gate: gate) }
        let stopped = state.withLock { state -> Bool in
            state.shards = shards
            return state.stopped
        }
        if stopped { return }
        await inbound.pruneSeenEvents()
        logger.notice(
            "Discord gateway starting",
            metadata: ["shards": "\(plan.shards.map(\.id))", "shard_count": "\(plan.shardCount)", "intents": "\(configuration.intents.names.joined(separator: ","))"])
        let start = clock.now
        let clock = self.clock
        try await withThrowingTaskGroup(of: Void.self) { group in
            for shard in shards {
                let delay = plan.startDelay(of: shard.shard)
                group.addTask {
                    if delay > .zero { try await clock.sleep(until: start + delay) }
                    try await shard.run()
                }
            }
            do {
                try await group.waitForAll()
            } catch {
                for shard in shards { shard.stop() }
                throw error
            }
        }
    }

    /// `GET /gateway/bot`, retried with backoff while the network fails; a rejected token is fatal.
    func gatewayBot() async throws -> GatewayBotInfo {
        var attempt = 0
        let backoff = ExponentialBackoff(base: 1, cap: 60)
        while true {
            try Task.checkCancellation()
            do {
                return try await rest.send(.getGatewayBot(), priority: .urgent, as: GatewayBotInfo.self)
            } catch .unauthorized {
                throw DiscordAdapterError.unauthorized
            } catch {
                let delay = backoff.delay(attempt: attempt)
                logger.warning("cannot reach Discord; retrying", metadata: ["error": "\(error)", "retry_in_s": "\(Int(delay.rounded(.up)))"])
                try await Task.sleep(for: .milliseconds(Int(delay * 1000)))
                attempt += 1
            }
        }
    }

    func makeShard(_ shard: ShardID, gatewayURL: URL, gate: IdentifyGate) -> GatewayShard {
        let cursor = "discord.gateway.\(shard.id).\(shard.count)"
        let snapshot: GatewaySessionSnapshot? = (try? store.read { try $0.cursor(cursor) })
            .flatMap { $0 }
            .flatMap { try? JSONDecoder().decode(GatewaySessionSnapshot.self, from: Data($0.utf8)) }
        let connection = self.connection
        let hooks = GatewayShard.Hooks(
            dispatch: { [weak self] frame in await self?.handleDispatch(frame) },
            persist: { [weak self] snapshot in self?.persist(snapshot, cursor: cursor) },
            readiness: { ready in ready ? connection.up(shard.id) : connection.down(shard.id) },
            rateLimitWait: { connection.waitedForRateLimit() })
        return GatewayShard(
            shard: shard, gatewayURL: gatewayURL, token: configuration.token, intents: configuration.intents, client: webSocketClient,
            identifyGate: gate, restoring: snapshot, settings: sessionSettings, clock: clock, hooks: hooks, logger: logger)
    }

    func persist(_ snapshot: GatewaySessionSnapshot?, cursor: String) {
        let value = snapshot.flatMap { try? JSONEncoder().encode($0) }.map { String(decoding: $0, as: UTF8.self) }
        do {
            try store.write { try $0.setCursor(cursor, to: value) }
        } catch {
            logger.warning("cannot save the gateway session", metadata: ["error": "\(error)"])
        }
    }

    /// One dispatch from any shard: translate, register interactions, hand the event to the core.
    func handleDispatch(_ frame: GatewayFrame) async {
        let translation = await inbound.translate(frame)
        if frame.name == "READY" { registerCommandsOnce() }
        guard let event = translation.event else { return }
        if let interaction = translation.interaction { await responder.register(interaction) }
        if case .message(let message) = event, message.channel.isDirect, !message.authorIsBot {
            await dmChannels.remember(userID: message.author.id, channelID: message.channel.id)
        }
        continuation.yield(event)
    }

    /// Registers the slash commands once per run, at the first READY (which names the application).
    func registerCommandsOnce() {
        let first = state.withLock { state -> Bool in
            defer { state.commandsRegistered = true }
            return !state.commandsRegistered
        }
        guard first, configuration.slashCommands != .off else { return }
        Task { await registerCommands() }
    }

    func registerCommands() async {
        guard let applicationID = await inbound.applicationID else {
            logger.warning("slash commands not registered: the application id is unknown (set discord.application_id)")
            return
        }
        let guilds: [String?]
        switch configuration.slashCommands {
        case .off: return
        case .global: guilds = [nil]
        case .guilds(let ids): guilds = ids
        }
        for guild in guilds {
            let request = DiscordRequest.bulkOverwriteCommands(applicationID: applicationID, guildID: guild, commands: slashCommands.definitions)
            do {
                try await rest.send(request)
                logger.info("slash commands registered", metadata: ["count": "\(slashCommands.definitions.count)", "scope": "\(guild ?? "global")"])
            } catch {
                logger.warning(
                    "slash commands not registered; text commands still work",
                    metadata: ["scope": "\(guild ?? "global")", "error": "\(error)"])
            }
        }
    }
}
