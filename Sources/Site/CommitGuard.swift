import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Holds back SIGINT, SIGTERM, SIGHUP and SIGQUIT while a commit renames files into the output
/// folder, and delivers the first one that arrived once the commit is done.
///
/// Blocking a signal with `pthread_sigmask` would only block it on one thread, and any other
/// thread of the process would take it; so for the commit's duration (milliseconds) the four
/// signals get a handler that only notes them. The previous handlers (the default, or a
/// server's) are put back afterwards and the noted signal is raised again for them.
enum CommitGuard {
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    /// The signal that arrived during a commit, or 0. Written only by the handler and read only
    /// after the handlers are restored, by the one thread that holds `lock`; a 32-bit store is
    /// atomic on every platform Swift runs on, which is all a signal handler may rely on.
    nonisolated(unsafe) private static var pending: Int32 = 0

    /// One commit at a time installs the handlers.
    private static let lock = NSLock()

    static func run<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        pending = 0
        var previous: [Int32: sigaction] = [:]
        for signal in signals {
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = { number in CommitGuard.pending = number }
            #else
            action.__sigaction_u.__sa_handler = { number in CommitGuard.pending = number }
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            var old = sigaction()
            if sigaction(signal, &action, &old) == 0 { previous[signal] = old }
        }
        defer {
            for (signal, old) in previous {
                var old = old
                sigaction(signal, &old, nil)
            }
            if pending != 0 { raise(pending) }
        }
        return try body()
    }
}
