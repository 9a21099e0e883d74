/// Finds crisis phrases in text in one pass, linear in the text's length
/// whatever the number of phrases: an Aho–Corasick automaton over UTF-8 bytes,
/// built once at start and compiled to a dense transition table.
///
/// Matching is on whole words of normalised text (`CrisisTextNormalizer`):
/// each phrase is stored between two word boundaries, so `kill` never matches
/// inside `skilled`. Text is scanned as it is — the byte-class table folds
/// case, skips apostrophes and maps punctuation to boundaries, and runs of
/// boundaries collapse by self-loops in the automaton — so the scan touches
/// each byte once and allocates nothing. Characters beyond ASCII that
/// normalisation would leave as they are or turn into a boundary (typographic
/// quotes and dashes, emoji, symbols: `CrisisMatcher+Characters`) are read in
/// the same pass; only text with other characters (letters beyond ASCII,
/// combining marks, compatibility forms) is normalised first (NFKC, case
/// folding) and scanned again.
public struct CrisisMatcher: Sendable {
    /// The phrases, as given.
    public let phrases: [String]
    /// Byte → input class (boundary, other word byte, skipped, or a byte some phrase uses).
    let classOf: [UInt16]
    let classCount: Int
    /// `transitions[row + class]` is the next state's row (state × classCount),
    /// bitwise-negated when that state ends a phrase.
    let transitions: [Int32]
    /// Phrase indexes ending at each state (by state number).
    private let outputs: [[Int32]]
    /// The row after the virtual boundary before the text (the state "one boundary seen").
    let startRow: Int32

    static let boundaryClass: UInt16 = 0
    private static let otherWordClass: UInt16 = 1
    static let skippedClass: UInt16 = 2

    /// Builds the automaton. Phrases that normalise to nothing are ignored.
    public init(phrases: [String]) {
        self.phrases = phrases
        var patterns: [(bytes: [UInt8], index: Int32)] = []
        for (index, phrase) in phrases.enumerated() {
            let words = Self.collapsed(CrisisTextNormalizer.normalizedBytes(phrase))
            guard !words.isEmpty else { continue }
            patterns.append(([CrisisTextNormalizer.space] + words + [CrisisTextNormalizer.space], Int32(index)))
        }

        // Input classes: one per byte some phrase uses; the rest fall into three shared classes.
        var classes = [UInt16](repeating: 0, count: 256)
        var used = Set<UInt8>()
        for pattern in patterns { used.formUnion(pattern.bytes) }
        used.remove(CrisisTextNormalizer.space)
        var next: UInt16 = 3
        for byte in used.sorted() {
            classes[Int(byte)] = next
            next += 1
        }
        for value in 0...255 {
            let byte = UInt8(value)
            if used.contains(byte) { continue }
            switch byte {
            case UInt8(ascii: "'"), UInt8(ascii: "`"):
                classes[value] = Self.skippedClass
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                let lower = byte + 32
                classes[value] = used.contains(lower) ? classes[Int(lower)] : Self.otherWordClass
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), 0x80...0xFF:
                classes[value] = Self.otherWordClass
            default:
                classes[value] = Self.boundaryClass
            }
        }
        let width = Int(next)
        classOf = classes
        classCount = width

        // The trie.
        var goto: [Int32] = Array(repeating: -1, count: width)
        var enteredBy: [UInt16] = [Self.otherWordClass]
        var ends: [[Int32]] = [[]]
        for pattern in patterns {
            var state = 0
            for byte in pattern.bytes {
                let symbol = byte == CrisisTextNormalizer.space ? Self.boundaryClass : classes[Int(byte)]
                let slot = state * width + Int(symbol)
                if goto[slot] < 0 {
                    goto[slot] = Int32(enteredBy.count)
                    goto.append(contentsOf: repeatElement(-1, count: width))
                    enteredBy.append(symbol)
                    ends.append([])
                }
                state = Int(goto[slot])
            }
            ends[state].append(pattern.index)
        }

