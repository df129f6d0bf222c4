/// The language of a page, a table or a terminal line. Every output bcpsim writes for people
/// comes in Japanese (the default: the users are Tokyo's planners) and English.
public enum Language: String, Sendable, CaseIterable, Codable {
    case ja, en

    /// `ja` or `en` of a pair of texts.
    public func pick(ja: String, en: String) -> String { self == .ja ? ja : en }

    /// A list of names joined as people write it: 「A、B、C」 / "A, B, C".
    public func join(_ items: [String]) -> String { items.joined(separator: self == .ja ? "、" : ", ") }
}
