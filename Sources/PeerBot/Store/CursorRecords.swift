/// Small named values adapters keep between runs: a sync token, the last
/// notification id, a gateway session.
public protocol CursorRecords {
    func cursor(_ name: String) throws -> String?
    func setCursor(_ name: String, to value: String?) throws
}
