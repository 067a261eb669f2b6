import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Phase timings on standard error when `EXPLAINER_TRACE` is set, for profiling builds: wall
/// time and the process's user and system CPU time since it started.
enum BuildTrace {
    static let enabled = ProcessInfo.processInfo.environment["EXPLAINER_TRACE"] != nil
    private static let start = Date()

    static func mark(_ phase: @autoclosure () -> String) {
        guard enabled else { return }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        let line = String(
            format: "[trace %7.3f s, user %7.3f, sys %7.3f, rss %4d MB] ", Date().timeIntervalSince(start), user, system,
            Int(usage.ru_maxrss / 1024))
        FileHandle.standardError.write(Data((line + phase() + "\n").utf8))
    }
}
