import Foundation
import PeerBot
import Testing
@testable import Adapters

/// `/healthz` and `/metrics` over a real loopback socket.
@Suite struct HealthEndpointTests {
    @Test func healthzReflectsAnAdapterGoingDownAndComingBack() async throws {
        let bed = try await OperationsTestBed()
        let healthy = try await bed.get("/healthz")
        #expect(healthy.status == 200)
        #expect(healthy.headers["content-type"] == "application/json")
        #expect(healthy.body.contains("\"status\":\"ok\""))

        // The Discord connection drops: 503, and the report says which adapter and how.
        bed.adapters[1].setHealth(AdapterHealth(state: .reconnecting, reconnects: 0))
        let down = try await bed.get("/healthz")
        #expect(down.status == 503)
        let report = try JSONSerialization.jsonObject(with: Data(down.body.utf8)) as? [String: Any]
        #expect(report?["status"] as? String == "degraded")
        let adapters = report?["adapters"] as? [[String: Any]] ?? []
        #expect(adapters.map { $0["platform"] as? String } == ["console", "discord"])
        #expect(adapters.map { $0["connected"] as? Bool } == [true, false])
        #expect(adapters.last?["state"] as? String == "reconnecting")

        // It reconnects: 200 again, and the reconnect is counted once.
        bed.adapters[1].setHealth(AdapterHealth(state: .connected, reconnects: 1, rateLimitWaits: 2))
        #expect(try await bed.get("/healthz").status == 200)
        let metrics = try await bed.scrape()
        #expect(metrics.value("peerbot_adapter_reconnects_total", ["platform": "discord"]) == 1)
        #expect(metrics.value("peerbot_rate_limit_waits_total", ["platform": "discord"]) == 2)
        #expect(metrics.value("peerbot_adapter_connected", ["platform": "discord"]) == 1)
        #expect(try await bed.scrape().value("peerbot_adapter_reconnects_total", ["platform": "discord"]) == 1)
    }

    @Test func metricsParseAsPrometheusTextAndCountAPage() async throws {
        let bed = try await OperationsTestBed()
        let empty = try await bed.scrape()
        #expect(empty.value("peerbot_pages_total") == 0)
        #expect(empty.types["peerbot_pages_total"] == "counter")
        #expect(empty.types["peerbot_outbox_depth"] == "gauge")

        await bed.say("alice", "!facilitator rough night")
        let afterPage = try await bed.scrape()
        #expect(afterPage.value("peerbot_pages_total") == 1)
        #expect(afterPage.value("peerbot_repages_total") == 0)
        #expect(afterPage.value("peerbot_events_received_total", ["platform": "console", "kind": "message"]) == 1)
        #expect(afterPage.value("peerbot_actions_delivered_total", ["platform": "console", "action": "page"]) == 1)
        #expect(afterPage.value("peerbot_actions_delivered_total", ["platform": "console", "action": "reply_privately"]) == 1)
        #expect(afterPage.value("peerbot_tickets_open") == 1)
        #expect(afterPage.value("peerbot_pages_unacknowledged") == 1)
        #expect(afterPage.value("peerbot_outbox_depth") == 0)

        // Five minutes without an acknowledgement: tier 2 is a re-page.
        bed.clock.advance(by: 301)
        await bed.bot.runDueJobs()
        await bed.dispatcher.drain()
        #expect(try await bed.scrape().value("peerbot_repages_total") == 1)

        await bed.say("sam", "!ack 1", role: .facilitator, channel: "facilitators")
        let acknowledged = try await bed.scrape()
        #expect(acknowledged.value("peerbot_pages_unacknowledged") == 0)
        #expect(acknowledged.value("peerbot_tickets_open") == 1)
        #expect(acknowledged.value("peerbot_pages_total") == 1)

        await bed.say("bob", "some days I want to die")
        #expect(try await bed.scrape().value("peerbot_crisis_offers_total", ["platform": "console"]) == 1)
        let response = try await bed.get("/metrics")
        #expect(response.headers["content-type"] == "text/plain; version=0.0.4; charset=utf-8")
        #expect(response.body.contains("# HELP peerbot_pages_total First pages of new tickets (tier 1)."))
    }

    @Test func metricsReportWhereTheMemoryIs() async throws {
        let bed = try await OperationsTestBed()
        await bed.say("alice", "!checkin 3")
        let metrics = try await bed.scrape()
        for name in ["process_resident_memory_bytes", "peerbot_heap_in_use_bytes", "peerbot_heap_reserved_bytes", "peerbot_sqlite_memory_bytes"] {
            #expect(metrics.types[name] == "gauge", "\(name)")
        }
        let resident = try #require(metrics.value("process_resident_memory_bytes"))
        let heap = try #require(metrics.value("peerbot_heap_in_use_bytes"))
        let reserved = try #require(metrics.value("peerbot_heap_reserved_bytes"))
        let sqlite = try #require(metrics.value("peerbot_sqlite_memory_bytes"))
        // Other tests run in this process meanwhile, so only plausibility here; the
        // kernel's figure is compared with /proc in ShutdownEndToEndTests, on an idle bot.
        #expect(resident > 1024 * 1024)
        #expect(heap > 0 && heap <= reserved)
        // An open database with its schema read takes SQLite memory; it is part of the heap.
        #expect(sqlite > 64 * 1024 && sqlite < heap)
    }

    @Test func residentMemoryIsReadFromTheStatusFile() {
        let status = "Name:\tpeerbot\nVmPeak:\t  30000 kB\nVmRSS:\t   22716 kB\nRssAnon:\t    2640 kB\n"
        #expect(ProcessMemory.figures(inStatus: status)["VmRSS"] == 22716)
        #expect(ProcessMemory.figures(inStatus: status)["RssAnon"] == 2640)
        #expect(ProcessMemory.figures(inStatus: "Name:\tpeerbot\n")["VmRSS"] == nil)
    }

    @Test func refusedAndRepeatedRequestsPageOnce() async throws {
        let bed = try await OperationsTestBed()
        await bed.say("alice", "!ack 1")
        await bed.say("alice", "!facilitator")
        await bed.say("alice", "!facilitator again")
        #expect(try await bed.scrape().value("peerbot_pages_total") == 1)
    }

    @Test func aStuckOutboxIsUnhealthy() async throws {
        let bed = try await OperationsTestBed()
        // A page for a platform no adapter serves waits in the outbox.
        try bed.store.write { transaction in
            _ = try transaction.enqueue(
                .send(channel: ChannelRef(platform: .matrix, id: "!room:example.org"), text: "page"), lane: .urgent, tag: nil,
                at: bed.clock.now)
        }
        let waiting = try await bed.get("/healthz")
        #expect(waiting.status == 200)
        #expect(waiting.body.contains("\"outbox\":{\"oldest_pending_seconds\":0,\"pending\":1,\"stuck\":false}"))
        bed.clock.advance(by: 601)
        let stuck = try await bed.get("/healthz")
        #expect(stuck.status == 503)
        #expect(stuck.body.contains("\"outbox\":{\"oldest_pending_seconds\":601,\"pending\":1,\"stuck\":true}"))
        #expect(try await bed.scrape().value("peerbot_outbox_oldest_pending_seconds") == 601)
    }

    @Test func aStoppingBotIsUnhealthy() async throws {
        let bed = try await OperationsTestBed()
        bed.runtime.requestStop()
        let stopping = try await bed.get("/healthz")
        #expect(stopping.status == 503)
        #expect(stopping.body.contains("\"status\":\"stopping\""))
    }
}
