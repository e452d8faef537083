import ArgumentParser
import EpisodeIO
#if canImport(Glibc)
import Glibc
#endif

/// Runs the command line and turns every outcome into podread's exit codes:
/// 0 success, 1 nothing found, 2 usage or input errors. Never a trap.
@main
enum Main {
    static func main() {
        // A reader that closes the pipe early (`podread transcript | head`)
        // must end podread quietly, not with a signal.
        signal(SIGPIPE, SIG_IGN)
        exit(run(Array(CommandLine.arguments.dropFirst())))
    }

    static func run(_ arguments: [String]) -> Int32 {
        if let first = arguments.first, let suggestion = CommandSuggestion.for(first) {
            Output.error("no command or episode \"\(first)\"; did you mean 'podread \(suggestion)'? (see 'podread --help')")
            return ExitStatus.inputError
        }
        do {
            var command = try Podread.parseAsRoot(arguments)
            try command.run()
            return ExitStatus.success
        } catch let code as ExitCode {
            return code.rawValue  // e.g. 1 for a search with no hits: nothing to say
        } catch let failure as CommandFailure {
            Output.error(failure.message)
            return failure.status
        } catch let failure as LoadError {
            Output.error(failure.description)
            return ExitStatus.inputError
        } catch {
            let code = Podread.exitCode(for: error)
            if code == .success {
                // --help, --version and completion scripts.
                Output.line(Podread.fullMessage(for: error))
                return ExitStatus.success
            }
            let message = Podread.message(for: error)
            Output.error(message.isEmpty ? "usage error (see 'podread --help')" : message + " (see 'podread --help')")
            return code == .validationFailure ? ExitStatus.inputError : code.rawValue
        }
    }
}

enum ExitStatus {
    static let success: Int32 = 0
    static let nothingFound: Int32 = 1
    static let inputError: Int32 = 2
}

/// A command's failure with the line to print and the exit status.
struct CommandFailure: Error {
    var message: String
    var status: Int32 = ExitStatus.inputError
}
