package main
import ("fmt";"sort";"unicode";"strings")
func main(){
  names := []string{}
  for n := range unicode.Scripts { names = append(names, n) }
  sort.Strings(names)
  var b strings.Builder
  b.WriteString("// Generated from Go's unicode.Scripts (scripts/gen-regexp-scripts.go). Do not edit.\n\n")
  b.WriteString("extension UnicodeTable {\n    /// Script ranges as `lo-hi` hex pairs separated by spaces, by script name.\n    static let scriptData: [String: String] = [\n")
  for _, n := range names {
    t := unicode.Scripts[n]
    var parts []string
    add := func(lo, hi, st uint32) {
      if st == 1 { parts = append(parts, fmt.Sprintf("%x-%x", lo, hi)); return }
      for c := lo; c <= hi; c += st { parts = append(parts, fmt.Sprintf("%x-%x", c, c)) }
    }
    for _, r := range t.R16 { add(uint32(r.Lo), uint32(r.Hi), uint32(r.Stride)) }
    for _, r := range t.R32 { add(r.Lo, r.Hi, r.Stride) }
    b.WriteString(fmt.Sprintf("        %q: \"%s\",\n", n, strings.Join(parts, " ")))
  }
  b.WriteString("    ]\n}\n")
  fmt.Print(b.String())
}
