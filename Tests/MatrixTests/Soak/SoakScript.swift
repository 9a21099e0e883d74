/// The commands one soak member types: a fixed, seeded mix of what members do
/// (check-ins, help lines, region, boundaries, help), with `!facilitator`
/// requests spread evenly through it.
enum SoakScript {
    static let regions = ["US", "GB", "CA", "AU", "DE", "IE", "NZ", "FR"]
    static let notes = ["", " tired but ok", " slept badly", " good walk today"]

    /// `count` commands for member `index`; `others` are user ids whose boundaries it reads.
    static func make(member index: Int, count: Int, escalations: Int, others: [String]) -> [SoakCommand] {
        var random = SeededRandom(seed: UInt64(index) &* 0x9E37_79B9_7F4A_7C15 &+ 1)
        var commands = (0..<count).map { _ in ordinary(&random, others: others) }
        if escalations > 0 {
            let spacing = count / (escalations + 1)
            for number in 1...escalations where number * spacing < count {
                let note = number.isMultiple(of: 2) ? " rough night, could someone check in" : ""
                commands[number * spacing] = SoakCommand(text: "!facilitator\(note)", place: .general, expected: ["I've paged"])
            }
        }
        return commands
    }

    private static func ordinary(_ random: inout SeededRandom, others: [String]) -> SoakCommand {
        let region = regions[random.next(regions.count)]
        switch random.next(100) {
        case 0..<30:
            let score = 2 + random.next(4)
            return SoakCommand(text: "!checkin \(score)\(notes[random.next(notes.count)])", place: .direct, expected: ["\(score)/5"])
        case 30..<35:
            return SoakCommand(text: "!checkin history", place: .direct, expected: ["check-in"])
        case 35..<42:
            return SoakCommand(text: "!resources", place: .direct, expected: [":"])
        case 42..<55:
            return SoakCommand(text: "!resources crisis \(region)", place: .direct, expected: [region, "international"])
        case 55..<62:
            return SoakCommand(text: "!region \(region)", place: .direct, expected: ["region for help lines is \(region)"])
        case 62..<67:
            return SoakCommand(text: "!region", place: .direct, expected: ["region"])
        case 67..<75:
            return SoakCommand(
                text: "!boundary set listening only, please no advice", place: .direct, expected: ["Saved. Others can read it"])
        case 75..<80:
            return SoakCommand(text: "!boundary", place: .direct, expected: ["Your boundary", "You haven't shared a boundary"])
        case 80..<88:
            let other = others.isEmpty ? "nobody" : others[random.next(others.count)]
            return SoakCommand(text: "!boundary \(other)", place: .direct, expected: ["boundary"])
        default:
            return SoakCommand(text: "!help", place: .direct, expected: ["Commands you can use"])
        }
    }
}
