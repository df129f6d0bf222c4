import BCPAnalysis
import BCPReports
import BCPText
import Foundation

/// libFuzzer target `result`: a result.json as `bcpsim report` reads it. The bytes, if UTF-8, go
/// to ResultDocument.decode; a document it accepts must encode to text that decodes back to the
/// same document, and every renderer of `report` must run on it (ShortfallReport.files, in
/// Japanese with the document's threshold and in English with threshold 1 and a BOM), the
/// renderers' arithmetic being what the decoder's bounds protect (issue 16, item 5).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzResultDocument(_ bytes: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let text = String(data: Data(bytes: bytes, count: size), encoding: .utf8) else { return 0 }
    let doc: ResultDocument
    do {
        doc = try ResultDocument.decode(text)
    } catch let e as DocumentError {
        precondition(!e.message.isEmpty, "an error without a message")
        return 0
    } catch {
        preconditionFailure("decode threw something else than a DocumentError: \(error)")
    }
    let again = doc.encode()
    precondition((try? ResultDocument.decode(again)) == doc, "decode(encode(d)) differs from d")
    for (lang, bom, suppress) in [(Language.ja, false, Int?.none), (Language.en, true, Int?.some(1))] {
        let files = ShortfallReport.files(doc, options: ShortfallOptions(lang: lang, bom: bom, suppress: suppress, toolVersion: "fuzz"), registry: nil)
        precondition(files.contains { $0.path == "manifest.json" }, "no manifest")
    }
    return 0
}
