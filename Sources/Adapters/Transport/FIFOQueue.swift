/// A first-in first-out queue with amortised O(1) push and pop, for the
/// transport's message and waiter queues.
struct FIFOQueue<Element> {
    private var incoming: [Element] = []
    private var outgoing: [Element] = []

    init() {}

    var isEmpty: Bool { incoming.isEmpty && outgoing.isEmpty }
    var count: Int { incoming.count + outgoing.count }

    mutating func append(_ element: Element) {
        incoming.append(element)
    }

    mutating func popFirst() -> Element? {
        if outgoing.isEmpty {
            guard !incoming.isEmpty else { return nil }
            outgoing = incoming.reversed()
            incoming.removeAll(keepingCapacity: true)
        }
        return outgoing.popLast()
    }

    var first: Element? {
        outgoing.last ?? incoming.first
    }

    /// The elements in order, leaving the queue unchanged.
    var elements: [Element] { Array(outgoing.reversed()) + incoming }

    /// Removes the first element matching `predicate`, keeping the order of the rest.
    mutating func removeFirst(where predicate: (Element) -> Bool) -> Element? {
        var all = Array(outgoing.reversed()) + incoming
        guard let index = all.firstIndex(where: predicate) else { return nil }
        let element = all.remove(at: index)
        outgoing = all.reversed()
        incoming = []
        return element
    }

    /// Empties the queue and returns its elements in order.
    mutating func removeAll() -> [Element] {
        let all = Array(outgoing.reversed()) + incoming
        outgoing = []
        incoming = []
        return all
    }
}

extension FIFOQueue: Sendable where Element: Sendable {}
