import GoStd

/// A Go `time.Time` as a template value.
extension GoTime: GoObject {
    public var goTypeName: String { "time.Time" }

    /// `time.Time` has a `String` method (``goFormatted``) and a `GoString`
    /// method (`time.Date(2021, time.January, 1, 0, 0, 0, 0, time.UTC)`).
    public var goFmtForm: GoFmtForm { .stringer(goFormatted, goSyntax: goSyntax) }
}
