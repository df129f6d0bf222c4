import BCPModel

/// The "parameters" object of scenario.json: the keys of `PolicyParameters.specs`, each checked
/// against its range.
enum ParameterTable {
    static func read(_ v: JSONValue, _ r: inout JSONReader) -> PolicyParameters {
        var p = PolicyParameters()
        let specs = PolicyParameters.specs
        guard let members = r.object(v, "parameters", allowed: specs.map(\.name)) else { return p }
        for (k, value) in members {
            guard let spec = specs.first(where: { $0.name == k }) else { continue }
            switch spec.value {
            case .integer(let field, let range, let unit):
                if let x = r.int(value, "parameters.\(k)", range: range, unit: unit) { p[keyPath: field] = x }
            case .flag(let field):
                if let b = r.bool(value, "parameters.\(k)") { p[keyPath: field] = b }
            }
        }
        return p
    }
}
