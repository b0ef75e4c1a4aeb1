import GoTemplate
import Testing
import Values

/// Arrays of tables from TOML are `[]map[string]interface{}` in Go; templates
/// range over them and take their length like any slice (outputs from real Helm).
@Suite struct GoMapSliceTests {
    @Test func rangeAndLen() throws {
        // What `fromToml "[[a]]\nx=1\n[[a]]\n"` gives.
        let doc = GoMap(["a": .object(GoMapSlice([GoMap(["x": .int(1, .int64)]), GoMap()]))])
        let (out, err) = render("{{ range .a }}[{{.}}]{{end}} {{ len .a }} {{ range $i, $m := .a }}{{ $i }}{{ end }}",
                                data: .map(doc))
        #expect(err == nil)
        #expect(out == "[map[x:1]][map[]] 2 01")
    }
}
