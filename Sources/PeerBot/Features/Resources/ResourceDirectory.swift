/// The help-line directory: a list of services, looked up by topic and region.
public struct ResourceDirectory: Sendable {
    public private(set) var entries: [HelpLine]

    public init(entries: [HelpLine]) {
        self.entries = entries
    }

    /// Topics some entry covers, in vocabulary order.
    public var topics: [ResourceTopic] {
        let covered = Set(entries.flatMap(\.topics))
        return ResourceTopic.allCases.filter { covered.contains($0) }
    }

    /// Regions some entry covers.
    public var regions: [RegionCode] {
        Array(Set(entries.flatMap(\.regions))).sorted()
    }

    /// Services for a topic (nil: crisis and suicide lines) in a region
    /// (nil: international only), regional ones first, then international.
    public func lookup(topic: ResourceTopic?, region: RegionCode?) -> [HelpLine] {
        let wanted: Set<ResourceTopic> = topic.map { [$0] } ?? [.crisis, .suicide]
        let regional = region.map { code in
            entries.filter { $0.regions.contains(code) && !wanted.isDisjoint(with: $0.topics) }
        } ?? []
        let international = entries.filter {
            $0.regions.contains(.international) && (!wanted.isDisjoint(with: $0.topics) || $0.topics.contains(.finder))
        }
        return regional + international.filter { entry in !regional.contains { $0.id == entry.id } }
    }

    /// True when some entry serves the region.
    public func covers(_ region: RegionCode) -> Bool {
        entries.contains { $0.regions.contains(region) }
    }
}
