import Foundation

/// One member of the soak: types its script, each command once the previous
/// one was answered (as a person waits for the answer), while the other
/// members do the same. Commands go to the member's direct-message room with
/// PeerBot, `!facilitator` to the shared room.
struct SoakMember: Sendable {
    let number: Int
    let client: MatrixTestClient
    let direct: String
    let general: String
    let botUserID: String
    let script: [SoakCommand]
    let answerTimeout: TimeInterval
    /// Commands answered so far, all members together.
    let progress: Locked<Int>

    /// Types the script; returns what did not come in time (the verdict reads the timelines afterwards).
    func run() async -> [String] {
        var problems: [String] = []
        var escalations = 0
        for (index, command) in script.enumerated() {
            let transaction = "soak-\(number)-\(index)"
            let label = "member \(number) command \(index) (\(command.text))"
            if command.isEscalation {
                // One open request per member: the previous one must be closed first.
                if escalations > 0, await !Persistently.wait(client, for: answerTimeout, until: { closed(in: $0) >= escalations }) {
                    problems.append("\(label): request \(escalations) was not closed within \(Int(answerTimeout)) s")
                }
                guard await Persistently.run(for: answerTimeout, { try await client.send(command.text, to: general, transactionID: transaction) }) != nil
                else {
                    problems.append("\(label): could not be sent")
                    continue
                }
                escalations += 1
                let sent = escalations
                if await !Persistently.wait(client, for: answerTimeout, until: { confirmations(in: $0) >= sent }) {
                    problems.append("\(label): no confirmation within \(Int(answerTimeout)) s")
                }
            } else {
                guard let eventID = await Persistently.run(for: answerTimeout, { try await client.send(command.text, to: direct, transactionID: transaction) })
                else {
                    problems.append("\(label): could not be sent")
                    continue
                }
                if await !Persistently.wait(client, for: answerTimeout, until: { isAnswered(eventID, in: $0) }) {
                    problems.append("\(label): no answer within \(Int(answerTimeout)) s")
                }
            }
            progress.update { $0 += 1 }
        }
        let all = escalations
        if all > 0, await !Persistently.wait(client, for: answerTimeout, until: { closed(in: $0) >= all }) {
            problems.append("member \(number): request \(all) was not closed within \(Int(answerTimeout)) s")
        }
        return problems
    }

    /// PeerBot's messages in the member's direct room, read.
    private func botMessages(in seen: MatrixTestClient.Seen) -> [SoakMessage] {
        seen.messages(in: direct, from: botUserID).map { SoakMessage($0.body) }
    }

    private func confirmations(in seen: MatrixTestClient.Seen) -> Int {
        botMessages(in: seen).filter { if case .confirmation = $0 { true } else { false } }.count
    }

    private func closed(in seen: MatrixTestClient.Seen) -> Int {
        botMessages(in: seen).filter { if case .closed = $0 { true } else { false } }.count
    }

    /// True when an answer from PeerBot follows the command `eventID` in the direct room.
    private func isAnswered(_ eventID: String, in seen: MatrixTestClient.Seen) -> Bool {
        let timeline = seen.timelines[direct] ?? []
        guard let position = timeline.lastIndex(where: { $0.eventID == eventID }) else { return false }
        return timeline[(position + 1)...].contains { event in
            event["type"]?.string == "m.room.message" && event["sender"]?.string == botUserID && SoakMessage(event.body) == .answer
        }
    }
}
