import UnitTest

/// Coverage as a static HTML site: `index.html` (the summary, a table of
/// charts and files with bars and percentages, each file linking to its
/// page) and one page per file (the source with line numbers and hit
/// counts, covered lines green, uncovered lines red, untaken branch arms
/// marked on their line with the arm's label, the file's defines with their
/// hit counts and callers). Every page is self-contained: inline CSS, no
/// script, no external resource. All text from the model is HTML-escaped.
public struct CoverageHTMLReport: Sendable {
    /// The heading of every page.
    public var title: String
    public var watermarks: CoverageWatermarks

    public init(title: String = "Template coverage", watermarks: CoverageWatermarks = CoverageWatermarks()) {
        self.title = title
        self.watermarks = watermarks
    }

    /// The site's files by path relative to the report directory:
    /// `index.html` and ``pagePath(_:index:)`` for each file.
    public func render(_ coverage: RunCoverage) -> [String: String] {
        let paths = coverage.files.enumerated().map { Self.pagePath($1, index: $0) }
        var pages = ["index.html": index(coverage, paths: paths)]
        var pageOfName: [String: String] = [:]
        for (file, path) in zip(coverage.files, paths) where pageOfName[file.name] == nil { pageOfName[file.name] = path }
        for (file, path) in zip(coverage.files, paths) {
            pages[path] = page(file, pageOfName: pageOfName)
        }
        return pages
    }

