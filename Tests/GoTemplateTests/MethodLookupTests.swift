import GoStd
@testable import GoTemplate
import Testing
import Values

/// `method(of:_:)` remembers per type whether it has methods: every lookup,
/// first or remembered, must give what the object's own `method(_:)` gives.
@Suite struct MethodLookupTests {
    /// A second provider type with a method name the table object lacks.
    struct Greeter: GoMethodProvider {
        let greeting: String
        var goTypeName: String { "*main.Greeter" }
        var goFormatted: String { greeting }
        func method(_ name: String) -> TemplateFunction? {
            guard name == "Greet" else { return nil }
            let text = greeting
            return TemplateFunction([], returns: .string) { _, _ in .string(text) }
        }
    }

    /// An object without methods.
    struct Plain: GoObject {
        var goTypeName: String { "main.Plain" }
        var goFormatted: String { "{}" }
    }

    static let cases: [(object: any GoObject, name: String, expected: String?)] = [
        (TableObj(), "Get", "got x"),
        (TableObj(), "Greet", nil),
        (Greeter(greeting: "hi"), "Greet", "hi"),
        (Greeter(greeting: "hello"), "Greet", "hello"),
        (Greeter(greeting: "hi"), "Get", nil),
        (Plain(), "Get", nil),
        (Plain(), "Greet", nil),
    ]

    @Test(arguments: 0..<3)
    func remembersEachTypeApart(round: Int) {
        for (object, name, expected) in Self.cases {
            let label = "\(object.goTypeName).\(name), round \(round)"
            #expect((GoTemplate.method(of: object, name) != nil) == (expected != nil), "\(label)")
            guard let expected else { continue }
            let call = name == "Get" ? "{{ .o.Get \"x\" }}" : "{{ .o.\(name) }}"
            #expect(render(call, data: .map(["o": .object(object)])).0 == expected, "\(label)")
        }
    }

    @Test func templatesCallRememberedMethods() {
        let data: Value = .map(["a": .object(Greeter(greeting: "one")), "b": .object(Greeter(greeting: "two")),
                                "p": .object(Plain())])
        #expect(render("{{ .a.Greet }} {{ .b.Greet }} {{ .a.Greet }}", data: data).0 == "one two one")
        // The map's element is an interface, as Go's text/template names it.
        #expect(render("{{ .p.Greet }}", data: data).1
                    == "template: t:1:5: executing \"t\" at <.p.Greet>: can't evaluate field Greet in type interface {}")
    }
}
