import GoTemplate
import Testing
import Values

/// Arrays of tables from TOML are `[]map[string]interface{}` in Go; templates
/// range over them and take their length like any slice (outputs from real Helm).
@Suite struct GoMapSliceTests {
    @Test func rangeAndLen() throws {
        let doc = try GoTOML.decode("[[a]]\nx=1\n[[a]]\n")
        let (out, err) = render("{{ range .a }}[{{.}}]{{end}} {{ len .a }} {{ range $i, $m := .a }}{{ $i }}{{ end }}",
                                data: .map(doc))
        #expect(err == nil)
        #expect(out == "[map[x:1]][map[]] 2 01")
    }
}
