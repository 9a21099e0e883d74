import Foundation

/// Reads what everyone saw after a soak run and lists every command not
/// answered exactly once (with the right answer) and every escalation not
/// paged, acknowledged and closed exactly once.
struct SoakVerdict: Sendable, CustomStringConvertible {
    /// One member's view: its script and what its client saw.
    struct MemberView: Sendable {
        var number: Int
        var userID: String
        var direct: String
        var script: [SoakCommand]
        var seen: MatrixTestClient.Seen
    }

    var missing: [String] = []
    var duplicated: [String] = []
    var wrong: [String] = []
    var escalations: [String] = []
    var unexpected: [String] = []
    /// Commands answered exactly once, all members.
    var answeredOnce = 0
    /// Tickets paged once, taken once and closed once.
    var ticketsComplete = 0
    /// Milliseconds from each command to its answer, by the homeserver's clock (`origin_server_ts`).
    var answerDelays: [Int] = []

    var problems: [String] { missing + duplicated + wrong + escalations + unexpected }

    init(members: [MemberView], facilitators: MatrixTestClient.Seen, facilitatorsRoom: String, general: String, botUserID: String) {
        var confirmedBy: [Int: [Int]] = [:]
        var memberTickets: [Int: (acknowledged: Int, closed: Int)] = [:]
        for member in members {
            let tickets = check(member, botUserID: botUserID)
            for (ticket, counts) in tickets.counts {
                confirmedBy[ticket, default: []] += Array(repeating: member.number, count: counts.confirmation)
                memberTickets[ticket] = (counts.acknowledged, counts.closed)
            }
            let requested = member.script.filter(\.isEscalation).count
            let confirmed = tickets.counts.values.map(\.confirmation).reduce(0, +)
            if confirmed != requested {
                escalations.append("member \(member.number) asked for a facilitator \(requested) time(s) and got \(confirmed) confirmation(s)")
            }
        }
        let expectedTickets = members.map { $0.script.filter(\.isEscalation).count }.reduce(0, +)
        var pages: [Int: (paged: Int, repaged: Int, taken: Int, resolved: Int)] = [:]
        for message in facilitators.messages(in: facilitatorsRoom, from: botUserID) {
            switch SoakMessage(message.body) {
            case .page(let ticket): pages[ticket, default: (0, 0, 0, 0)].paged += 1
            case .repage(let ticket): pages[ticket, default: (0, 0, 0, 0)].repaged += 1
            case .taken(let ticket): pages[ticket, default: (0, 0, 0, 0)].taken += 1
            case .resolved(let ticket): pages[ticket, default: (0, 0, 0, 0)].resolved += 1
            default: unexpected.append("facilitators' room: an unexpected message from PeerBot: \(message.body.prefix(120))")
            }
        }
        let numbers = Set(pages.keys).union(confirmedBy.keys).union(expectedTickets > 0 ? Set(1...expectedTickets) : [])
        for ticket in numbers.sorted() {
            let page = pages[ticket] ?? (0, 0, 0, 0)
            let members = confirmedBy[ticket] ?? []
            let told = memberTickets[ticket] ?? (0, 0)
            var wrongs: [String] = []
            if page.paged != 1 { wrongs.append("paged \(page.paged)×") }
            if page.repaged != 0 { wrongs.append("re-paged \(page.repaged)×") }
            if page.taken != 1 { wrongs.append("acknowledged \(page.taken)×") }
            if page.resolved != 1 { wrongs.append("resolved \(page.resolved)×") }
            if members.count != 1 { wrongs.append("confirmed to \(members.count) member(s)") }
            if told.acknowledged != 1 { wrongs.append("member told of the acknowledgement \(told.acknowledged)×") }
            if told.closed != 1 { wrongs.append("member told it closed \(told.closed)×") }
            if wrongs.isEmpty {
                ticketsComplete += 1
            } else {
                escalations.append("ticket #\(ticket): " + wrongs.joined(separator: ", "))
            }
        }
        for message in members.first?.seen.messages(in: general, from: botUserID) ?? [] {
            unexpected.append("general room: PeerBot posted publicly: \(message.body.prefix(120))")
        }
    }

