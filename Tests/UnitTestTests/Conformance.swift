import Foundation

/// The helm-unittest conformance data in ../shared (tests skip their loops when absent).
enum Conformance {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/conformance/helm-unittest")

    static var available: Bool { FileManager.default.fileExists(atPath: root.path) }

    /// Every file under the conformance root whose name ends in `suffix`, sorted.
    static func files(suffix: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var out: [String] = []
        while let next = walker.nextObject() as? String {
            if next.hasSuffix(suffix) { out.append(root.appendingPathComponent(next).path) }
        }
        return out.sorted()
    }
}
