import GoTemplate

extension Sprig {
    /// The text part of the library (see docs/functions.md).
    static var textFunctions: [String: TemplateFunction] { [:] }
}
