/// Where the process's memory is, for `/metrics`: what the kernel counts as
/// resident, what the C heap holds live and has taken from the system, and
/// what SQLite reports for itself. Together they tell a filling cache from a
/// leak from a fragmented heap (the soak test reports them). A figure the
/// platform cannot give is nil and left out of the metrics.
public struct MemoryUse: Sendable, Equatable {
    /// Resident set size in bytes (`VmRSS`).
    public var residentBytes: Int?
    /// Bytes in live heap allocations.
    public var heapInUseBytes: Int?
    /// Bytes the heap holds from the system, live or free.
    public var heapReservedBytes: Int?
    /// Bytes the database engine has allocated, its page caches included.
    public var storeBytes: Int?

    public init(residentBytes: Int? = nil, heapInUseBytes: Int? = nil, heapReservedBytes: Int? = nil, storeBytes: Int? = nil) {
        self.residentBytes = residentBytes
        self.heapInUseBytes = heapInUseBytes
        self.heapReservedBytes = heapReservedBytes
        self.storeBytes = storeBytes
    }
}
