import Foundation

/// Locates test data: golden data under `Tests/Fixtures/`, and helm-unittest's
/// charts and suites in `../shared/conformance/helm-unittest` beside the checkout.
public enum Fixtures {
    /// The repository root (this file is `Tests/TestSupport/Fixtures.swift`).
    public static let repository: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static let root: URL = repository.appendingPathComponent("Tests/Fixtures")

    public static func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    public static func text(_ path: String) throws -> String {
        try String(contentsOf: url(path), encoding: .utf8)
    }

    /// File names in a fixture folder, sorted.
    public static func files(in folder: String, suffix: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url(folder).path)) ?? []
        return names.filter { $0.hasSuffix(suffix) }.sorted()
    }

    /// helm-unittest's conformance data, `../shared/conformance/helm-unittest`
    /// next to the repository. It may be absent: tests that need it skip then.
    public static let conformance: URL = repository.deletingLastPathComponent()
        .appendingPathComponent("shared/conformance/helm-unittest")

    public static var hasConformance: Bool { FileManager.default.fileExists(atPath: conformance.path) }

    /// Every file under the conformance data whose name ends in `suffix`, as
    /// full paths, sorted (none when the data is absent).
    public static func conformanceFiles(suffix: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: conformance.path) else { return [] }
        var files: [String] = []
        while let next = walker.nextObject() as? String {
            if next.hasSuffix(suffix) { files.append(conformance.appendingPathComponent(next).path) }
        }
        return files.sorted()
    }

    /// A chart path as the golden data records it: `$CONFORMANCE/…` (chart
    /// corpus) and `../shared/conformance/helm-unittest/…` (render corpus) are
    /// in `conformance`; anything else is relative to the repository.
    public static func recordedPath(_ recorded: String) -> URL {
        for prefix in ["$CONFORMANCE", "../shared/conformance/helm-unittest"] where recorded.hasPrefix(prefix) {
            return URL(fileURLWithPath: conformance.path + recorded.dropFirst(prefix.count))
        }
        return repository.appendingPathComponent(recorded).standardized
    }
}
