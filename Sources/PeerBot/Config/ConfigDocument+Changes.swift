extension ConfigDocument {
    /// The dotted keys whose values differ from `other`'s: added, removed or
    /// changed, sorted. Only names, never values, so the list is safe to log
    /// even when a value is a secret.
    public func changedKeys(since other: ConfigDocument) -> [String] {
        let mine = Self.flatten(root), theirs = Self.flatten(other.root)
        return Set(mine.keys).union(theirs.keys).filter { mine[$0] != theirs[$0] }.sorted()
    }

    /// Leaf values by dotted key; a list is one value.
    private static func flatten(_ table: [String: ConfigValue], prefix: String = "") -> [String: ConfigValue] {
        var result: [String: ConfigValue] = [:]
        for (key, value) in table {
            let full = prefix.isEmpty ? key : "\(prefix).\(key)"
            if case .table(let child) = value {
                result.merge(flatten(child, prefix: full)) { first, _ in first }
            } else {
                result[full] = value
            }
        }
        return result
    }
}
