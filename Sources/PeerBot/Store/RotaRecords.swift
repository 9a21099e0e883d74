/// Facilitators' own on-duty choices (`!oncall on/off`).
public protocol RotaRecords {
    func rotaStatuses() throws -> [RotaStatus]
    func rotaStatus(of memberKey: String) throws -> RotaStatus?
    func saveRotaStatus(_ status: RotaStatus) throws
    func deleteRotaStatus(of memberKey: String) throws
}
