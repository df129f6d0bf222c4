/// The command line as text. Swift's `CommandLine.arguments` repairs an argument that is not
/// valid UTF-8 by putting U+FFFD in place of each bad byte, so `--out` given a Latin-1 or
/// Shift_JIS folder name silently wrote to another folder, named with U+FFFD (issue 16).
/// Foundation names files by String (UTF-8) on Linux, so such a name cannot be kept byte for
/// byte: the argument is refused instead, with a message that says which one and why.
public enum CommandLineText {
    /// An argument that is not valid UTF-8: its place (1 is the first after the program name),
    /// and a message naming it with its bad bytes shown as `\x{FF}`.
    public struct InvalidArgument: Error, Equatable, Sendable {
        public var index: Int
        public var message: String
    }

    /// The process's arguments as bytes, without the program name (from `CommandLine.unsafeArgv`,
    /// before any repair).
    public static func processArguments() -> [[UInt8]] {
        let argv = CommandLine.unsafeArgv
        return (1..<max(1, Int(CommandLine.argc))).map { i in
            guard let p = argv[i] else { return [] }
            let bytes = UnsafeRawPointer(p).assumingMemoryBound(to: UInt8.self)
            var n = 0
            while bytes[n] != 0 { n += 1 }
            return Array(UnsafeBufferPointer(start: bytes, count: n))
        }
    }

    /// The arguments as strings, or the first that is not valid UTF-8.
    public static func decode(_ arguments: [[UInt8]]) -> Result<[String], InvalidArgument> {
        var out: [String] = []
        for (k, bytes) in arguments.enumerated() {
            if let s = String(validating: bytes, as: UTF8.self) {
                out.append(s)
                continue
            }
            let shown = "\"" + showing(bytes) + "\""
            let what: String
            if k > 0, out[k - 1].hasPrefix("--"), !out[k - 1].contains("=") {
                what = "the value of \(TextEscaping.terminalSafe(out[k - 1])) (\(shown))"
            } else {
                what = "argument \(k + 1) (\(shown))"
            }
            return .failure(
                InvalidArgument(
                    index: k + 1,
                    message: "\(what) is not valid UTF-8; bcpsim reads file and folder names as UTF-8 text, so it cannot "
                        + "use this name as it is: rename the file or folder, or choose a UTF-8 name"))
        }
        return .success(out)
    }

    /// `bytes` as text: valid UTF-8 kept (its control characters escaped), each byte that is
    /// not part of a valid character as `\x{FF}`.
    static func showing(_ bytes: [UInt8]) -> String {
        var out = ""
        var i = 0
        while i < bytes.count {
            // The shortest run of 1 to 4 bytes from i that is valid UTF-8 is one character.
            var taken = 0
            for n in 1...4 where i + n <= bytes.count {
                if let s = String(validating: bytes[i..<i + n], as: UTF8.self) {
                    out += TextEscaping.terminalSafe(s)
                    taken = n
                    break
                }
            }
            if taken == 0 {
                let h = String(bytes[i], radix: 16, uppercase: true)
                out += "\\x{" + (h.count < 2 ? "0" + h : h) + "}"
                taken = 1
            }
            i += taken
        }
        return out
    }
}