    /// Counts per ticket in one member's direct room.
    private struct TicketCounts {
        var counts: [Int: (confirmation: Int, acknowledged: Int, closed: Int)] = [:]
    }

    /// Pairs each command in the member's direct room with PeerBot's answers up to the next command.
    private mutating func check(_ member: MemberView, botUserID: String) -> TicketCounts {
        let commands = member.script.enumerated().filter { !$0.element.isEscalation }
        var answers = Array(repeating: [String](), count: commands.count)
        var sentAt = Array(repeating: 0, count: commands.count)
        var answeredAt = Array(repeating: 0, count: commands.count)
        var tickets = TicketCounts()
        var current: Int?
        var typed = 0
        for event in member.seen.timelines[member.direct] ?? [] where event["type"]?.string == "m.room.message" {
            let sender = event["sender"]?.string
            if sender == member.userID {
                guard typed < commands.count, event.body == commands[typed].element.text else {
                    unexpected.append("member \(member.number): an unexpected message of theirs in the direct room: \(event.body.prefix(60))")
                    continue
                }
                current = typed
                sentAt[typed] = event["origin_server_ts"]?.integer ?? 0
                typed += 1
            } else if sender == botUserID {
                switch SoakMessage(event.body) {
                case .answer:
                    if let current {
                        answers[current].append(event.body)
                        answeredAt[current] = event["origin_server_ts"]?.integer ?? 0
                    } else {
                        unexpected.append("member \(member.number): PeerBot spoke before any command: \(event.body.prefix(80))")
                    }
                case .confirmation(let ticket): tickets.counts[ticket, default: (0, 0, 0)].confirmation += 1
                case .acknowledged(let ticket): tickets.counts[ticket, default: (0, 0, 0)].acknowledged += 1
                case .closed(let ticket): tickets.counts[ticket, default: (0, 0, 0)].closed += 1
                case .otherAboutRequest(let ticket):
                    escalations.append("member \(member.number), request #\(ticket): an unexpected message: \(event.body.prefix(100))")
                default:
                    unexpected.append("member \(member.number): PeerBot posted a facilitators' message in a direct room: \(event.body.prefix(80))")
                }
            }
        }
        if typed < commands.count {
            missing.append("member \(member.number): only \(typed) of \(commands.count) commands reached the direct room")
        }
        for (slot, (index, command)) in commands.enumerated() {
            let label = "member \(member.number) command \(index) \"\(command.text)\""
            switch answers[slot].count {
            case 0: if slot < typed { missing.append(label) }
            case 1:
                if command.accepts(answers[slot][0]) {
                    answeredOnce += 1
                    answerDelays.append(answeredAt[slot] - sentAt[slot])
                } else {
                    wrong.append("\(label) got: \(answers[slot][0].prefix(100))")
                }
            default:
                duplicated.append("\(label) answered \(answers[slot].count)×: " + answers[slot].map { "\"\($0.prefix(60))\"" }.joined(separator: " / "))
            }
        }
        answeredOnce += tickets.counts.values.filter { $0.confirmation == 1 }.count
        return tickets
    }

    /// The answer delay at `quantile` (0…1) in milliseconds, or nil without answers.
    func answerDelay(at quantile: Double) -> Int? {
        guard !answerDelays.isEmpty else { return nil }
        let sorted = answerDelays.sorted()
        return sorted[min(sorted.count - 1, Int(Double(sorted.count) * quantile))]
    }

    /// The report: counts, then every problem.
    var description: String {
        let delays = [0.5, 0.95, 1].map { answerDelay(at: $0).map { "\($0) ms" } ?? "?" }
        var lines = [
            "answered exactly once: \(answeredOnce); escalations complete: \(ticketsComplete); "
                + "command → answer (homeserver clock): median \(delays[0]), p95 \(delays[1]), max \(delays[2])"
        ]
        for (title, list) in [
            ("missing answers", missing), ("duplicated answers", duplicated), ("wrong answers", wrong), ("escalation problems", escalations),
            ("unexpected messages", unexpected),
        ] where !list.isEmpty {
            lines.append("\(title) (\(list.count)):")
            lines += list.prefix(50).map { "  - \($0)" }
            if list.count > 50 { lines.append("  … and \(list.count - 50) more") }
        }
        return lines.joined(separator: "\n")
    }
}
