/// The written form of a member key: `platform:id`.
enum MemberKeyFormat {
    static func isValid(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let platform = text[..<colon], id = text[text.index(after: colon)...]
        return !platform.isEmpty && platform.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) }
            && !id.isEmpty && !id.contains(where: \.isWhitespace)
    }
}
