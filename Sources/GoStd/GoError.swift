/// A Go error value without a source position (`errors.New`,
/// `fmt.Errorf` without `%w`): what function bodies throw; the template
/// executor gives it a location when it wraps it.
public struct GoError: Error, Sendable, CustomStringConvertible {
    /// The error text.
    public var message: String
    /// An error with `message` as its text.
    public init(_ message: String) { self.message = message }
    /// The error text.
    public var description: String { message }
}

/// An error that wraps another, like a Go error with `Unwrap()`. The Helm
/// layer walks these chains to rewrite execution errors.
public protocol WrappingError: Error, CustomStringConvertible {
    /// The wrapped error, if any.
    var underlying: (any Error)? { get }
}

/// Go's `err.Error()`: the error's description (every error here carries
/// its Go text as its description).
public func goErrorText(_ error: any Error) -> String {
    String(describing: error)
}
