import Diagnostics
import GoStd
import GoTemplate
import Values

extension HelmEngine {
    /// Parses every template of `chart` and its enabled subcharts, in
    /// Helm's parse order, into a fresh template set: nothing is cached or
    /// executed. Returns how many files were parsed. For timing the parser
    /// (`make bench`); rendering parses once per engine on its own.
    public func parseAll(_ chart: ProcessedChart) throws(LocatedError) -> Int {
        var texts: [String: String] = [:]
        for sub in chart.allCharts {
            let isLibrary = sub.chart.metadata.type == "library"
            for template in sub.chart.templates {
                if isLibrary && !GoPath.baseHasPrefix(template.name, "_") { continue }
                texts[sub.path + "/" + template.name] = template.text
            }
        }
        let names = Self.parseOrder(Array(texts.keys))
        var set = newTemplateSet()
        for name in names {
            do {
                try set.parse(texts[name] ?? "", name: name)
            } catch {
                throw HelmEngineErrors.cleanupParseError(name, error)
            }
        }
        return names.count
    }
}
