/// Cleans inbound text before anything reads it: control characters (other
/// than newline) and bidirectional overrides are removed, tabs become spaces.
/// Adapters hand over untrusted text; nothing downstream should see raw controls.
public enum TextSanitizer {
    public static func clean(_ text: String) -> String {
        var needsWork = false
        for scalar in text.unicodeScalars where isUnwanted(scalar) || scalar == "\t" {
            needsWork = true
            break
        }
        guard needsWork else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\t" {
                scalars.append(" ")
            } else if !isUnwanted(scalar) {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    private static func isUnwanted(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A: false  // newline is meaningful
        case 0x00...0x1F, 0x7F...0x9F: true  // C0 and C1 controls
        case 0x202A...0x202E, 0x2066...0x2069: true  // bidi embeddings, overrides and isolates
        default: false
        }
    }
}
