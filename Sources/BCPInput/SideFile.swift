import Foundation

/// A small CSV given beside a scenario on the command line (`allocation --stock`, `plan
/// --prices`): read with the size bound (a pipe such as `<(...)` up to the limit), decoded as
/// UTF-8 or Shift_JIS as Excel saves it in Japan. Errors name the file (and line and column).
public enum SideFile {
    /// The file's text; `what` names it in the error ("the stock file").
    public static func text(path: String, what: String) -> Result<String, InputError> {
        let data: Data
        switch BoundedFile.read(path, limit: InputLimits.maxFileBytes, accept: .anyButFolders) {
        case .success(let d): data = d
        case .failure(.missing), .failure(.unreadable):
            return .failure(InputError(path: path, "cannot read \(what) (missing or not readable)"))
        case .failure(let f): return .failure(InputError(path: path, f.message))
        }
        switch TextDecoding.decode(data, as: .auto) {
        case .failure(let f):
            var d = Diagnostics()
            d.error(path, f.line, f.column, f.message)
            return .failure(InputError(d))
        case .success(let (text, _)): return .success(text)
        }
    }
}
