import Foundation
/// An ISO 3166-1 alpha-2 country code (`US`, `GB`), or `INTL` for
/// international services. Accepts the common alias `UK` for `GB`.
public struct RegionCode: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: String

    /// International: services reachable from anywhere, and directories of local services.
    public static let international = RegionCode(uncheckedCode: "INTL")

    public init?(rawValue: String) { self.init(rawValue) }

    /// Validates and normalises a code; nil when it is not an assigned ISO 3166-1 alpha-2 code.
    public init?(_ text: String) {
        let upper = text.trimmingCharacters(in: .whitespaces).uppercased()
        if upper == "INTL" || upper == "INT" {
            rawValue = "INTL"
        } else if upper == "UK" {
            rawValue = "GB"
        } else if upper.count == 2, Self.assigned.contains(upper) {
            rawValue = upper
        } else {
            return nil
        }
    }

    private init(uncheckedCode: String) { rawValue = uncheckedCode }

    public var description: String { rawValue }
    public static func < (lhs: RegionCode, rhs: RegionCode) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The 249 officially assigned codes (ISO 3166-1, as published in the pycountry package).
    static let assigned: Set<String> = Set(
        [
        "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE",
        "BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD",
        "CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM",
        "DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF",
        "GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU",
        "ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN",
        "KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME",
        "MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA",
        "NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM",
        "PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI",
        "SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK",
        "TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI",
        "VN VU WF WS YE YT ZA ZM ZW",
        ].joined(separator: " ").split(separator: " ").map(String.init))
}
