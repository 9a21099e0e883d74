/// Problems found in phrase files.
public struct CrisisPhraseListError: Error, Sendable, CustomStringConvertible {
    public var problems: [String]
    public var description: String { problems.joined(separator: "; ") }
}
