import Content
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One build at a time per output folder: an exclusive `flock` on a file in that folder's
/// cache directory, held from reading the cache to swapping the new site in, so that two builds
/// (`make` and a running preview, say) never write the previous site's folder at once.
///
/// The kernel drops the lock when the process ends, however it ends. Where the cache directory
/// cannot be written (a read-only site folder), there is no cache and no lock.
final class BuildLock: Sendable {
    private let descriptor: Int32

    /// Takes the lock at `path`, calling `waiting` first if another build holds it.
    init(path: String, waiting: () -> Void) throws(Diagnostic) {
        StagingFolder.makeDirectories((path as NSString).deletingLastPathComponent)
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { return }
        if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return }
        waiting()
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                close(descriptor)
                throw Diagnostic(at: SourceLocation(file: path, line: 0, column: 0), "cannot take the build lock: \(String(cString: strerror(errno)))")
            }
        }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }
}
