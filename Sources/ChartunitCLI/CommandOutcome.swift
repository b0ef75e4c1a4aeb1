import ArgumentParser
import Foundation

/// What a command produced: the bytes for stdout and stderr and the exit
/// status. Commands build one; only the process entry point writes it out,
/// so tests run any command line in-process and look at all three.
struct CommandOutcome: Sendable, Equatable {
    var stdout = ""
    var stderr = ""
    var exitCode: Int32 = 0

    /// cobra's and Helm's failure: `Error: <message>` on stderr, status 1.
    static func failure(_ message: String) -> CommandOutcome {
        CommandOutcome(stdout: "", stderr: "Error: \(message)\n", exitCode: 1)
    }

    /// Writes the output to the process's stdout and stderr.
    func write() {
        FileHandle.standardOutput.write(text: stdout)
        FileHandle.standardError.write(text: stderr)
    }
}

extension FileHandle {
    /// Writes the UTF-8 of `text`, if any. The `Data` is made from the
    /// string's buffer: `Data`'s initialiser from a sequence casts it
    /// dynamically, and the first such cast scans every conformance record.
    func write(text: String) {
        var text = text
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
            write(Data(bytes: base, count: bytes.count))
        }
    }
}

/// What the process gives a command: its environment variables, whether
/// stdout is a terminal (for colour and the progress line), and a way to
/// write output while the command runs.
struct ProcessContext: Sendable {
    var environment: [String: String]
    var isTerminal: Bool
    /// Writes text to stdout (`false`) or stderr (`true`) at once, before
    /// the outcome is printed; nil: a command puts all its output in the
    /// outcome (the in-process tests).
    var stream: (@Sendable (_ text: String, _ toStandardError: Bool) -> Void)?
    /// The terminal's width in columns.
    var terminalWidth = 80
    /// Whether the process exits once the command's outcome is written
    /// (the real command line, not the in-process tests).
    var exitsAfterCommand = false

    /// This process's.
    static var current: ProcessContext {
        var size = winsize()
        let width = ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : 80
        return ProcessContext(environment: ProcessInfo.processInfo.environment, isTerminal: isatty(STDOUT_FILENO) != 0,
                              stream: { text, toStandardError in
                                  (toStandardError ? FileHandle.standardError : FileHandle.standardOutput).write(text: text)
                              }, terminalWidth: width, exitsAfterCommand: true)
    }
}

/// A subcommand that computes its whole outcome without printing.
protocol OutcomeCommand: AsyncParsableCommand {
    /// Runs the command and returns what to print and the exit status.
    func outcome(in context: ProcessContext) async -> CommandOutcome
}

extension OutcomeCommand {
    /// Prints the outcome and exits with its status.
    mutating func run() async throws {
        let outcome = await outcome(in: .current)
        outcome.write()
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }
}
