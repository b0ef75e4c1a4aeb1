import Diagnostics
import Testing

/// Expects `body` to throw a ``LocatedError`` whose message is `message`
/// (and whose kind is `kind`, when given); records an issue otherwise.
public func expectError(_ message: String, kind: ErrorKind? = nil,
                        sourceLocation: Testing.SourceLocation = #_sourceLocation, _ body: () throws -> Void) {
    do {
        try body()
        Issue.record("expected the error \(message.debugDescription); nothing was thrown", sourceLocation: sourceLocation)
    } catch let error as LocatedError {
        #expect(error.message == message, sourceLocation: sourceLocation)
        if let kind { #expect(error.kind == kind, sourceLocation: sourceLocation) }
    } catch {
        Issue.record("expected a LocatedError, got \(error)", sourceLocation: sourceLocation)
    }
}
