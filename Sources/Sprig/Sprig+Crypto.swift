import GoTemplate

extension Sprig {
    /// The crypto part of the library (see docs/functions.md).
    static var cryptoFunctions: [String: TemplateFunction] { [:] }
}
