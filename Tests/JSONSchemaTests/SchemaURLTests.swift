import Testing
@testable import JSONSchema

/// URL and JSON-pointer handling as the library does it with Go's net/url:
/// schemes by Go's `getScheme` (ASCII only), RFC 3986 reference
/// resolution, fragment percent-encoding byte by byte.
@Suite struct SchemaURLTests {
    @Test(arguments: [
        ("http://x.io/s.json", true), ("urn:x", true), ("a1+.-:b", true), ("1a:b", false), (":x", false),
        ("a_b:c", false), ("éa:b", false), ("aé:b", false), ("no-colon", false), ("./rel:x", false),
    ] as [(String, Bool)])
    func schemes(_ url: String, _ hasScheme: Bool) {
        #expect(SchemaURL.hasScheme(url) == hasScheme)
    }

    @Test(arguments: [
        ("http://x.io/a/b.json", "c.json", "http://x.io/a/c.json", ""),
        ("http://x.io/a/b.json", "#/defs/x", "http://x.io/a/b.json", "/defs/x"),
        ("http://x.io/a/b.json#/old", "../c.json#frag", "http://x.io/c.json", "frag"),
        ("http://x.io/a/b.json", "/root.json", "http://x.io/root.json", ""),
        ("http://x.io/a/b.json", "urn:example:x", "urn:example:x", ""),
        ("file:///tmp/s.json", "//host/p.json", "file://host/p.json", ""),
        ("http://x.io/a/b.json", "#/properties/a%20b", "http://x.io/a/b.json", "/properties/a b"),
    ] as [(String, String, String, String)])
    func references(_ base: String, _ ref: String, _ url: String, _ fragment: String) throws {
        let joined = try SchemaURL.join(base, ref).get()
        #expect(joined.url == url)
        #expect(joined.fragment == fragment)
    }

    @Test(arguments: [
        ("", ""), ("/properties/name", "/properties/name"), ("/properties/a b", "/properties/a%20b"),
        ("/$defs/x~1y", "/$defs/x~1y"), ("/é", "/%C3%A9"), ("/a#b?c", "/a%23b%3Fc"), ("/-_.~$&+:=@", "/-_.~$&+:=@"),
    ] as [(String, String)])
    func fragments(_ pointer: String, _ encoded: String) {
        #expect(SchemaURL.encodeFragment(pointer) == encoded)
    }

    @Test(arguments: [("a~1b~0c", "a/b~c"), ("plain", "plain"), ("a~2", nil), ("a~", nil)] as [(String, String?)])
    func pointerTokens(_ token: String, _ unescaped: String?) {
        #expect(SchemaURL.unescape(token) == unescaped)
        if let unescaped { #expect(SchemaURL.escape(unescaped) == token) }
    }
}
