import BCPModel

/// A column a table accepts: its header name, whether it must be present, and what it holds.
public struct ColumnSpec: Sendable {
    public enum Kind: Sendable {
        case text
        /// Integer within the range; the unit is named in error messages.
        case integer(ClosedRange<Int>, unit: String)
        case boolean
        case choice([String])
        case code
        /// A clock time HH:MM (00:00-23:59), read as minutes after midnight.
        case clock
    }
    public var name: String
    public var required: Bool
    public var kind: Kind
    public init(_ name: String, required: Bool = false, _ kind: Kind = .text) {
        self.name = name
        self.required = required
        self.kind = kind
    }
}

/// A CSV file read against its column specs: header checked, each row's fields reachable by name,
/// typed accessors that record a located error and return nil on a bad value.
public struct CSVTable {
    public let path: String
    public let header: [String]
    public let rows: [CSVRecord]
    private let specs: [ColumnSpec]
    private let index: [String: Int]
    /// Column specs by name (a lookup per cell; a linear search was 6% of loading a roster).
    private let specByName: [String: ColumnSpec]

    /// Reads `text` (already decoded) and checks the header: unknown columns, missing required
    /// columns, duplicates. Rows with the wrong number of fields are reported and dropped.
    public static func read(path: String, text: String, specs: [ColumnSpec], into diags: inout Diagnostics) -> CSVTable? {
        let records: [CSVRecord]
        switch CSVReader().records(text) {
        case .success(let r): records = r
        case .failure(let f):
            diags.error(path, f.line, f.column, f.message)
            return nil
        }
        guard let head = records.first else {
            diags.error(path, 1, 1, "file is empty; expected a header line with columns " + specs.filter(\.required).map(\.name).joined(separator: ", "))
            return nil
        }
        var header = head.fields.map { $0.trimmingSpaces }
        // Excel often leaves a trailing delimiter: a last empty header cell is not a column.
        let trailingDelimiter = header.count > 1 && header.last == ""
        if trailingDelimiter { header.removeLast() }
        var index: [String: Int] = [:]
        var ok = true
        let known = specs.map(\.name)
        for (i, name) in header.enumerated() {
            let pos = head.positions[i]
            if !known.contains(name) {
                diags.error(path, pos.line, pos.column, "unknown column \"\(name)\"; expected one of: \(known.joined(separator: ", "))")
                ok = false
            } else if index[name] != nil {
                diags.error(path, pos.line, pos.column, "column \"\(name)\" appears twice")
                ok = false
            } else {
                index[name] = i
            }
        }
        for spec in specs where spec.required && index[spec.name] == nil {
            diags.error(path, head.line, 1, "missing required column \"\(spec.name)\"")
            ok = false
        }
        guard ok else { return nil }
        var rows: [CSVRecord] = []
        for var r in records.dropFirst() {
            // A trailing delimiter only where the header has one too (Excel puts it on every line):
            // otherwise an empty last field may be what a stray comma pushed there, and reading
            // the row would shift every column after the comma.
            if trailingDelimiter, r.fields.count == header.count + 1, r.fields.last == "" {
                r.fields.removeLast()
                r.positions.removeLast()
            }
            if r.fields.count != header.count {
                let hint = r.fields.count > header.count
                    ? "; a number written with a decimal comma (1,41 for 1.41) or a comma in unquoted text splits a field in two (quote such text)"
                    : ""
                diags.error(path, r.line, 1, "wrong number of fields: expected \(header.count) (\(header.joined(separator: ","))), found \(r.fields.count)" + hint)
                continue
            }
            rows.append(r)
        }
        return CSVTable(path: path, header: header, rows: rows, specs: specs, index: index)
    }

    private init(path: String, header: [String], rows: [CSVRecord], specs: [ColumnSpec], index: [String: Int]) {
        self.path = path
        self.header = header
        self.rows = rows
        self.specs = specs
        self.index = index
        var byName: [String: ColumnSpec] = [:]
        for spec in specs where byName[spec.name] == nil { byName[spec.name] = spec }
        specByName = byName
    }

    public func has(_ column: String) -> Bool { index[column] != nil }

    /// The trimmed text of `column` in `row`, nil when the column is absent or the cell empty.
    public func text(_ row: CSVRecord, _ column: String) -> String? {
        guard let i = index[column] else { return nil }
        let v = row.fields[i].trimmingSpaces
        return v.isEmpty ? nil : v
    }

    public func position(_ row: CSVRecord, _ column: String) -> CSVRecord.Position {
        guard let i = index[column] else { return CSVRecord.Position(line: row.line, column: 1) }
        return row.positions[i]
    }

    public func error(_ row: CSVRecord, _ column: String, _ message: String, _ diags: inout Diagnostics) {
        let p = position(row, column)
        diags.error(path, p.line, p.column, "\(column): \(message)")
    }

    private func spec(_ column: String) -> ColumnSpec? { specByName[column] }

    /// A required or optional text cell; a missing required cell is an error.
    public func string(_ row: CSVRecord, _ column: String, _ diags: inout Diagnostics) -> String? {
        if let v = text(row, column) { return v }
        if spec(column)?.required == true { error(row, column, "value is required", &diags) }
        return nil
    }

