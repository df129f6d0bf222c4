import BCPAnalysis
import BCPInput

/// The bcpsim command line: `bcpsim COMMAND [OPTIONS] [ARGS]`. The executable only calls `main`.
public enum BCPSim {
    public static let version = "0.1.0"

    public static let commands: [CommandInfo] = [ValidateCommand.info, RunCommand.info, BacktestCommand.info, RegistryCommand.info, GenerateCommand.info, AllocationCommand.info, ReportCommand.info, WorkshopCommand.info, CompareCommand.info, BenchCommand.info, MergeCommand.info, PlanCommand.info, SensitivityCommand.info]

    public static let overview = """
        bcpsim \(version) - business-continuity planning for home medical care in Tokyo

        USAGE
            bcpsim COMMAND [OPTIONS] [ARGUMENTS]

        COMMANDS
        \(commands.map { "    " + $0.name.padding(toLength: 12, withPad: " ", startingAt: 0) + $0.summary }.joined(separator: "\n"))

        Run 'bcpsim COMMAND --help' for a command's options.
        Exit status: 0 success, 64 wrong command line, 65 bad input data, 73 cannot write output.
        """

    /// Runs the command line `args` (without the program name) and returns the exit status.
    /// Output that could not be written (standard output on a full disk, `> /dev/full`) fails the
    /// command with exit status 73 and says why (issue 16, item 7); a closed pipe does not.
    public static func main(_ args: [String], terminal: Terminal = .standard) -> Int32 {
        let code = dispatch(args, terminal)
        guard let failure = terminal.outputFailure else { return code }
        terminal.err("error: cannot write to standard output: \(failure)")
        return code == ExitCode.success ? ExitCode.cannotCreate : code
    }

    static func dispatch(_ args: [String], _ terminal: Terminal) -> Int32 {
        guard let first = args.first else {
            terminal.out(lines: Terminal.split(overview))
            return ExitCode.success
        }
        switch first {
        case "--help", "-h", "help":
            if args.count > 1, let c = commands.first(where: { $0.name == args[1] }) {
                terminal.out(lines: Terminal.split(c.help))
            } else {
                terminal.out(lines: Terminal.split(overview))
            }
            return ExitCode.success
        case "--version":
            terminal.out("bcpsim \(version)")
            return ExitCode.success
        default:
            break
        }
        guard let command = commands.first(where: { $0.name == first }) else {
            let close = commands.map(\.name).filter { editDistance($0, first) <= 2 }
            let suggestion = close.first.map { "did you mean '\($0)'? " } ?? ""
            return usage(UsageError("unknown command '\(first)'", hint: suggestion + "see 'bcpsim --help'"), terminal)
        }
        let rest = Array(args.dropFirst())
        if rest.prefix(while: { $0 != "--" }).contains(where: { $0 == "--help" || $0 == "-h" }) {
            terminal.out(lines: Terminal.split(command.help))
            return ExitCode.success
        }
        do {
            let parsed = try ParsedArguments.parse(rest, options: command.options, command: command.name)
            if !command.positionals.contains(parsed.positionals.count) {
                let want = command.positionals.lowerBound == command.positionals.upperBound
                    ? "\(command.positionals.lowerBound)" : "\(command.positionals.lowerBound) to \(command.positionals.upperBound)"
                throw UsageError(
                    "'\(command.name)' takes \(want) argument\(command.positionals.upperBound == 1 ? "" : "s"), found \(parsed.positionals.count)",
                    hint: "usage: bcpsim \(command.synopsis)")
            }
            return try command.run(parsed, terminal)
        } catch let e as UsageError {
            return usage(e, terminal)
        } catch let e as InputError {
            terminal.err(lines: e.diagnostics.lines)
            return ExitCode.dataError
        } catch let e as CommandFailure {
            terminal.err("error: \(e.message)")
            return e.code
        } catch {
            terminal.err("error: \(error)")
            return ExitCode.dataError
        }
    }

    static func usage(_ e: UsageError, _ terminal: Terminal) -> Int32 {
        terminal.err(lines: ["error: \(e.message)", e.hint])
        return ExitCode.usage
    }
}
