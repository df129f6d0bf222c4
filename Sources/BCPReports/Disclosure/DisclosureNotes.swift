import BCPText

/// What a page says about its disclosure policy: one line near the top, the parameter line, and
/// the note that explains the bands. Every report (summary, allocation, workshop, compare) uses
/// these, so that the policy reads the same everywhere.
public enum DisclosureNotes {
    static func L(_ key: String, _ lang: Language, _ args: String...) -> String { Labels.text(key, lang, args: args) }

    static func band(_ p: DisclosurePolicy, _ lang: Language) -> String { DisclosureText.count(p.smallBand, lang) }

    /// One sentence for the top of a page.
    public static func line(_ p: DisclosurePolicy, _ lang: Language) -> String {
        switch p.basis {
        case .synthetic: return L("disclosure.line.synthetic", lang)
        case .restricted: return L("disclosure.line.restricted", lang)
        case .protected:
            return p.protects ? L("disclosure.line.protected", lang, band(p, lang), String(p.threshold)) : L("disclosure.line.none", lang)
        }
    }

    /// The value of the "small counts" parameter line.
    public static func parameter(_ p: DisclosurePolicy, _ lang: Language) -> String {
        switch p.basis {
        case .synthetic: return L("disclosure.param.synthetic", lang)
        case .restricted: return L("disclosure.param.restricted", lang)
        case .protected:
            return p.protects ? L("disclosure.param.protected", lang, band(p, lang), String(p.threshold)) : L("disclosure.param.none", lang)
        }
    }

    /// The note that explains what the bands and "x" mean.
    public static func note(_ p: DisclosurePolicy, _ lang: Language) -> String {
        switch p.basis {
        case .synthetic: return L("disclosure.note.synthetic", lang)
        case .restricted: return L("disclosure.line.restricted", lang)
        case .protected:
            return p.protects
                ? L("disclosure.note.protected", lang, band(p, lang), String(p.threshold), DisclosureText.band(140, 139 + p.threshold, lang))
                : L("disclosure.line.none", lang)
        }
    }
}
