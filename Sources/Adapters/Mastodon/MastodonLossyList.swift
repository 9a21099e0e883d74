/// A JSON array decoded element by element: an element that does not decode
/// (a notification type from a newer server, a truncated object) is dropped
/// and counted instead of failing the whole page.
struct MastodonLossyList<Element: Decodable & Sendable>: Decodable, Sendable {
    var elements: [Element]
    var skipped: Int

    init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        var elements: [Element] = []
        var skipped = 0
        while !container.isAtEnd {
            if let element = try? container.decode(Element.self) {
                elements.append(element)
            } else {
                // Step over the element that failed, whatever it is.
                _ = try container.decode(Skipped.self)
                skipped += 1
            }
        }
        self.elements = elements
        self.skipped = skipped
    }

    private struct Skipped: Decodable {
        init(from decoder: any Decoder) throws {}
    }
}
