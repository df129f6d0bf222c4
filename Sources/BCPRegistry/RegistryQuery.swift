import Foundation

/// Filters for `Registry.query(_:)`. All set filters must match.
public struct RegistryQuery: Sendable, Hashable {
    /// Western fiscal year, e.g. 2025.
    public var fiscalYear: Int?
    /// Only programs printed as new (新規), or with a menu printed as new.
    public var newOnly: Bool
    /// Effort (取組) number 1-5.
    public var effort: Int?
    /// Text found in the Japanese or English name, an alias or a menu name (case- and width-insensitive).
    public var search: String?

    public init(fiscalYear: Int? = nil, newOnly: Bool = false, effort: Int? = nil, search: String? = nil) {
        self.fiscalYear = fiscalYear
        self.newOnly = newOnly
        self.effort = effort
        self.search = search
    }

    /// Whether `p` passes every filter.
    public func matches(_ p: Program) -> Bool {
        if let fy = fiscalYear, p.fiscalYear.value != fy { return false }
        if newOnly, p.isNew?.value != true, p.newMenus.isEmpty { return false }
        if let e = effort, !p.efforts.contains(where: { $0.value == e }) { return false }
        if let s = search {
            let needle = Self.fold(s)
            if !needle.isEmpty, !Self.nameMatches(p, needle) { return false }
        }
        return true
    }

    /// Case- and width-folded text without spaces (NFKC, lowercased).
    static func fold(_ s: String) -> String {
        String(s.precomposedStringWithCompatibilityMapping.lowercased().unicodeScalars
            .filter { !CharacterSet.whitespacesAndNewlines.contains($0) }.map(Character.init))
    }

    /// Whether a folded needle occurs in any name of the program.
    static func nameMatches(_ p: Program, _ needle: String) -> Bool {
        let names = [p.nameJa.value, p.nameEn] + p.aliases.map(\.value)
            + p.menus.flatMap { [$0.nameJa.value, $0.nameEn] }
        return names.contains { fold($0).contains(needle) }
    }
}
