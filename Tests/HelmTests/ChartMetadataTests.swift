@testable import Helm
import Testing

/// `ChartMetadata` keeps its fields in a shared copy-on-write box: a copy
/// must behave as an independent value whichever side changes, through
/// plain assignment and through in-place changes of nested fields.
@Suite struct ChartMetadataTests {
    nonisolated(unsafe) static let stringFields: [(name: String, path: WritableKeyPath<ChartMetadata, String>)] = [
        ("name", \.name), ("home", \.home), ("version", \.version), ("description", \.description),
        ("icon", \.icon), ("apiVersion", \.apiVersion), ("condition", \.condition), ("tags", \.tags),
        ("appVersion", \.appVersion), ("kubeVersion", \.kubeVersion), ("type", \.type),
    ]

    static func sample() -> ChartMetadata {
        var md = ChartMetadata()
        for (name, path) in stringFields { md[keyPath: path] = "old-" + name }
        md.sources = ["s"]
        md.keywords = ["k"]
        md.maintainers = [ChartMaintainer(name: "m"), nil]
        md.deprecated = false
        md.annotations = ["a": "1"]
        md.dependencies = [ChartDependency(name: "d", version: "1.0.0"), nil]
        return md
    }

    @Test(arguments: stringFields.indices)
    func stringFieldChangesStayOnTheirSide(index: Int) {
        let (name, path) = Self.stringFields[index]
        let original = Self.sample()
        var copy = original
        copy[keyPath: path] = "new"
        #expect(original[keyPath: path] == "old-" + name)
        #expect(copy[keyPath: path] == "new")
        var second = copy
        second[keyPath: path] += "er"
        #expect(copy[keyPath: path] == "new")
        #expect(second[keyPath: path] == "newer")
        for (other, otherPath) in Self.stringFields where other != name {
            #expect(second[keyPath: otherPath] == "old-" + other)
        }
    }

    @Test func nestedChangesInPlaceStayOnTheirSide() {
        let original = Self.sample()
        var copy = original
        copy.dependencies?[0]?.enabled = true
        copy.dependencies?[0]?.name = "alias"
        copy.maintainers?[0]?.email = "e"
        copy.annotations?["b"] = "2"
        copy.sources?.append("t")
        copy.keywords = nil
        copy.deprecated = true
        #expect(original.dependencies?[0]?.enabled == false)
        #expect(original.dependencies?[0]?.name == "d")
        #expect(original.maintainers?[0]?.email == "")
        #expect(original.annotations == ["a": "1"])
        #expect(original.sources == ["s"])
        #expect(original.keywords == ["k"])
        #expect(original.deprecated == false)
        #expect(copy.dependencies?[0]?.enabled == true)
        #expect(copy.dependencies?[0]?.name == "alias")
        #expect(copy.dependencies?.count == 2 && copy.dependencies?[1] == nil)
        #expect(copy.maintainers?[0]?.email == "e")
        #expect(copy.annotations == ["a": "1", "b": "2"])
        #expect(copy.sources == ["s", "t"])
        #expect(copy.keywords == nil)
        #expect(copy.deprecated == true)
    }

    @Test func changingTheOriginalLeavesTheCopy() {
        var original = Self.sample()
        let copy = original
        original.name = "changed"
        original.dependencies?[0]?.version = "2.0.0"
        #expect(copy.name == "old-name")
        #expect(copy.dependencies?[0]?.version == "1.0.0")
        #expect(original.dependencies?[0]?.version == "2.0.0")
    }
}
