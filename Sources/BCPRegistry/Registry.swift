import Foundation

/// Why the registry could not be loaded.
public enum RegistryError: Error, Sendable, Equatable, CustomStringConvertible {
    case resourceMissing
    case unreadable(String)
    case invalid(String)

    public var description: String {
        switch self {
        case .resourceMissing: return "registry.json is missing from the BCPRegistry bundle"
        case .unreadable(let why): return "registry.json could not be read: \(why)"
        case .invalid(let why): return "registry.json is invalid: \(why)"
        }
    }
}

/// The program registry: every program of the five source documents, per fiscal year.
public struct Registry: Sendable {
    /// The whole decoded file (documents, efforts, indicators, survey, programs).
    public let data: RegistryData
    /// All programs in file order (fiscal year, then document order).
    public var programs: [Program] { data.programs }

    /// Loads the bundled `Resources/registry.json`. Throws, never traps.
    public static func load() throws -> Registry {
        guard let url = Bundle.module.url(forResource: "registry", withExtension: "json", subdirectory: "Resources")
        else { throw RegistryError.resourceMissing }
        return try load(from: url)
    }

    /// Loads a registry file from `url`.
    public static func load(from url: URL) throws -> Registry {
        let bytes: Data
        do { bytes = try Data(contentsOf: url) } catch { throw RegistryError.unreadable(String(describing: error)) }
        return try decode(bytes)
    }

    /// Decodes and checks registry JSON (ids unique and non-empty, efforts 1-5).
    public static func decode(_ bytes: Data) throws -> Registry {
        let data: RegistryData
        do { data = try JSONDecoder().decode(RegistryData.self, from: bytes) } catch {
            throw RegistryError.invalid(String(describing: error))
        }
        var seen = Set<String>()
        for p in data.programs {
            if p.id.isEmpty || p.programKey.isEmpty { throw RegistryError.invalid("a program has an empty id or programKey") }
            if !seen.insert(p.id).inserted { throw RegistryError.invalid("duplicate id \(p.id)") }
            if let bad = p.efforts.first(where: { !(1...5).contains($0.value) }) {
                throw RegistryError.invalid("\(p.id): effort \(bad.value) is not 1-5")
            }
        }
        return Registry(data: data)
    }

    /// The program with this id, if any.
    public func program(id: String) -> Program? { programs.first { $0.id == id } }

    /// The fiscal years present, ascending.
    public var fiscalYears: [Int] { Array(Set(programs.map(\.fiscalYear.value))).sorted() }

    /// Programs matching the query, in registry order.
    public func query(_ q: RegistryQuery) -> [Program] { programs.filter(q.matches) }

    /// A program across fiscal years: by id, by programKey, or by a name (ja or en, any case).
    /// Returns every record sharing a programKey with the match, ordered by fiscal year then id.
    public func history(nameOrId: String) -> [Program] {
        let keys: Set<String>
        if let p = program(id: nameOrId) {
            keys = [p.programKey]
        } else if programs.contains(where: { $0.programKey == nameOrId }) {
            keys = [nameOrId]
        } else {
            let needle = RegistryQuery.fold(nameOrId)
            guard !needle.isEmpty else { return [] }
            let exact = programs.filter { RegistryQuery.fold($0.nameJa.value) == needle || RegistryQuery.fold($0.nameEn) == needle }
            let hits = exact.isEmpty ? programs.filter { RegistryQuery.nameMatches($0, needle) } : exact
            keys = Set(hits.map(\.programKey))
        }
        return programs.filter { keys.contains($0.programKey) }
            .sorted { ($0.fiscalYear.value, $0.id) < ($1.fiscalYear.value, $1.id) }
    }
}
