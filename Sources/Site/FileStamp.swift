import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `stat` says about a file, to tell cheaply whether it may have changed since a build.
///
/// Equal stamps mean unchanged unless the file was modified within the file system's timestamp
/// granularity of the moment the stamp was taken; `isRacy(comparedTo:)` finds those, and the
/// build cache then compares the file's bytes instead (as git does for its index).
struct FileStamp: Sendable, Hashable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    /// Nanoseconds since 1970.
    var modified: Int64
    var changed: Int64

    static let missing = FileStamp(device: 0, inode: 0, size: -1, modified: 0, changed: 0)

    init(device: UInt64, inode: UInt64, size: Int64, modified: Int64, changed: Int64) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modified = modified
        self.changed = changed
    }

    init(_ info: stat) {
        #if canImport(Darwin)
        let modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        let changed = Int64(info.st_ctimespec.tv_sec) * 1_000_000_000 + Int64(info.st_ctimespec.tv_nsec)
        #else
        let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        let changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        #endif
        self.init(
            device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
            modified: modified, changed: changed)
    }

    /// The stamp of `path` (following symbolic links), or `.missing`.
    static func of(_ path: String) -> FileStamp {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        return FileStamp(info)
    }

    /// The stamp of `name` in the open directory `directory`, following symbolic links.
    static func of(_ name: String, in directory: Int32) -> FileStamp {
        var info = stat()
        guard fstatat(directory, name, &info, 0) == 0 else { return .missing }
        return FileStamp(info)
    }

    /// Whether the file was modified so close to `moment` (nanoseconds since 1970) that a later
    /// change might not have moved its timestamps.
    func isRacy(comparedTo moment: Int64) -> Bool {
        max(modified, changed) >= moment - Self.racyWindow
    }

    /// File systems keep timestamps to a kernel tick or, on some, to the second.
    static let racyWindow: Int64 = 2_000_000_000

    /// Now, in nanoseconds since 1970, by the clock file timestamps use.
    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}
