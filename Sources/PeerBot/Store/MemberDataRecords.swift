/// Deleting what the core's own tables hold about a member (`!forgetme`).
public protocol MemberDataRecords {
    /// Deletes every job row of the member (`Job.memberKey`), in any state, so
    /// no finished job keeps their key either. Features that put a member in a
    /// job's key or payload must set `memberKey`.
    func deleteJobs(memberKey: String) throws
}
