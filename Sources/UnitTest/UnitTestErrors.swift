import Diagnostics

extension ErrorKind {
    /// A suite file that does not decode or validate: helm-unittest's
    /// texts (`yaml: unmarshal errors:…`, `no tests found`, ``Assertion type
    /// `x` is invalid``…), located in the suite file.
    public static let suiteFile = ErrorKind("unittest.suite")
    /// A job's values (values files, `set:`) that cannot be read or built.
    public static let jobValues = ErrorKind("unittest.values")
    /// Rendered output that does not decode into the documents assertions read.
    public static let manifest = ErrorKind("unittest.manifest")
    /// A `postRenderer` command that cannot be found or fails.
    public static let postRender = ErrorKind("unittest.postRender")
    /// A snapshot file that cannot be read or written.
    public static let snapshotFile = ErrorKind("unittest.snapshot")
    /// A file the runner cannot read or write (`-d` output, a tests chart).
    public static let fileAccess = ErrorKind("unittest.file")
    /// A `documentIndex` outside the documents of a template.
    public static let documentIndex = ErrorKind("unittest.documentIndex")
    /// A release name Helm rejects (`invalid release name, must match regex …`).
    public static let releaseName = ErrorKind("unittest.releaseName")
}
