import BCPModel

/// The "parameters" object of scenario.json: each key, the field it sets and its accepted range.
public enum ParameterTable {
    public struct Entry: Sendable {
        public let key: String
        public let field: WritableKeyPath<PolicyParameters, Int> & Sendable
        public let range: ClosedRange<Int>
        public let unit: String
    }

    public static let integers: [Entry] = [
        Entry(key: "provider_call_delay_minutes", field: \.providerCallDelayMinutes, range: 0...10_080, unit: "minutes"),
        Entry(key: "linked_takeover_delay_minutes", field: \.linkedTakeoverDelayMinutes, range: 0...10_080, unit: "minutes"),
        Entry(key: "municipal_confirm_delay_minutes", field: \.municipalConfirmDelayMinutes, range: 0...10_080, unit: "minutes"),
        Entry(key: "self_call_threshold_minutes", field: \.selfCallThresholdMinutes, range: 0...10_080, unit: "minutes"),
        Entry(key: "self_call_delay_minutes", field: \.selfCallDelayMinutes, range: 0...10_080, unit: "minutes"),
        Entry(key: "travel_same_municipality_minutes", field: \.travelSameMunicipalityMinutes, range: 1...10_080, unit: "minutes"),
        Entry(key: "travel_same_area_minutes", field: \.travelSameAreaMinutes, range: 1...10_080, unit: "minutes"),
        Entry(key: "travel_elsewhere_minutes", field: \.travelElsewhereMinutes, range: 1...10_080, unit: "minutes"),
        Entry(key: "travel_island_minutes", field: \.travelIslandMinutes, range: 1...43_200, unit: "minutes"),
        Entry(key: "mutual_aid_delay_minutes", field: \.mutualAidDelayMinutes, range: 0...43_200, unit: "minutes"),
        Entry(key: "transfer_minutes", field: \.transferMinutes, range: 1...10_080, unit: "minutes"),
        Entry(key: "target_reserve_hours", field: \.targetReserveHours, range: 1...720, unit: "hours"),
        Entry(key: "suppression_threshold", field: \.suppressionThreshold, range: 1...1_000, unit: "count"),
    ]
    public static let booleanKeys = ["own_generators_usable"]

    static func read(_ v: JSONValue, _ r: inout JSONReader) -> PolicyParameters {
        var p = PolicyParameters()
        guard let members = r.object(v, "parameters", allowed: integers.map(\.key) + booleanKeys) else { return p }
        for (k, value) in members {
            if let e = integers.first(where: { $0.key == k }) {
                if let x = r.int(value, "parameters.\(k)", range: e.range, unit: e.unit) { p[keyPath: e.field] = x }
            } else if k == "own_generators_usable", let b = r.bool(value, "parameters.\(k)") {
                p.ownGeneratorsUsable = b
            }
        }
        return p
    }
}