    /// The page of the `index`th file (from 0): `files/<n>-<name inside the chart>.html`,
    /// the name reduced to letters, digits, `.`, `_` and `-`.
    public static func pagePath(_ file: FileCoverage, index: Int) -> String {
        let slug = CoverageText.relativeName(file).unicodeScalars.map { scalar -> String in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", ".", "_", "-": String(scalar)
            default: "-"
            }
        }.joined()
        return "files/\(index + 1)-\(slug).html"
    }

    // MARK: - Index

    func index(_ coverage: RunCoverage, paths: [String]) -> String {
        var rows = ""
        var position = 0
        for chart in CoverageText.charts(coverage) {
            rows += row(kind: "chart", name: Self.escape(chart.path), totals: chart.totals)
            for file in chart.files {
                var name = "<a href=\"\(Self.escape(paths[position]))\">\(Self.escape(CoverageText.relativeName(file)))</a>"
                if !file.selected { name += Self.unselectedTag }
                rows += row(kind: "file", name: name, totals: file.totals)
                position += 1
            }
        }
        rows += row(kind: "total", name: "All files", totals: coverage.totals)
        let body = """
        \(summary(coverage.totals))
        <h2>Files</h2>
        <div class="panel">
        <table class="grid files">
        <thead><tr><th>File</th><th></th><th class="num">Lines</th><th></th>\
        <th class="num">Branches</th><th></th><th class="num">Defines</th><th></th></tr></thead>
        <tbody>
        \(rows)</tbody>
        </table>
        </div>
        """
        return document(title: title, crumbs: "All files", heading: Self.escape(title), body: body)
    }

    func row(kind: String, name: String, totals: CoverageTotals) -> String {
        var cells = "<td class=\"name\">\(name)</td>"
        for metric in CoverageMetric.allCases {
            let (found, hit) = totals.counts(metric)
            let level = watermarks.level(hit, of: found).rawValue
            if metric == .lines { cells += "<td class=\"barcell \(level)\">\(bar(hit, of: found))</td>" }
            cells += "<td class=\"num pct \(level)\">\(CoverageText.percent(hit, of: found))%</td>"
            cells += "<td class=\"num count\">\(hit)/\(found)</td>"
        }
        return "<tr class=\"\(kind)\">\(cells)</tr>\n"
    }

    func bar(_ hit: Int, of found: Int) -> String {
        "<div class=\"bar\"><span style=\"width: \(CoverageText.percent(hit, of: found))%\"></span></div>"
    }

    func summary(_ totals: CoverageTotals) -> String {
        let cards = CoverageMetric.allCases.map { metric in
            let (found, hit) = totals.counts(metric)
            return """
            <div class="metric \(watermarks.level(hit, of: found).rawValue)"><div class="label">\(metric.rawValue)</div>\
            <div class="value"><span class="pct">\(CoverageText.percent(hit, of: found))%</span>\
            <span class="count">\(hit) / \(found)</span></div>\(bar(hit, of: found))</div>
            """
        }
        return "<section class=\"summary\">\n" + cards.joined(separator: "\n") + "\n</section>"
    }

    static let unselectedTag = "<span class=\"tag\" title=\"No suite selects this file\">not selected</span>"

    // MARK: - File pages

    func page(_ file: FileCoverage, pageOfName: [String: String]) -> String {
        let relative = CoverageText.relativeName(file)
        var body = summary(file.totals) + "\n"
        if !file.defines.isEmpty { body += defines(file, pageOfName: pageOfName) }
        body += """
        <h2>Source <span class="mono count">\(Self.escape(file.sourcePath))</span></h2>
        <div class="legend"><span><span class="swatch hit"></span>covered</span>\
        <span><span class="swatch partial"></span>covered, a branch arm never taken</span>\
        <span><span class="swatch miss"></span>not covered</span>\
        <span><span class="swatch plain"></span>not coverable</span>\
        <span><span class="arm">arm</span> branch arm never taken</span></div>
        <div class="panel source">
        <table class="code mono">
        \(sourceRows(file))</table>
        </div>
        """
        var heading = Self.escape(relative)
        if !file.selected { heading += Self.unselectedTag }
        let crumbs = "<a href=\"../index.html\">All files</a> / \(Self.escape(file.chartPath)) / \(Self.escape(relative))"
        return document(title: relative + " — " + title, crumbs: crumbs, heading: heading, body: body)
    }

    func defines(_ file: FileCoverage, pageOfName: [String: String]) -> String {
        var rows = ""
        for define in file.defines {
            let callers = define.callers.map { caller -> String in
                guard let page = pageOfName[caller] else { return Self.escape(caller) }
                let target = page.hasPrefix("files/") ? String(page.dropFirst("files/".count)) : "../" + page
                return "<a href=\"\(Self.escape(target))\">\(Self.escape(caller))</a>"
            }
            let level = define.hits > 0 ? "high" : "low"
            rows += "<tr><td class=\"name mono\"><a href=\"#L\(define.line)\">\(Self.escape(define.name))</a></td>"
                + "<td class=\"num\">\(define.line)</td><td class=\"num pct \(level)\">\(define.hits)</td>"
                + "<td class=\"mono\">\(callers.isEmpty ? "—" : callers.joined(separator: "<br>"))</td></tr>\n"
        }
        return """
        <h2>Defines</h2>
        <div class="panel">
        <table class="grid defines">
        <thead><tr><th>Define</th><th class="num">Line</th><th class="num">Hits</th><th>Called from</th></tr></thead>
        <tbody>
        \(rows)</tbody>
        </table>
        </div>

        """
    }

    func sourceRows(_ file: FileCoverage) -> String {
        // Split on scalars: a `Character` "\r\n" is not "\n".
        var sourceLines = file.source.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String(String.UnicodeScalarView($0)) }
        if file.source.unicodeScalars.last == "\n" { sourceLines.removeLast() }
        var hits: [Int: Int] = [:]
        for line in file.lines { hits[line.line, default: 0] += line.hits }
        var untaken: [Int: [BranchArm]] = [:]
        for arm in file.branches where arm.hits == 0 { untaken[arm.line, default: []].append(arm) }
        let lastLine = max(sourceLines.count, file.lines.map(\.line).max() ?? 0, file.branches.map(\.line).max() ?? 0)
        var rows = ""
        rows.reserveCapacity(file.source.utf8.count * 2)
        for number in stride(from: 1, through: lastLine, by: 1) {
            var text = number <= sourceLines.count ? sourceLines[number - 1] : ""
            if text.hasSuffix("\r") { text.removeLast() }
            let kind: String
            let count: String
            switch hits[number] {
            case nil: (kind, count) = ("", "")
            case let n? where n > 0 && untaken[number] != nil: (kind, count) = (" class=\"hit partial\"", "\(n)×")
            case let n? where n > 0: (kind, count) = (" class=\"hit\"", "\(n)×")
            case let n?: (kind, count) = (" class=\"miss\"", "\(n)×")
            }
            var source = Self.escape(text)
            for arm in untaken[number] ?? [] {
                source += "<span class=\"arm\" title=\"branch \(arm.block), arm \(arm.arm): never taken\">"
                    + Self.escape(arm.label) + "</span>"
            }
            rows += "<tr id=\"L\(number)\"\(kind)><td class=\"ln\"><a href=\"#L\(number)\">\(number)</a></td>"
                + "<td class=\"hits\">\(count)</td><td class=\"src\">\(source)</td></tr>\n"
        }
        return rows
    }

    // MARK: - Pages

    func document(title: String, crumbs: String, heading: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(Self.escape(title))</title>
        <style>
        \(CoverageHTMLStyle.css)
        </style>
        </head>
        <body>
        <header class="top">
        <h1>\(heading)</h1>
        <div class="crumbs">\(crumbs)</div>
        </header>
        <main>
        \(body)
        <footer>Generated by chartunit. Lines: template lines that ran; branches: arms of if, with, range, \
        and, or, default, ternary and coalesce; defines: define and block templates executed.</footer>
        </main>
        </body>
        </html>

        """
    }

    /// `&`, `<`, `>`, `"` and `'` as character references.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }
}
