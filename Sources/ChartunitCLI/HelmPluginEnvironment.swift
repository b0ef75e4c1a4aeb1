import Diagnostics
import Foundation
import GoStd
import Helm

extension ErrorKind {
    /// The Helm that runs chartunit as its plugin cannot tell its version.
    static let helmPlugin = ErrorKind("cli.helmPlugin")
}

/// What chartunit learns from the environment Helm gives a plugin: Helm 3
/// and Helm 4 both set `HELM_BIN` (the Helm executable as it was invoked)
/// and `HELM_PLUGIN_DIR`/`HELM_PLUGIN_NAME` before running `helm chartunit …`.
enum HelmPluginEnvironment {
    /// The Helm semantics `chartunit test` renders with: `explicit` (the
    /// `--helm-version` flag) when given; else, run as a Helm plugin, the
    /// major version of that Helm (`$HELM_BIN version --template '{{.Version}}'`);
    /// else Helm 3, helm-unittest's. A Helm whose version cannot be read, or
    /// that is neither 3 nor 4, is an error that asks for the flag.
    static func helmVersion(explicit: Int?, environment: [String: String]) throws(LocatedError) -> HelmVersion {
        let major: Int
        if let explicit {
            major = explicit
        } else if let helm = invokingHelm(environment) {
            major = try majorVersion(ofHelm: helm, environment: environment)
        } else {
            major = 3
        }
        return major == 4 ? .v4 : .v3
    }

    /// `HELM_BIN` when chartunit runs as a Helm plugin (`HELM_PLUGIN_DIR` set too).
    static func invokingHelm(_ environment: [String: String]) -> String? {
        guard let helm = environment["HELM_BIN"], !helm.isEmpty,
              let dir = environment["HELM_PLUGIN_DIR"], !dir.isEmpty else { return nil }
        return helm
    }

    /// The major version the Helm at `helm` reports: 3 or 4.
    static func majorVersion(ofHelm helm: String, environment: [String: String]) throws(LocatedError) -> Int {
        func failure(_ reason: String) -> LocatedError {
            LocatedError(.helmPlugin, "cannot tell which Helm runs chartunit: HELM_BIN=\(GoQuote.quote(helm)) \(reason); "
                + "pass --helm-version 3 or 4")
        }
        guard let executable = resolve(helm, searchPath: environment["PATH"] ?? "") else {
            throw failure("is not an executable file")
        }
        let (status, output, errors) = try run(executable, ["version", "--template", "{{.Version}}"], environment: environment,
                                               failure: failure)
        guard status == 0 else {
            let detail = errors.split(separator: "\n").first.map { ": \($0)" } ?? ""
            throw failure("`version` exited with status \(status)\(detail)")
        }
        let version = output.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let major = majorVersion(of: version) else {
            throw failure("`version` printed \(GoQuote.quote(version)), not a version")
        }
        guard major == 3 || major == 4 else {
            throw LocatedError(.helmPlugin, "Helm \(version) runs chartunit, which renders with Helm 3 or Helm 4 semantics: "
                + "pass --helm-version 3 or 4")
        }
        return major
    }

    /// The major number of a Helm version such as `v3.20.2`, if it is one.
    static func majorVersion(of version: String) -> Int? {
        guard version.hasPrefix("v") else { return nil }
        let parts = version.dropFirst().split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2, let major = parts.first, !major.isEmpty,
              major.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(major)
    }

    /// `helm` as Go's `exec.LookPath` finds it: a name with a slash is a
    /// path; a bare name is looked up in `searchPath`.
    private static func resolve(_ helm: String, searchPath: String) -> String? {
        func isExecutableFile(_ path: String) -> Bool {
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
                && FileManager.default.isExecutableFile(atPath: path)
        }
        if helm.contains("/") { return isExecutableFile(helm) ? helm : nil }
        for dir in searchPath.split(separator: ":", omittingEmptySubsequences: false) {
            let candidate = (dir.isEmpty ? "." : String(dir)) + "/" + helm
            if isExecutableFile(candidate) { return candidate }
        }
        return nil
    }

    /// Runs `executable` with this environment and no input; its exit
    /// status, stdout and stderr (stderr goes through a scratch file, so a
    /// long error text cannot fill a pipe while stdout is read).
    private static func run(_ executable: String, _ arguments: [String], environment: [String: String],
                            failure: (String) -> LocatedError) throws(LocatedError) -> (Int32, String, String) {
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("chartunit-helm-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        let stdout = Pipe()
        process.standardOutput = stdout
        let output: Data
        do {
            guard FileManager.default.createFile(atPath: errorFile.path, contents: nil) else {
                throw CocoaError(.fileWriteUnknown)
            }
            let stderr = try FileHandle(forWritingTo: errorFile)
            defer { try? stderr.close() }
            process.standardError = stderr
            try process.run()
            output = stdout.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
        } catch {
            throw failure("cannot be run (\(error.localizedDescription))")
        }
        let errors = (try? Data(contentsOf: errorFile)) ?? Data()
        let status = process.terminationReason == .exit ? process.terminationStatus : 128 + process.terminationStatus
        return (status, String(decoding: output, as: UTF8.self), String(decoding: errors, as: UTF8.self))
    }
}
