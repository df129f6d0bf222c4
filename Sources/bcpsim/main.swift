import BCPCommands
import BCPText
import Foundation

// A closed pipe (`bcpsim ... | head`) must end output quietly, not kill the process mid-write.
signal(SIGPIPE, SIG_IGN)
// The arguments as bytes: CommandLine.arguments would turn a name that is not UTF-8 into U+FFFD,
// and the command would use another name than the one given (issue 16).
switch CommandLineText.decode(CommandLineText.processArguments()) {
case .success(let arguments):
    exit(BCPSim.main(arguments))
case .failure(let bad):
    Terminal.standard.err(lines: ["error: \(bad.message)", "see 'bcpsim --help'"])
    exit(ExitCode.usage)
}
