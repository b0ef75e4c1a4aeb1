import GoTemplate

extension Sprig {
    /// The core part of the library (see docs/functions.md).
    static var coreFunctions: [String: TemplateFunction] { [:] }
}
