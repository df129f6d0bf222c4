

/// One cell of a CSV row. Numbers are written as plain digits (no separators) so that Excel
/// reads them as numbers; text is quoted when needed and guarded against formula injection.
public enum CSVCell: Sendable, Equatable {
    case text(String)
    case number(Int)
    case empty
}

/// Writes RFC 4180 CSV: fields holding a comma, quote, CR or LF are quoted and quotes doubled;
/// records end with CRLF (as RFC 4180 and Excel expect). With `bom`, the text starts with U+FEFF,
/// which Excel needs to open a UTF-8 file with Japanese text correctly.
///
/// Formula-injection guard (on by default): a text cell starting with = + - @, a tab or a CR is
/// prefixed with an apostrophe, so that Excel shows it as text instead of evaluating it
/// (OWASP "CSV injection"). Number cells are never altered, so -3 stays a number.
public struct CSVWriter: Sendable {
    public var bom: Bool
    public var guardFormulas: Bool
    public private(set) var rowCount = 0
    private var body = ""

    public init(bom: Bool = false, guardFormulas: Bool = true) {
        self.bom = bom
        self.guardFormulas = guardFormulas
    }

    /// Appends a record of cells.
    public mutating func row(_ cells: [CSVCell]) {
        body += cells.map(render).joined(separator: ",") + "\r\n"
        rowCount += 1
    }

    /// Appends a record of text cells (e.g. a header line).
    public mutating func row(texts: [String]) { row(texts.map { CSVCell.text($0) }) }

    /// The whole file, BOM first when asked for.
    public var text: String { (bom ? "\u{FEFF}" : "") + body }

    private func render(_ cell: CSVCell) -> String {
        switch cell {
        case .empty: return ""
        case .number(let n): return String(n)
        case .text(let s): return CSVWriter.field(guardFormulas ? CSVWriter.defused(s) : s)
        }
    }

    /// `s` as one RFC 4180 field: quoted (quotes doubled) when it holds , " CR or LF, or has
    /// leading/trailing spaces that a reader might trim.
    public static func field(_ s: String) -> String { TextEscaping.csvField(s) }

    /// `s` with an apostrophe in front if a spreadsheet would read it as a formula.
    public static func defused(_ s: String) -> String {
        guard let first = s.unicodeScalars.first else { return s }
        return "=+-@\t\r".unicodeScalars.contains(first) ? "'" + s : s
    }
}
