import BCPCommands

/// bcpsim run in this process with a captured terminal: the exit status and what went to standard
/// output and error. (BuiltBinary runs the executable as a separate process.)
public enum CLI {
    public static func run(_ args: [String]) -> (code: Int32, out: String, err: String) {
        let captured = CapturedTerminal()
        let code = BCPSim.main(args, terminal: captured.terminal)
        return (code, captured.out, captured.err)
    }
}
