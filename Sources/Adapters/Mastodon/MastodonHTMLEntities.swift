/// HTML character references (HTML Living Standard §13.2.5.72–80): numeric
/// (`&#39;`, `&#x27;`) and the named ones Mastodon and common clients emit.
/// Unknown names are left as written, as browsers do for unknown references.
enum MastodonHTMLEntities {
    /// The longest reference read (`&` … `;`), so a stray `&` costs little.
    static let maximumLength = 32

    /// The scalars a reference stands for, or nil when `name` (between `&` and
    /// `;`) is not one this decoder knows.
    static func decode(_ name: Substring) -> [Unicode.Scalar]? {
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value: UInt32?
            if digits.first == "x" || digits.first == "X" {
                value = UInt32(digits.dropFirst(), radix: 16)
            } else {
                value = UInt32(digits, radix: 10)
            }
            guard let value else { return nil }
            // NUL, surrogates and out-of-range code points become U+FFFD (§13.2.5.80).
            guard value != 0, let scalar = Unicode.Scalar(value) else { return ["\u{FFFD}"] }
            return [scalar]
        }
        return named[String(name)]
    }

    private static let named: [String: [Unicode.Scalar]] = [
        "amp": ["&"], "lt": ["<"], "gt": [">"], "quot": ["\""], "apos": ["'"],
        // A no-break space reads as a space: commands split on it like any other.
        "nbsp": [" "], "ensp": [" "], "emsp": [" "], "thinsp": [" "],
        "shy": [], "zwj": ["\u{200D}"], "zwnj": ["\u{200C}"],
        "hellip": ["\u{2026}"], "mdash": ["\u{2014}"], "ndash": ["\u{2013}"],
        "lsquo": ["\u{2018}"], "rsquo": ["\u{2019}"], "ldquo": ["\u{201C}"], "rdquo": ["\u{201D}"],
        "laquo": ["\u{00AB}"], "raquo": ["\u{00BB}"], "middot": ["\u{00B7}"], "bull": ["\u{2022}"],
        "copy": ["\u{00A9}"], "reg": ["\u{00AE}"], "trade": ["\u{2122}"], "deg": ["\u{00B0}"],
        "euro": ["\u{20AC}"], "pound": ["\u{00A3}"], "times": ["\u{00D7}"], "hearts": ["\u{2665}"],
    ]
}
