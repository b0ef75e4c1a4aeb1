/// `test`'s everyday command lines read without swift-argument-parser.
///
/// ArgumentParser learns `TestCommand`'s flags by reflecting over it
/// (`Mirror`, twice per parse), and that reflection makes the Swift
/// runtime's first conformance lookups: a tenth of a small chart's run. This
/// scan reads the plain forms — `--name`, `--name value`, `--name=value`,
/// `-x`, `-x value`, chart arguments in any position, `--` — and answers nil
/// for anything else (a repeated single-valued flag, joined short flags, a
/// value that looks like a flag, `--name=` with nothing after it, a number
/// that does not parse, an unknown name), which the full parse then answers
/// with ArgumentParser's own words.
/// `TestParsingTests` checks that it agrees with the full parse and knows
/// every name the command declares.
enum TestArgumentScan {
    /// What one name does to the command.
    enum Action: Sendable {
        /// A flag without a value; the key names what it sets, for catching repeats.
        case flag(key: String, @Sendable (inout TestCommand) -> Void)
        /// A single value; false when the value does not parse (the full parse explains why).
        case value(key: String, @Sendable (inout TestCommand, String) -> Bool)
        /// One more value of a repeatable option.
        case repeated(@Sendable (inout TestCommand, String) -> Void)
    }

    /// Every name of `test`, dashes included (`--file`, `-f`).
    static let actions: [String: Action] = {
        var table: [String: Action] = [:]
        func add(_ names: [String], _ action: Action) {
            for name in names { table[name] = action }
        }
        add(["-f", "--file"], .repeated { $0.file.append($1) })
        add(["-v", "--values"], .repeated { $0.values.append($1) })
        add(["--coverage-include"], .repeated { $0.coverageInclude.append($1) })
        add(["--coverage-exclude"], .repeated { $0.coverageExclude.append($1) })
        add(["--timings"], .repeated { $0.timings.append($1) })

        add(["-u", "--update-snapshot"], .flag(key: "update-snapshot") { $0.updateSnapshot = true })
        add(["-q", "--failfast"], .flag(key: "failfast") { $0.failfast = true })
        add(["--strict"], .flag(key: "strict") { $0.strict = true })
        add(["--color"], .flag(key: "color") { $0.color = true })
        add(["--no-color"], .flag(key: "color") { $0.color = false })
        add(["--with-subchart"], .flag(key: "with-subchart") { $0.withSubchart = true })
        add(["--no-with-subchart"], .flag(key: "with-subchart") { $0.withSubchart = false })
        add(["-s"], .flag(key: "s") { $0.withSubchartShort = true })
        add(["--recursive"], .flag(key: "recursive") { $0.recursive = true })
        add(["--skip-schema-validation"], .flag(key: "skip-schema-validation") { $0.skipSchemaValidation = true })
        add(["-d", "--debug", "--debugPlugin"], .flag(key: "debug") { $0.debug = true })
        add(["--show-kube-carry-over"], .flag(key: "show-kube-carry-over") { $0.showKubeCarryOver = true })
        add(["--coverage"], .flag(key: "coverage") { $0.coverage = true })
        add(["--watch"], .flag(key: "watch") { $0.watch = true })

        func text(_ key: String, _ set: @escaping @Sendable (inout TestCommand, String) -> Void) -> Action {
            .value(key: key) { command, value in
                set(&command, value)
                return true
            }
        }
        func number(_ key: String, _ set: @escaping @Sendable (inout TestCommand, Int) -> Void) -> Action {
            .value(key: key) { command, value in
                guard let number = Int(value) else { return false }
                set(&command, number)
                return true
            }
        }
        add(["-t", "--output-type"], text("output-type") { $0.outputType = $1 })
        add(["-o", "--output-file"], text("output-file") { $0.outputFile = $1 })
        add(["--chart-tests-path"], text("chart-tests-path") { $0.chartTestsPath = $1 })
        add(["--changed-since"], text("changed-since") { $0.changedSince = $1 })
        add(["--coverage-format"], text("coverage-format") { $0.coverageFormat = $1 })
        add(["--coverage-dir"], text("coverage-dir") { $0.coverageDir = $1 })
        add(["--coverage-threshold"], text("coverage-threshold") { $0.coverageThreshold = $1 })
        add(["--annotations"], text("annotations") { $0.annotations = $1 })
        add(["--annotations-file"], text("annotations-file") { $0.annotationsFile = $1 })
        add(["--summary-json"], text("summary-json") { $0.summaryJSON = $1 })
        add(["--shard"], text("shard") { $0.shard = $1 })
        add(["--record-timings"], text("record-timings") { $0.recordTimings = $1 })
        add(["-j", "--jobs"], number("jobs") { $0.jobs = $1 })
        add(["--helm-version"], number("helm-version") { $0.helmVersion = $1 })
        return table
    }()

    /// The command `arguments` (after `test`) give, validated; nil when the
    /// full parse must answer them.
    static func command(_ arguments: ArraySlice<String>) -> TestCommand? {
        var command = TestCommand.unparsed()
        var seen: Set<String> = []
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            index += 1
            if argument == "--" {
                command.charts += arguments[index...]
                break
            }
            guard argument.hasPrefix("-"), argument != "-" else {
                command.charts.append(argument)
                continue
            }
            var name = argument
            var attached: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                attached = String(argument[argument.index(after: equals)...])
                // ArgumentParser reads `--name=` as a missing value.
                if attached == "" { return nil }
            }
            guard let action = actions[name] else { return nil }
            switch action {
            case .flag(let key, let set):
                guard attached == nil, seen.insert(key).inserted else { return nil }
                set(&command)
            case .value(let key, let set):
                guard seen.insert(key).inserted, let value = attached ?? nextValue(arguments, &index),
                      set(&command, value) else { return nil }
            case .repeated(let append):
                guard let value = attached ?? nextValue(arguments, &index) else { return nil }
                append(&command, value)
            }
        }
        do {
            try command.validate()
        } catch {
            return nil
        }
        return command
    }

    /// The argument after a flag as its value, when it does not look like a flag.
    private static func nextValue(_ arguments: ArraySlice<String>, _ index: inout Int) -> String? {
        guard index < arguments.endIndex, !arguments[index].hasPrefix("-") else { return nil }
        defer { index += 1 }
        return arguments[index]
    }
}

extension TestCommand {
    /// The command with every property at its declared default, as a parse
    /// of no flags leaves it (ArgumentParser's wrappers hold no value until
    /// they are parsed or set).
    static func unparsed() -> TestCommand {
        var command = TestCommand()
        command.file = []
        command.values = []
        command.updateSnapshot = false
        command.outputType = defaultOutputType
        command.outputFile = ""
        command.failfast = false
        command.strict = false
        command.color = nil
        command.withSubchart = true
        command.withSubchartShort = false
        command.chartTestsPath = ""
        command.recursive = false
        command.changedSince = nil
        command.skipSchemaValidation = false
        command.debug = false
        command.jobs = nil
        command.helmVersion = nil
        command.showKubeCarryOver = false
        command.coverage = false
        command.coverageFormat = nil
        command.coverageDir = nil
        command.coverageThreshold = nil
        command.coverageInclude = []
        command.coverageExclude = []
        command.annotations = nil
        command.annotationsFile = nil
        command.summaryJSON = nil
        command.shard = nil
        command.timings = []
        command.recordTimings = nil
        command.watch = false
        command.charts = []
        return command
    }
}
