import BCPAnalysis
import BCPText
/// The suggested 90-minute session: blocks with their length in minutes.
public enum Agenda {
    public struct Item: Sendable, Equatable {
        public var key: String
        public var minutes: Int
    }

    public static let items: [Item] = [
        Item(key: "intro", minutes: 10),
        Item(key: "predict", minutes: 10),
        Item(key: "injects", minutes: 30),
        Item(key: "results", minutes: 15),
        Item(key: "discussion", minutes: 20),
        Item(key: "evaluation", minutes: 5),
    ]

    public static var totalMinutes: Int { items.reduce(0) { $0 + $1.minutes } }

    /// "0:10" for 10 minutes into the session.
    static func mark(_ m: Int) -> String { "\(m / 60):" + (m % 60 < 10 ? "0" : "") + String(m % 60) }

    /// Time, minutes, activity, what to use; `facilitator` adds the facilitator's notes column.
    public static func table(_ lang: Language, facilitator: Bool) -> TextTable {
        var headers = ["time", "minutes", "activity", "materials"].map { Labels.text("workshop.agenda.col.\($0)", lang) }
        if facilitator { headers.append(Labels.text("workshop.agenda.col.notes", lang)) }
        var t = TextTable(headers: headers, alignments: [.left, .right])
        var at = 0
        for i in items {
            var row = [mark(at) + "–" + mark(at + i.minutes), String(i.minutes),
                       Labels.text("workshop.agenda.\(i.key)", lang), Labels.text("workshop.agenda.\(i.key).materials", lang)]
            if facilitator { row.append(Labels.text("workshop.agenda.\(i.key).notes", lang)) }
            t.add(row)
            at += i.minutes
        }
        t.add(["", String(at), Labels.text("workshop.agenda.total", lang), ""], strong: true)
        return t
    }
}
