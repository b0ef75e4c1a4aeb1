import GoStd
import GoTemplate
import Values

extension Sprig {
    /// String functions (strings.go, the `strings` package wrappers in
    /// functions.go, and the case, wrap and abbreviation helpers of
    /// xstrings and goutils). Lengths and slicing count bytes, as Go does.
    static var stringFamily: FunctionFamily {
        FunctionFamily(
            id: "sprig-strings", library: "Sprig", title: "Sprig: strings",
            [
                .init("trim", "Removes leading and trailing whitespace.",
                      goFunc([.string], returns: .string) { args in
                          let s = args[0].gostr
                          return .string(s.trimming(where: GoUnicode.isSpace))
                      }),
                .init("trimAll", "`trimAll CUTSET s`: removes the characters of CUTSET from both ends (cutset first).",
                      goFunc([.string, .string], returns: .string) { args in
                          let (s, cutset) = (args[1].gostr, args[0].gostr)
                          let cut = Set(cutset.runes)
                          return .string(cutset.isEmpty ? s : s.trimming(where: cut.contains))
                      }),
                .alias("trimall", of: "trimAll", "Old spelling of `trimAll`."),
                .init("trimPrefix", "`trimPrefix PREFIX s`: removes one leading PREFIX.",
                      goFunc([.string, .string], returns: .string) { args in
                          .string(args[1].gostr.trimmingPrefix(args[0].gostr))
                      }),
                .init("trimSuffix", "`trimSuffix SUFFIX s`: removes one trailing SUFFIX.",
                      goFunc([.string, .string], returns: .string) { args in
                          .string(args[1].gostr.trimmingSuffix(args[0].gostr))
                      }),
                .init("upper", "Upper-cases the string.",
                      goFunc([.string], returns: .string) { args in .string(GoStrings.toUpper(args[0].str)) }),
                .init("lower", "Lower-cases the string.",
                      goFunc([.string], returns: .string) { args in .string(GoStrings.toLower(args[0].str)) }),
                .init("title", "Go's deprecated `strings.Title`: upper-cases the letter after **any** non-letter (`o'neil` → `O'Neil`), leaves other letters alone.",
                      stringToString(TextStrings.title)),
                .init("untitle", "Lower-cases the first letter of every word.",
                      stringToString(TextStrings.untitle)),
                .init("repeat", "`repeat N s`: s repeated N times.",
                      goFunc([.int, .string], returns: .string) { args in
                          .string(try repeating(args[1].gostr, args[0].intArg))
                      }),
                .init("substr", "`substr START END s`: the bytes `s[START:END]`; a negative START means 0, a negative or too large END means the end; START > END is an error.",
                      goFunc([.int, .int, .string], returns: .string) { args in
                          .string(try TextStrings.substring(Int(args[0].intArg), Int(args[1].intArg), args[2].gostr))
                      }),
                .init("trunc", "`trunc N s`: first N **bytes**; a negative N keeps the last -N bytes.",
                      goFunc([.int, .string], returns: .string) { args in
                          let (c, s) = (Int(args[0].intArg), args[1].gostr)
                          let n = s.count
                          if c < 0 && n + c > 0 { return .string(s.slice((n + c)..<n)) }
                          if c >= 0 && n > c { return .string(s.slice(0..<c)) }
                          return .string(s)
                      }),
                .init("nospace", "Removes all whitespace.",
                      goFunc([.string], returns: .string) { args in .string(TextStrings.deleteWhiteSpace(args[0].gostr)) }),
                .init("abbrev", "`abbrev WIDTH s`: truncates to WIDTH with `...`; WIDTH < 4 returns s unchanged.",
                      TemplateFunction([.int, .string], returns: .string) { a, _ in
                          let width = int(a[0]), s = a[1].gostr
                          return .string(width < 4 ? s : TextStrings.abbreviate(s, offset: 0, maxWidth: width))
                      }),
                .init("abbrevboth", "`abbrevboth LEFT WIDTH s`: abbreviates on both sides (`...5678...`).",
                      TemplateFunction([.int, .int, .string], returns: .string) { a, _ in
                          let left = int(a[0]), right = int(a[1]), s = a[2].gostr
                          if right < 4 || (left > 0 && right < 7) { return .string(s) }
                          return .string(TextStrings.abbreviate(s, offset: left, maxWidth: right))
                      }),
                .init("initials", "First letter of every word (`John Smith` → `JS`).",
                      bytesToString { TextStrings.initials(GoString(bytes: $0)) }),
                .init("swapcase", "Swaps the case of every letter (xstrings `SwapCase`).",
                      stringToString(TextStrings.swapCase)),
                .init("shuffle", "The characters of the string in random order.",
                      stringToString { s in String(String.UnicodeScalarView(s.unicodeScalars.shuffled())) }.readingClockOrRandomness()),
                .init("camelcase", "To PascalCase (`hello_world` → `HelloWorld`, `HTTPServer` → `Httpserver`).",
                      stringToString(TextStrings.pascalCase)),
                .init("snakecase", "To snake_case (`HTTPServerID` → `http_server_id`).",
                      bytesToString { TextStrings.lowerCase(GoString(bytes: $0), connector: "_") }),
                .init("kebabcase", "To kebab-case (`HelloWorld` → `hello-world`).",
                      bytesToString { TextStrings.lowerCase(GoString(bytes: $0), connector: "-") }),
                .init("wrap", "`wrap N s`: wraps at N columns on spaces; long words stay whole.",
                      TemplateFunction([.int, .string], returns: .string) { a, _ in
                          .string(TextStrings.wrap(a[1].gostr, int(a[0]), newline: .empty, wrapLong: false))
                      }),
                .init("wrapWith", "`wrapWith N SEP s`: wraps at N columns with SEP as line break; long words are cut.",
                      TemplateFunction([.int, .string, .string], returns: .string) { a, _ in
                          .string(TextStrings.wrap(a[2].gostr, int(a[0]), newline: a[1].gostr, wrapLong: true))
                      }),
                .init("contains", "`contains SUB s`: whether s contains SUB (argument order: needle first).",
                      goFunc([.string, .string], returns: .bool) { args in
                          .bool(args[1].gostr.firstIndex(of: args[0].gostr) != nil)
                      }),
                .init("hasPrefix", "`hasPrefix P s`: whether s starts with P.",
                      goFunc([.string, .string], returns: .bool) { args in
                          .bool(args[1].gostr.hasPrefix(args[0].gostr))
                      }),
                .init("hasSuffix", "`hasSuffix S s`: whether s ends with S.",
                      goFunc([.string, .string], returns: .bool) { args in
                          .bool(args[1].gostr.hasSuffix(args[0].gostr))
                      }),
                .init("quote", "Each non-nil argument `%v`-formatted and Go-quoted (`%q`), joined by spaces; `quote nil` is empty.",
                      goFunc([], variadic: .any, returns: .string) { args in
                          // One argument (the usual `x | quote`) needs no list.
                          if args.count == 1 { return .string(args[0].isNull ? "" : GoQuote.quote(CoreConvert.strval(args[0]))) }
                          return .string(args.filter { !$0.isNull }.map { GoQuote.quote(CoreConvert.strval($0)) }.joined(separator: " "))
                      }),
                .init("squote", "Each non-nil argument wrapped in single quotes, **no** escaping, joined by spaces.",
                      goFunc([], variadic: .any, returns: .string) { args in
                          .string(GoString.join(args.filter { !$0.isNull }.map { "'" + CoreConvert.formatV($0) + "'" }, separator: " "))
                      }),
                .init("cat", "The non-nil arguments `%v`-formatted and joined by spaces.",
                      goFunc([], variadic: .any, returns: .string) { args in
                          .string(GoString.join(args.filter { !$0.isNull }.map(CoreConvert.formatV), separator: " "))
                      }),
                .init("indent", #"`indent N s`: N spaces before every line, including the empty line after a trailing `\n`."#,
                      goFunc([.int, .string], returns: .string) { args in
                          .string(try indent(args[0].intArg, args[1].gostr))
                      }),
                .init("nindent", "A newline followed by `indent N s`.",
                      goFunc([.int, .string], returns: .string) { args in
                          .string("\n" + (try indent(args[0].intArg, args[1].gostr)))
                      }),
                .init("replace", "`replace OLD NEW s`: replaces every occurrence.",
                      goFunc([.string, .string, .string], returns: .string) { args in
                          .string(args[2].gostr.replacingAll(args[0].gostr, with: args[1].gostr))
                      }),
                .init("plural", "`plural ONE MANY n`: ONE when n is 1, else MANY.",
                      goFunc([.string, .string, .int], returns: .string) { args in
                          args[2].intArg == 1 ? args[0] : args[1]
                      }),
                .init("split", #"`split SEP s`: a **map** `_0`, `_1`… of the parts (`(split "," s)._1`)."#,
                      goFunc([.string, .string], returns: .named("map[string]string")) { args in
                          indexedMap(args[1].gostr.split(args[0].gostr))
                      }),
                .init("splitn", "`splitn SEP N s`: like `split` but at most N parts; the last keeps the rest.",
                      goFunc([.string, .int, .string], returns: .named("map[string]string")) { args in
                          indexedMap(args[2].gostr.split(args[0].gostr, limit: Int(args[1].intArg)))
                      }),
                .init("splitList", "`splitList SEP s`: a list of the parts; an empty SEP splits into characters.",
                      goFunc([.string, .string], returns: .stringList) { args in
                          CoreConvert.stringList(args[1].gostr.split(args[0].gostr))
                      }),
                .init("join", "`join SEP list`: the elements `%v`-formatted and joined; nil elements are dropped, a non-list is a one-element list.",
                      goFunc([.string, .any], returns: .string) { args in
                          .string(GoString.join(CoreConvert.strslice(args[1]), separator: args[0].gostr))
                      }),
                .init("sortAlpha", "The elements as strings, sorted bytewise (`[10 2 A a b]`).",
                      goFunc([.any], returns: .stringList) { args in
                          // A nil `[]string` sorts to itself.
                          if case .list(let items, let type) = args[0], type.element == .string, items.isEmpty { return args[0] }
                          guard CoreConvert.sliceElements(args[0]) != nil else {
                              return CoreConvert.stringList([CoreConvert.strval(args[0])])
                          }
                          return CoreConvert.stringList(CoreConvert.strslice(args[0]).sorted())
                      }),
            ]
        )
    }

    /// Sprig's `indent`: the pad before the text and after every newline.
    static func indent(_ spaces: Int64, _ s: GoString) throws -> GoString {
        let pad = try GoStrings.repeating(" ", spaces)
        return GoString(pad) + s.replacingAll("\n", with: GoString("\n" + pad))
    }

    /// `strings.Repeat`, with its errors.
    static func repeating(_ s: GoString, _ count: Int64) throws -> GoString {
        try GoStrings.checkRepeat(byteCount: s.count, count)
        return s.repeated(Int(count))
    }

    /// `split`'s result: `_0`, `_1`… → parts (a Go `map[string]string`).
    static func indexedMap(_ parts: [GoString]) -> Value {
        let map = GoMap()
        for (i, part) in parts.enumerated() { map["_\(i)"] = .string(part) }
        return .map(map, .strings)
    }
}
