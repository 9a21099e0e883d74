import Foundation

/// The ways a secret could show up in a log: as typed, percent-encoded (in a
/// URL or a form body), and base64-encoded at any offset (inside a basic-auth
/// header `base64("user:secret")`, where the bytes before it shift its encoding).
/// Tests grep captured output for every form (issue 11 item 5).
public enum SecretForms {
    /// Every form of `secret` to look for. Use secrets of 16 characters or more,
    /// so the base64 fragments are long enough to mean something.
    public static func forms(of secret: String) -> [String] {
        var forms = [secret]
        var unreserved = CharacterSet.alphanumerics
        unreserved.insert(charactersIn: "-._~")
        // Encoders differ in what they leave alone and in the case of their hex digits.
        for allowed in [unreserved, .alphanumerics, .urlQueryAllowed, .urlPathAllowed] {
            guard let encoded = secret.addingPercentEncoding(withAllowedCharacters: allowed) else { continue }
            for form in [encoded, lowercasedEscapes(encoded)] where !forms.contains(form) { forms.append(form) }
        }
        let bytes = Array(secret.utf8)
        for offset in 0..<3 {
            // Encode with `offset` bytes in front; keep only the characters that depend on the secret alone.
            let encoded = Data(Array(repeating: UInt8(ascii: ":"), count: offset) + bytes).base64EncodedString()
            let skip = offset == 0 ? 0 : 4
            let drop = 4  // the last group mixes in padding
            guard encoded.count > skip + drop + 8 else { continue }
            let middle = String(encoded.dropFirst(skip).dropLast(drop))
            forms.append(middle)
        }
        return forms
    }

    /// `%2F` → `%2f`.
    static func lowercasedEscapes(_ text: String) -> String {
        var result = ""
        var pending = 0
        for character in text {
            if character == "%" {
                pending = 2
                result.append(character)
            } else if pending > 0 {
                pending -= 1
                result += character.lowercased()
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// The first form of any secret found in `text`, named without the secret itself.
    public static func leak(in text: String, secrets: [String: String]) -> String? {
        for (name, secret) in secrets.sorted(by: { $0.key < $1.key }) {
            for (index, form) in forms(of: secret).enumerated() where text.contains(form) {
                return "\(name) (form \(index))"
            }
        }
        return nil
    }
}
