import Foundation
import GoStd

/// What report files stamp besides the results — the clock, the machine, the
/// user — passed in so reports are deterministic in tests.
public struct ReportEnvironment: Sendable, Hashable {
    /// The moment of writing (JUnit `timestamp`, NUnit `date`/`time`, XUnit `run-date`/`run-time`).
    public var now: Date
    /// The zone `now` is shown in (Go formats `time.Now()` in local time).
    public var timeZone: TimeZone
    /// Go's `os.Hostname()` (JUnit `hostname`, NUnit `machine-name`).
    public var hostname: String
    /// Go's `os.Getwd()` (NUnit `cwd`).
    public var workingDirectory: String
    /// Go's `user.Current().Username`; a `DOMAIN\user` form splits into NUnit's `user-domain` and `user`.
    public var userName: String
    /// The locale variable jibber_jabber reads (`LC_ALL`, else `LANG`), e.g. `en_US.UTF-8`.
    public var locale: String
    /// Go's `runtime.Version()` + `.` + `GOOS` + `-` + `GOARCH` (NUnit `platform`, XUnit `environment`).
    public var platform: String

    /// An environment with every field given (tests, or a CLI that gathers them itself).
    public init(now: Date, timeZone: TimeZone, hostname: String, workingDirectory: String = "",
                userName: String = "", locale: String = "", platform: String = ReportEnvironment.defaultPlatform) {
        self.now = now
        self.timeZone = timeZone
        self.hostname = hostname
        self.workingDirectory = workingDirectory
        self.userName = userName
        self.locale = locale
        self.platform = platform
    }

    /// The Go version helm-unittest 1.1 is built with, and this machine's GOOS-GOARCH.
    public static let defaultPlatform: String = {
        #if os(Linux)
        let os = "linux"
        #elseif os(macOS)
        let os = "darwin"
        #elseif os(Windows)
        let os = "windows"
        #else
        let os = "unknown"
        #endif
        #if arch(x86_64)
        let arch = "amd64"
        #elseif arch(arm64)
        let arch = "arm64"
        #else
        let arch = "unknown"
        #endif
        return "go1.26.0.\(os)-\(arch)"
    }()

    // MARK: - Go time layouts, in `timeZone`

    private var fields: DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: now)
    }

    private static func pad(_ value: Int?, _ width: Int) -> String {
        let text = String(value ?? 0)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    /// Go layout `2006-01-02`.
    var date: String {
        let f = fields
        return "\(Self.pad(f.year, 4))-\(Self.pad(f.month, 2))-\(Self.pad(f.day, 2))"
    }

    /// Go layout `15:04:05`.
    var time: String {
        let f = fields
        return "\(Self.pad(f.hour, 2)):\(Self.pad(f.minute, 2)):\(Self.pad(f.second, 2))"
    }

    /// Go layout `2006-01-02T15:04:05`.
    var dateTime: String { date + "T" + time }

    /// NUnit's `(user-domain, user)`: a `DOMAIN\user` name split at its backslash.
    var userDomainAndName: (domain: String, user: String) {
        let parts = GoStrings.split(userName, "\\", limit: -1)
        return parts.count == 2 ? (parts[0], parts[1]) : ("", parts[0])
    }

    /// jibber_jabber's `(DetectLanguage, DetectIETF)`: `en_US.UTF-8` gives `(en, en-US)`; no locale gives empty strings.
    var culture: (language: String, ietf: String) {
        guard !locale.isEmpty else { return ("", "") }
        let formatted = GoStrings.replaceAll(GoStrings.split(locale, ".", limit: -1).first ?? "", "-", "_")
        let pieces = GoStrings.split(formatted, "_", limit: -1)
        let language = pieces[0]
        return pieces.count > 1 ? (language, language + "-" + pieces[1]) : (language, language)
    }
}