        // Failure links, breadth first, completing the table into a DFA.
        let stateCount = enteredBy.count
        var failure = [Int](repeating: 0, count: stateCount)
        var queue: [Int] = []
        for symbol in 0..<width {
            let child = goto[symbol]
            if child < 0 {
                goto[symbol] = 0
            } else {
                failure[Int(child)] = 0
                queue.append(Int(child))
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            for symbol in 0..<width {
                let slot = state * width + symbol
                let child = goto[slot]
                let fallback = goto[failure[state] * width + symbol]
                if child < 0 {
                    goto[slot] = fallback
                } else {
                    failure[Int(child)] = Int(fallback)
                    ends[Int(child)] += ends[Int(fallback)]
                    queue.append(Int(child))
                }
            }
        }

        // Skipped bytes (apostrophes) leave the state as it is; a boundary after
        // a boundary does too, so "kill  myself" reads as "kill myself".
        for state in 0..<stateCount {
            goto[state * width + Int(Self.skippedClass)] = Int32(state)
            if enteredBy[state] == Self.boundaryClass {
                goto[state * width + Int(Self.boundaryClass)] = Int32(state)
            }
        }

        // Rows instead of state numbers, negated where a phrase ends.
        transitions = goto.map { target in
            let row = target * Int32(width)
            return ends[Int(target)].isEmpty ? row : ~row
        }
        outputs = ends
        let first = transitions[Int(Self.boundaryClass)]
        startRow = first < 0 ? ~first : first
    }

    /// True when the text contains any phrase.
    public func matches(_ text: String) -> Bool {
        let outcome =
            text.utf8.withContiguousStorageIfAvailable(scanAsTyped)
            ?? Array(text.utf8).withUnsafeBufferPointer(scanAsTyped)
        switch outcome {
        case .matched: return true
        case .clear: return false
        case .needsNormalization:
            var unused = Set<Int32>()
            return CrisisTextNormalizer.normalizedBytes(text).withUnsafeBufferPointer {
                scan($0, collecting: false, into: &unused)
            }
        }
    }

    /// Scans text as typed: long texts as four interleaved streams, short ones as one.
    private func scanAsTyped(_ bytes: UnsafeBufferPointer<UInt8>) -> TypedScan {
        bytes.count >= Self.interleaveThreshold ? scanInterleaved(bytes) : scanSingle(bytes)
    }

    /// Every phrase the text contains, in list order (for tests and tools; the
    /// bot itself only needs `matches`).
    public func matchedPhrases(in text: String) -> [String] {
        var found = Set<Int32>()
        _ = CrisisTextNormalizer.normalizedBytes(text).withUnsafeBufferPointer {
            scan($0, collecting: true, into: &found)
        }
        return found.sorted().map { phrases[Int($0)] }
    }

    /// Runs the automaton over normalised `bytes` between two virtual
    /// boundaries. Stops at the first match unless `collecting`, which gathers
    /// every phrase found.
    private func scan(_ bytes: UnsafeBufferPointer<UInt8>, collecting: Bool, into found: inout Set<Int32>) -> Bool {
        transitions.withUnsafeBufferPointer { table in
            classOf.withUnsafeBufferPointer { classes in
                var row = Int(startRow)
                var matched = false
                for byte in bytes {
                    let next = Int(table[row &+ Int(classes[Int(byte)])])
                    if next < 0 {
                        row = ~next
                        matched = true
                        guard collecting else { break }
                        found.formUnion(outputs[row / classCount])
                    } else {
                        row = next
                    }
                }
                if !matched || collecting {
                    let last = Int(table[row &+ Int(Self.boundaryClass)])
                    if last < 0 {
                        matched = true
                        if collecting { found.formUnion(outputs[~last / classCount]) }
                    }
                }
                return matched
            }
        }
    }

    /// Runs of spaces as one, without leading or trailing spaces.
    private static func collapsed(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        var pendingSpace = false
        for byte in bytes {
            if byte == CrisisTextNormalizer.space {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(CrisisTextNormalizer.space) }
                pendingSpace = false
                result.append(byte)
            }
        }
        return result
    }
}
