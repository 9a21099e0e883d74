extension CrisisMatcher {
    /// Texts at least this long are scanned as four interleaved streams.
    static let interleaveThreshold = 512

    /// Scans long text as four streams advanced side by side. A single automaton
    /// is bound by the latency of one table lookup per byte; four independent
    /// lookups per step overlap in the processor, so long texts scan several
    /// times faster. Each stream starts at a word boundary (an ASCII byte, where
    /// every phrase starts and no character is cut) and runs on past the next
    /// stream's start until the two are provably in the same state, so a phrase
    /// across a split is never missed. Where all four are on ASCII bytes they
    /// step together; otherwise each reads its next character on its own.
    func scanInterleaved(_ bytes: UnsafeBufferPointer<UInt8>) -> TypedScan {
        let count = bytes.count
        return transitions.withUnsafeBufferPointer { table in
            classOf.withUnsafeBufferPointer { classes in
                // Split points at quarters of the text, moved forward to a boundary byte.
                func boundary(after position: Int) -> Int {
                    var index = position
                    while index < count, classes[Int(bytes[index])] != Self.boundaryClass { index += 1 }
                    return index
                }
                let s1 = boundary(after: count / 4)
                let s2 = boundary(after: max(s1, count / 2))
                let s3 = boundary(after: max(s2, count * 3 / 4))
                var r0 = Int(startRow), r1 = 0, r2 = 0, r3 = 0
                var i0 = 0, i1 = s1, i2 = s2, i3 = s3

                /// Advances one stream by one character; nil when the text needs normalisation.
                func step(_ row: inout Int, _ index: inout Int) -> Bool? {
                    let byte = bytes[index]
                    if byte < 0x80 {
                        row = Int(table[row &+ Int(classes[Int(byte)])])
                        index &+= 1
                    } else if !readCharacter(bytes, at: &index, row: &row, table: table, classes: classes) {
                        return nil
                    }
                    return row < 0
                }

                while i0 < s1, i1 < s2, i2 < s3, i3 < count {
                    let b0 = bytes[i0], b1 = bytes[i1], b2 = bytes[i2], b3 = bytes[i3]
                    if b0 | b1 | b2 | b3 < 0x80 {
                        let n0 = Int(table[r0 &+ Int(classes[Int(b0)])])
                        let n1 = Int(table[r1 &+ Int(classes[Int(b1)])])
                        let n2 = Int(table[r2 &+ Int(classes[Int(b2)])])
                        let n3 = Int(table[r3 &+ Int(classes[Int(b3)])])
                        if n0 | n1 | n2 | n3 < 0 { return .matched }
                        r0 = n0
                        r1 = n1
                        r2 = n2
                        r3 = n3
                        i0 &+= 1
                        i1 &+= 1
                        i2 &+= 1
                        i3 &+= 1
                    } else {
                        guard let e0 = step(&r0, &i0), let e1 = step(&r1, &i1), let e2 = step(&r2, &i2),
                            let e3 = step(&r3, &i3)
                        else { return .needsNormalization }
                        if e0 || e1 || e2 || e3 { return .matched }
                    }
                }
                // Each stream finishes its own part, then runs on until it agrees with the next stream.
                let streams = [(r0, i0, s1), (r1, i1, s2), (r2, i2, s3), (r3, i3, count)]
                for (row, from, end) in streams {
                    var state = row
                    var index = from
                    while index < count {
                        if index >= end, state == 0 || state == Int(startRow) { break }
                        guard let ended = step(&state, &index) else { return .needsNormalization }
                        if ended { return .matched }
                    }
                    if index == count, table[state &+ Int(Self.boundaryClass)] < 0 { return .matched }
                }
                return .clear
            }
        }
    }
}
