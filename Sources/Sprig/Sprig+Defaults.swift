import GoStd
import GoTemplate
import Values

extension Sprig {
    /// Defaults and flow control (defaults.go).
    static var defaultFamily: FunctionFamily {
        FunctionFamily(
            id: "sprig-defaults", library: "Sprig", title: "Sprig: defaults and flow control",
            intro: "`fail` is Helm's (see below).",
            [
                .init("default", #"`default D x`: D when x is empty (nil, `""`, 0, false, empty list/map); `x | default D`."#,
                      TemplateFunction(goFunc([.any], variadic: .any) { args in
                          let given = args.dropFirst()
                          guard let first = given.first, !CoreConvert.isEmpty(first) else { return args[0] }
                          return first
                      }, branches: FunctionBranches(labels: { _ in ["default used", "value used"] }) { args in
                          args.dropFirst().first.map { CoreConvert.isEmpty($0) ? 1 : 2 } ?? 1
                      })),
                .init("empty", #"Whether the value is empty (nil, `""`, 0, false, empty list/map; `" "` is not empty)."#,
                      goFunc([.any], returns: .bool) { args in .bool(CoreConvert.isEmpty(args[0])) }),
                .init("coalesce", "The first non-empty argument, or nil.",
                      TemplateFunction(goFunc([], variadic: .any) { args in
                          args.first { !CoreConvert.isEmpty($0) } ?? .null
                      }, branches: FunctionBranches(labels: { n in (1...n).map { "argument \($0)" } + ["none"] }) { args in
                          (args.firstIndex { !CoreConvert.isEmpty($0) } ?? args.count) + 1
                      })),
                .init("all", "True when every argument is non-empty.",
                      goFunc([], variadic: .any, returns: .bool) { args in
                          .bool(args.allSatisfy { !CoreConvert.isEmpty($0) })
                      }),
                .init("any", "True when at least one argument is non-empty.",
                      goFunc([], variadic: .any, returns: .bool) { args in
                          .bool(args.contains { !CoreConvert.isEmpty($0) })
                      }),
                .init("ternary", "`ternary T F COND`: T if COND else F; the bool condition comes **last**.",
                      TemplateFunction(goFunc([.any, .any, .bool]) { args in
                          if case .bool(true) = args[2] { return args[0] }
                          return args[1]
                      }, branches: FunctionBranches(labels: { _ in ["true", "false"] }) { args in
                          if case .bool(true) = args[2] { return 1 }
                          return 2
                      })),
                .init("fail", "`fail MSG`: always fails with MSG. Helm's own `fail` replaces it.",
                      goFunc([.string], returns: .string) { args in throw GoError(args[0].str) }),
            ]
        )
    }
}
