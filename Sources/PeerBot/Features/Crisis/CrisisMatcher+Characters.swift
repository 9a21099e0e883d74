extension CrisisMatcher {
    /// The outcome of scanning text as typed.
    enum TypedScan {
        case matched
        case clear
        /// A character the scan cannot read without normalising the text.
        case needsNormalization
    }

    /// How the scan reads a character beyond ASCII. Each reading gives what
    /// `CrisisTextNormalizer` would make of the character in place, so a text
    /// made of ASCII and such characters needs no normalisation.
    enum CharacterReading: Equatable {
        /// An apostrophe: joins words (`can’t` = `cant`).
        case skipped
        /// Punctuation, a symbol, an emoji, a joiner, a space: separates words.
        case boundary
        /// A variation selector: a mark normalisation keeps, so its own bytes.
        case ownBytes
        /// Anything else (letters and digits beyond ASCII, combining marks,
        /// compatibility forms such as `™` or `①`): normalise the text first.
        case normalize
    }

    static func reading(of scalar: Unicode.Scalar) -> CharacterReading {
        if CrisisTextNormalizer.isApostrophe(scalar) { return .skipped }
        switch scalar.value {
        // Typographic quotes, dashes and the ellipsis, and the no-break space (which NFKC makes a space).
        case 0x201C, 0x201D, 0x201E, 0x2013, 0x2014, 0x2026, 0xA0:
            return .boundary
        // Zero-width (non-)joiners: format characters, kept by NFKC, not word characters.
        case 0x200C, 0x200D:
            return .boundary
        case 0xFE00...0xFE0F, 0xE0100...0xE01EF:
            return .ownBytes
        default:
            // A character NFKC and case folding leave alone, that combines with
            // nothing and is no word character, becomes a boundary there too.
            let properties = scalar.properties
            if properties.changesWhenNFKCCaseFolded || properties.canonicalCombiningClass != .notReordered
                || CrisisTextNormalizer.isWordScalar(scalar)
            {
                return .normalize
            }
            return .boundary
        }
    }

    /// Reads the character (beyond ASCII) that starts at `index`: advances
    /// `row` and `index` past it. Returns false when the text needs
    /// normalisation; `row` comes back negated when a phrase ended.
    @inline(__always)
    func readCharacter(
        _ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int, row: inout Int,
        table: UnsafeBufferPointer<Int32>, classes: UnsafeBufferPointer<UInt16>
    ) -> Bool {
        let lead = bytes[index]
        let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard index + length <= bytes.count else { return false }
        var value = UInt32(lead & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07))
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        guard let scalar = Unicode.Scalar(value) else { return false }
        switch Self.reading(of: scalar) {
        case .skipped:
            break  // the skipped class loops back to the same state
        case .boundary:
            row = Int(table[row &+ Int(Self.boundaryClass)])
        case .ownBytes:
            for offset in 0..<length {
                let next = Int(table[row &+ Int(classes[Int(bytes[index + offset])])])
                row = next
                if next < 0 { break }
            }
        case .normalize:
            return false
        }
        index += length
        return true
    }

    /// One stream over the whole text (short texts).
    func scanSingle(_ bytes: UnsafeBufferPointer<UInt8>) -> TypedScan {
        transitions.withUnsafeBufferPointer { table in
            classOf.withUnsafeBufferPointer { classes in
                var row = Int(startRow)
                var index = 0
                let count = bytes.count
                while index < count {
                    // A tight loop over ASCII, the common case; a character beyond ASCII leaves it.
                    var byte = bytes[index]
                    while byte < 0x80 {
                        row = Int(table[row &+ Int(classes[Int(byte)])])
                        if row < 0 { return .matched }
                        index &+= 1
                        guard index < count else { return table[row &+ Int(Self.boundaryClass)] < 0 ? .matched : .clear }
                        byte = bytes[index]
                    }
                    guard readCharacter(bytes, at: &index, row: &row, table: table, classes: classes) else {
                        return .needsNormalization
                    }
                    if row < 0 { return .matched }
                }
                return table[row &+ Int(Self.boundaryClass)] < 0 ? .matched : .clear
            }
        }
    }
}
