import Diagnostics
import Foundation
import GoStd
import Synchronization
import UnitTest

/// The files changed in a git repository since a revision, read with the
/// `git` command (found in the environment's `PATH`).
///
/// The rule, as a pull request's job needs it: the files that differ
/// between the merge base of REF and HEAD (`git merge-base REF HEAD`, the
/// commit a `REF...HEAD` diff starts from) and the working tree — the
/// branch's commits plus staged and unstaged changes, renames as a deleted
/// and an added path — and the untracked files git does not ignore. For
/// `HEAD~1`, or a SHA that is already the merge base, the merge base is
/// REF itself.
struct GitChanges {
    /// The repository's top directory, canonical.
    var top: String
    /// `git merge-base REF HEAD`.
    var mergeBase: String
    /// Absolute paths below ``top``, sorted bytewise.
    var paths: [String]

    /// The top directory of the repository holding `directory`, canonical.
    static func repository(of directory: String, git: Git) throws(LocatedError) -> String {
        let output = try git.run(["rev-parse", "--show-toplevel"], in: directory,
                                 failure: "--changed-since: \(directory) is not in a git repository")
        return LocalChartTree().realPath(GoStrings.trimSpace(String(decoding: output, as: UTF8.self)))
    }

    /// The changes since `revision` of the repository whose top directory is `top`.
    static func since(_ revision: String, top: String, git: Git) throws(LocatedError) -> GitChanges {
        let fetch = "(a CI checkout may lack it: fetch the history, e.g. fetch-depth: 0)"
        _ = try git.run(["rev-parse", "--verify", "--quiet", revision + "^{commit}"], in: top,
                        failure: "--changed-since \(revision): no such revision in \(top) \(fetch)")
        let baseOutput = try git.run(["merge-base", revision, "HEAD"], in: top,
                                     failure: "--changed-since \(revision): \(revision) and HEAD have no common ancestor \(fetch)")
        let base = GoStrings.trimSpace(String(decoding: baseOutput, as: UTF8.self))
        let changed = try git.run(["diff", "--name-only", "-z", "--no-renames", "--no-relative", "--no-ext-diff", base, "--"],
                                  in: top, failure: "--changed-since \(revision): git diff failed")
        let untracked = try git.run(["ls-files", "--others", "--exclude-standard", "-z"], in: top,
                                    failure: "--changed-since \(revision): git ls-files failed")
        let names = (changed + untracked).split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        return GitChanges(top: top, mergeBase: base, paths: Set(names.map { GoPath.join(top, $0) }).sorted(by: goLess))
    }
}

/// Runs `git`.
struct Git {
    let executable: String
    let environment: [String: String]

    /// The `git` of `environment`'s `PATH`.
    init(environment: [String: String]) throws(LocatedError) {
        let directories = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        guard let found = directories.map({ GoPath.join($0, "git") }).first(where: FileManager.default.isExecutableFile) else {
            throw LocatedError(.commandLine, "--changed-since: git: executable file not found in $PATH")
        }
        executable = found
        self.environment = environment
    }

    /// The stdout of `git -C directory arguments…`; when git fails,
    /// `failure` and what git said.
    func run(_ arguments: [String], in directory: String, failure: String) throws(LocatedError) -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-C", directory] + arguments
        process.environment = environment
        let (output, errors) = (Pipe(), Pipe())
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw LocatedError(.commandLine, "\(failure): \(executable): \(error.localizedDescription)")
        }
        // stderr is drained alongside stdout, so neither pipe fills up and stalls git.
        let said = ErrorText()
        let reader = DispatchGroup()
        let errorHandle = errors.fileHandleForReading
        DispatchQueue.global().async(group: reader) { said.text.withLock { $0 = errorHandle.readDataToEndOfFile() } }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        reader.wait()
        process.waitUntilExit()
        guard process.terminationReason == .exit && process.terminationStatus == 0 else {
            let text = GoStrings.trimSpace(String(decoding: said.text.withLock { $0 }, as: UTF8.self))
            throw LocatedError(.commandLine, failure + (text.isEmpty ? "" : ": " + text))
        }
        return [UInt8](data)
    }

    /// What git wrote on stderr.
    private final class ErrorText: Sendable {
        let text = Mutex(Data())
    }
}
