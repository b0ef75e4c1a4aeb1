/// The Helm generation whose behaviour chartunit reproduces.
///
/// `chartunit render` follows Helm 4 (what `helm template` does today);
/// `chartunit test` follows Helm 3.20, which helm-unittest embeds. Every
/// place where the two differ switches on this value (REFERENCE §10).
public enum HelmVersion: Sendable, Hashable {
    /// Helm v3.20.2, as embedded in helm-unittest.
    case v3
    /// Helm v4.2.3, the reference `helm template`.
    case v4

    /// The Go package name of the chart types in error messages
    /// (`chart.Metadata` in Helm 3, `v2.Metadata` in Helm 4).
    var chartPackage: String {
        switch self {
        case .v3: return "chart"
        case .v4: return "v2"
        }
    }

    /// Whether `values.yaml` is read as a stream whose documents are merged
    /// (Helm 4's `LoadValues`) rather than as its first document only.
    var readsEveryValuesDocument: Bool { self == .v4 }

    /// Whether coalescing drops `null`s that come from chart defaults
    /// (Helm 4's `cleanNilValues`).
    var dropsDefaultNulls: Bool { self == .v4 }
}
