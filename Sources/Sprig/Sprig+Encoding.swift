import GoStd
import GoTemplate
import Values

extension Sprig {
    /// Base64, base32 (strings.go, crypto.go) and JSON (defaults.go).
    static var encodingFamily: FunctionFamily {
        FunctionFamily(
            id: "sprig-encoding", library: "Sprig", title: "Sprig: encoding",
            intro: "`toJson`, `fromJson` and `mustToJson` are Helm's (see below).",
            [
                .init("b64enc", "Base64 (standard, padded) of a string.",
                      bytesToString { GoString(GoBaseEncoding.base64Encode($0)) }),
                .init("b64dec", "Decodes base64; invalid input returns the **error text** as the value instead of failing.",
                      bytesToString { s in
                          do { return GoString(bytes: try GoBaseEncoding.base64Decode(GoString(bytes: s).text).bytes) } catch { return GoString("\(error)") }
                      }),
                .init("b32enc", "Base32 (standard, padded) of a string.",
                      bytesToString { GoString(GoBaseEncoding.base32Encode($0)) }),
                .init("b32dec", "Decodes base32; invalid input returns the error text as the value.",
                      bytesToString { s in
                          do { return GoString(bytes: try GoBaseEncoding.base32Decode(GoString(bytes: s).text)) } catch { return GoString("\(error)") }
                      }),
                .init("toPrettyJson", #"JSON with two-space indentation (HTML characters escaped); `""` on error."#,
                      goFunc([.any], returns: .string) { args in
                          .string((try? GoJSON.encode(args[0], indent: "  ")) ?? "")
                      }),
                .init("mustToPrettyJson", "Error-returning `toPrettyJson`.",
                      goFunc([.any], returns: .string) { args in
                          .string(try GoJSON.encode(args[0], indent: "  "))
                      }),
                .init("toRawJson", #"JSON without HTML escaping (`<` stays `<`); `""` on error."#,
                      goFunc([.any], returns: .string) { args in
                          .string(try GoJSON.encode(args[0], escapeHTML: false))
                      }),
                .init("mustToRawJson", "Error-returning `toRawJson`.",
                      goFunc([.any], returns: .string) { args in
                          .string(try GoJSON.encode(args[0], escapeHTML: false))
                      }),
                .init("mustFromJson", "Sprig's JSON decoder into `interface{}`: an error for invalid JSON (Helm's `fromJson` returns an `Error` map instead).",
                      goFunc([.string]) { args in try GoJSON.decode(args[0].str) }),
                .init("toJson", #"`encoding/json`: compact, HTML characters escaped; `""` on error. Helm's own `toJson` replaces it."#,
                      goFunc([.any], returns: .string) { args in
                          .string((try? GoJSON.encode(args[0])) ?? "")
                      }),
                .init("mustToJson", "Like `toJson` but a marshalling error is an error. Helm 4's own `mustToJson` replaces it; under Helm 3 this one is registered.",
                      goFunc([.any], returns: .string) { args in .string(try GoJSON.encode(args[0])) }),
                .init("fromJson", "Parses JSON into any value; nil when it does not parse. Helm's own `fromJson` replaces it.",
                      goFunc([.string]) { args in (try? GoJSON.decode(args[0].str)) ?? .null }),
            ]
        )
    }
}
