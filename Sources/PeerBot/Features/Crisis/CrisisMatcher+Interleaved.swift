extension CrisisMatcher {
    /// Texts at least this long are scanned as four interleaved streams.
    static let interleaveThreshold = 4096

    /// Scans long text as four streams advanced in lockstep. A single automaton
    /// is bound by the latency of one table lookup per byte; four independent
    /// lookups per step overlap in the processor, so long texts scan several
    /// times faster. Each stream starts at a word boundary (where every phrase
    /// starts) and runs on past the next stream's start until the two are
    /// provably in the same state, so a phrase across a split is never missed.
    func scanInterleaved(_ bytes: UnsafeBufferPointer<UInt8>, sawNonASCII: inout Bool) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let count = bytes.count
        return transitions.withUnsafeBufferPointer { table in
            classOf.withUnsafeBufferPointer { classes in
                // Split points at quarters of the text, moved forward to a boundary byte.
                func boundary(after position: Int) -> Int {
                    var index = position
                    while index < count, classes[Int(base[index])] != Self.boundaryClass { index += 1 }
                    return index
                }
                let s0 = 0
                let s1 = boundary(after: count / 4)
                let s2 = boundary(after: max(s1, count / 2))
                let s3 = boundary(after: max(s2, count * 3 / 4))
                let s4 = count
                var r0 = Int(startRow), r1 = 0, r2 = 0, r3 = 0
                var high: UInt8 = 0
                let common = min(s1 - s0, s2 - s1, s3 - s2, s4 - s3)
                var offset = 0
                while offset < common {
                    let b0 = base[s0 &+ offset], b1 = base[s1 &+ offset], b2 = base[s2 &+ offset], b3 = base[s3 &+ offset]
                    high |= b0 | b1 | b2 | b3
                    let n0 = Int(table[r0 &+ Int(classes[Int(b0)])])
                    let n1 = Int(table[r1 &+ Int(classes[Int(b1)])])
                    let n2 = Int(table[r2 &+ Int(classes[Int(b2)])])
                    let n3 = Int(table[r3 &+ Int(classes[Int(b3)])])
                    if n0 | n1 | n2 | n3 < 0 { return true }
                    r0 = n0
                    r1 = n1
                    r2 = n2
                    r3 = n3
                    offset &+= 1
                }
                // Each stream finishes its own part, then runs on until it agrees with the next stream.
                let streams = [(r0, s0 + common, s1), (r1, s1 + common, s2), (r2, s2 + common, s3), (r3, s3 + common, s4)]
                for (row, from, to) in streams {
                    var state = row
                    var index = from
                    while index < count {
                        if index >= to, state == 0 || state == Int(startRow) { break }
                        let byte = base[index]
                        high |= byte
                        let next = Int(table[state &+ Int(classes[Int(byte)])])
                        if next < 0 { return true }
                        state = next
                        index &+= 1
                    }
                    if index == count, table[state &+ Int(Self.boundaryClass)] < 0 { return true }
                }
                sawNonASCII = high >= 0x80
                return false
            }
        }
    }
}