    /// An integer cell checked against the column's range; `fallback` when empty and optional.
    public func int(_ row: CSVRecord, _ column: String, fallback: Int?, _ diags: inout Diagnostics) -> Int? {
        guard let raw = text(row, column) else {
            if fallback == nil || spec(column)?.required == true { error(row, column, "value is required", &diags) }
            return fallback
        }
        guard case .integer(let range, let unit)? = spec(column)?.kind else { return Int(raw) }
        // Plain digits (almost every cell) are read from the bytes; anything else as below.
        if let v = Self.plainDigits(raw), range.contains(v) { return v }
        guard let digits = Self.withoutThousandsSeparators(raw) else {
            error(row, column, "expected a whole number of \(unit), found \"\(raw.prefix(40))\"; a comma may only separate thousands, as in 1,000 (not a decimal comma)", &diags)
            return nil
        }
        guard let v = Int(digits) else {
            error(row, column, "expected a whole number of \(unit), found \"\(raw.prefix(40))\"", &diags)
            return nil
        }
        guard range.contains(v) else {
            error(row, column, "\(v) \(unit) is outside the accepted range \(range.lowerBound)...\(range.upperBound) \(unit)", &diags)
            return nil
        }
        return v
    }

    /// `text` without the thousands separators Excel writes (1,000 and 12,345,678), or nil when
    /// it has a comma anywhere else (6,0 is a decimal comma, 1,00 and ,100 are typos: none is 60,
    /// 100 or 100). Text without a comma is returned as it is.
    static func withoutThousandsSeparators(_ text: String) -> String? {
        guard text.utf8.contains(UInt8(ascii: ",")) else { return text }
        var body = Substring(text)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        let groups = body.split(separator: ",", omittingEmptySubsequences: false)
        guard let head = groups.first, (1...3).contains(head.count),
            groups.dropFirst().allSatisfy({ $0.count == 3 }),
            groups.allSatisfy({ $0.utf8.allSatisfy { (48...57).contains($0) } })
        else { return nil }
        return text.replacingOccurrences(of: ",", with: "")
    }

    /// The value of 1 to 18 ASCII digits, else nil (signs, separators and the rest go the long
    /// way, with its messages).
    static func plainDigits(_ text: String) -> Int? {
        var v = 0, n = 0
        for b in text.utf8 {
            guard b >= 48 && b <= 57, n < 18 else { return nil }
            v = v * 10 + Int(b - 48)
            n += 1
        }
        return n == 0 ? nil : v
    }

    /// true/false, yes/no, 1/0 (any case, as Excel writes TRUE/FALSE).
    public func bool(_ row: CSVRecord, _ column: String, fallback: Bool, _ diags: inout Diagnostics) -> Bool? {
        guard let raw = text(row, column) else { return fallback }
        switch raw.lowercased() {
        case "true", "yes", "1", "y": return true
        case "false", "no", "0", "n": return false
        default:
            error(row, column, "expected true or false, found \"\(raw.prefix(40))\"", &diags)
            return nil
        }
    }

    /// One of the column's choices; `fallback` when empty and optional.
    public func choice(_ row: CSVRecord, _ column: String, fallback: String?, _ diags: inout Diagnostics) -> String? {
        guard let raw = text(row, column) else {
            if fallback == nil { error(row, column, "value is required", &diags) }
            return fallback
        }
        guard case .choice(let options)? = spec(column)?.kind else { return raw }
        if options.contains(raw) { return raw }
        error(row, column, "expected one of \(options.joined(separator: ", ")), found \"\(raw.prefix(40))\"", &diags)
        return nil
    }

    /// A clock time "HH:MM" (or "H:MM"), 00:00 to 23:59, as minutes after midnight.
    public func clock(_ row: CSVRecord, _ column: String, _ diags: inout Diagnostics) -> Int? {
        guard let raw = string(row, column, &diags) else { return nil }
        if let m = ClockTime.minutes(raw) { return m }
        error(row, column, "expected a clock time HH:MM (00:00 to 23:59), found \"\(raw.prefix(40))\"", &diags)
        return nil
    }

    /// A municipality code with a valid check digit.
    public func code(_ row: CSVRecord, _ column: String, _ diags: inout Diagnostics) -> MunicipalityCode? {
        guard let raw = string(row, column, &diags) else { return nil }
        if let c = MunicipalityCode(raw) { return c }
        error(row, column, Self.invalidCodeMessage(raw), &diags)
        return nil
    }

    /// Why `raw` is no municipality code: a wrong check digit names the code it calls for.
    static func invalidCodeMessage(_ raw: String) -> String {
        if let expected = MunicipalityCode.expectedCode(for: raw), raw.utf8.count == 6 {
            return "invalid municipality code \(raw): check digit should make it \(expected)"
        }
        return "invalid municipality code \"\(raw.prefix(40))\": expected 6 digits (全国地方公共団体コード, e.g. 131016)"
    }
}

extension String {
    /// Trims ASCII spaces and tabs and the ideographic space (U+3000) Excel users often leave.
    var trimmingSpaces: String {
        // Most cells have nothing to trim: no copy then.
        if let f = utf8.first, let l = utf8.last, f != 0x20, f != 0x09, f != 0xE3, l != 0x20, l != 0x09, l != 0x80 { return self }
        var s = Substring(self)
        while let f = s.unicodeScalars.first, f == " " || f == "\t" || f == "\u{3000}" { s = s.dropFirst() }
        while let l = s.unicodeScalars.last, l == " " || l == "\t" || l == "\u{3000}" { s = s.dropLast() }
        return String(s)
    }
}
