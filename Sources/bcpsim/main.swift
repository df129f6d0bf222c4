import BCPCommands
import Foundation

// A closed pipe (`bcpsim ... | head`) must end output quietly, not kill the process mid-write.
signal(SIGPIPE, SIG_IGN)
exit(BCPSim.main(Array(CommandLine.arguments.dropFirst())))
