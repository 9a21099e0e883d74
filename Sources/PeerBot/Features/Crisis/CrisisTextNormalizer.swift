import Foundation

/// Normalises text for crisis-phrase matching: Unicode compatibility
/// composition (NFKC), case folding, apostrophes removed (`can’t` = `can't` =
/// `cant`), and every other character that is not part of a word turned into a
/// space. Phrases and messages go through the same steps.
enum CrisisTextNormalizer {
    /// The normalised text as UTF-8 bytes: word characters and single-byte spaces.
    static func normalizedBytes(_ text: String) -> [UInt8] {
        // Apostrophes first: NFKC would turn some (´) into a space and a combining mark.
        var prepared = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { prepared.append(isApostrophe(scalar) ? "'" : scalar) }
        let folded = String(prepared).precomposedStringWithCompatibilityMapping
            .folding(options: [.caseInsensitive], locale: nil)
            .precomposedStringWithCompatibilityMapping
        var bytes: [UInt8] = []
        bytes.reserveCapacity(folded.utf8.count)
        for scalar in folded.unicodeScalars {
            if isApostrophe(scalar) { continue }
            if isWordScalar(scalar) {
                UTF8.encode(scalar) { bytes.append($0) }
            } else {
                bytes.append(space)
            }
        }
        return bytes
    }

    static let space = UInt8(ascii: " ")

    /// Apostrophes and the characters typed for them; they join words rather than split them.
    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x27, 0x60, 0xB4, 0x2018, 0x2019, 0x201B, 0x2032, 0x02BB, 0x02BC, 0xFF07: true
        default: false
        }
    }

    /// Letters, digits and combining marks.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        }
        let properties = scalar.properties
        if properties.isAlphabetic || properties.numericType != nil { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
