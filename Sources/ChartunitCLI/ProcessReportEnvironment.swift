import Foundation
import Reports
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ReportEnvironment {
    /// The environment of this process: the current time and zone,
    /// host name, working directory, user and locale (`LC_ALL`, else `LANG`, from `variables`).
    static func current(now: Date = Date(), variables: [String: String]) -> ReportEnvironment {
        let locale = variables["LC_ALL"].flatMap { $0.isEmpty ? nil : $0 } ?? variables["LANG"] ?? ""
        return ReportEnvironment(now: now, timeZone: TimeZone.current, hostname: systemHostname(),
                                 workingDirectory: FileManager.default.currentDirectoryPath,
                                 userName: systemUserName(variables: variables), locale: locale)
    }

    private static func systemHostname() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func systemUserName(variables: [String: String]) -> String {
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name {
            return String(cString: name)
        }
        return variables["USER"] ?? ""
    }
}
