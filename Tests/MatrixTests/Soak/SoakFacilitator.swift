import Foundation

/// A facilitator of the soak: watches the facilitators' room, takes the
/// tickets numbered `number` modulo `count` (alternately with ✅ on the page
/// and with `!ack N`), and resolves each once PeerBot says they have it.
struct SoakFacilitator: Sendable {
    let number: Int
    let count: Int
    let client: MatrixTestClient
    let room: String
    let botUserID: String
    let answerTimeout: TimeInterval

    /// Works until every ticket of its share of `tickets` is resolved, or
    /// until `stopBy` (set once the members are done) passes; returns what did not happen.
    func run(tickets: Int, stopBy: Locked<Date?>) async -> [String] {
        let mine = Set((0...tickets).filter { $0 > 0 && $0 % count == number })
        var taking: Set<Int> = [], resolving: Set<Int> = []
        var problems: [String] = []
        while true {
            let messages = await client.seen.messages(in: room, from: botUserID)
            var resolved: Set<Int> = []
            for message in messages {
                switch SoakMessage(message.body) {
                case .page(let ticket) where mine.contains(ticket) && !taking.contains(ticket):
                    taking.insert(ticket)
                    let sent: String?
                    if (ticket / count).isMultiple(of: 2), let page = message.eventID {
                        sent = await Persistently.run(for: answerTimeout) {
                            try await client.react(to: page, with: "✅", in: room, transactionID: "soak-ack-\(ticket)")
                        }
                    } else {
                        sent = await Persistently.run(for: answerTimeout) {
                            try await client.send("!ack \(ticket)", to: room, transactionID: "soak-ack-\(ticket)")
                        }
                    }
                    if sent == nil { problems.append("facilitator \(number): could not acknowledge ticket #\(ticket)") }
                case .taken(let ticket) where mine.contains(ticket) && !resolving.contains(ticket) && message.body.contains(client.userID):
                    resolving.insert(ticket)
                    let sent = await Persistently.run(for: answerTimeout) {
                        try await client.send("!resolve \(ticket)", to: room, transactionID: "soak-resolve-\(ticket)")
                    }
                    if sent == nil { problems.append("facilitator \(number): could not resolve ticket #\(ticket)") }
                case .resolved(let ticket):
                    resolved.insert(ticket)
                default:
                    break
                }
            }
            if mine.isSubset(of: resolved) { return problems }
            if let stop = stopBy.value, Date() > stop {
                problems.append("facilitator \(number): tickets \(mine.subtracting(resolved).sorted()) never reached resolved")
                return problems
            }
            do {
                try await client.sync(timeout: 2000)
            } catch {
                try? await Task.sleep(for: .milliseconds(500))
            }
        }
    }
}
