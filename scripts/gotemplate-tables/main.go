package main

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"text/template"
	"text/template/parse"
)

type Row struct {
	Name   string  `json:"name"`
	Text   string  `json:"text"`
	Output *string `json:"output,omitempty"`
	Error  *string `json:"error,omitempty"`
}

// Obj is a struct with methods, as Helm's .Files and .Capabilities are.
type Obj struct{ Name string }

func (o *Obj) Get(s string) string             { return "got " + s }
func (o *Obj) Pair(a int, b string) string     { return fmt.Sprint(b, a) }
func (o *Obj) Fail() (string, error)           { return "", fmt.Errorf("failed") }
func (o *Obj) Join(sep string, xs ...any) string { return fmt.Sprint(sep, xs) }

func data() map[string]any {
	return map[string]any{
		"obj": &Obj{Name: "n"},
		"i": 3, "i64": int64(-5), "u8": uint8(7), "f": 1.5, "f3": 3.0, "s": "hello", "b": true, "z": 0,
		"nilv": nil, "l": []any{1, "two", 3.5, nil, true}, "el": []any{},
		"m":  map[string]any{"a": 1, "b": "x", "n": nil, "sub": map[string]any{"k": "v"}},
		"em": map[string]any{},
		"ls": []any{map[string]any{"name": "a"}, map[string]any{"name": "b"}},
		"nested": []any{[]any{1, 2}, []any{3}},
	}
}

func str(s string) *string { return &s }

func main() {
	var rows []Row
	json.NewDecoder(os.Stdin).Decode(&rows)
	mode := os.Args[1]
	funcs := map[string]any{}
	for _, n := range []string{"and", "call", "html", "index", "slice", "js", "len", "not", "or", "print", "printf", "println", "urlquery", "eq", "ge", "gt", "le", "lt", "ne", "echo"} {
		funcs[n] = fmt.Sprint
	}
	for i := range rows {
		r := &rows[i]
		switch mode {
		case "parse":
			trees, err := parse.Parse("t", r.Text, "", "", funcs)
			if err != nil {
				r.Error = str(err.Error())
				continue
			}
			var names []string
			for n := range trees { names = append(names, n) }
			sort.Strings(names)
			var b strings.Builder
			for _, n := range names {
				fmt.Fprintf(&b, "%s=%s\n", n, trees[n].Root.String())
			}
			r.Output = str(b.String())
		case "exec", "execzero":
			t := template.New("gotpl").Funcs(template.FuncMap{"echo": func(a any) any { return a }})
			if mode == "execzero" { t.Option("missingkey=zero") }
			_, err := t.New("t").Parse(r.Text)
			if err != nil {
				r.Error = str(err.Error())
				continue
			}
			var b strings.Builder
			err = t.ExecuteTemplate(&b, "t", data())
			if err != nil {
				r.Error = str(err.Error())
			} else {
				r.Output = str(b.String())
			}
		}
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", " ")
	enc.SetEscapeHTML(false)
	enc.Encode(rows)
}
