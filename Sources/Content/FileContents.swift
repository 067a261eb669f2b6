import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file reads that do not leak.
///
/// On Linux, swift-foundation's `FileManager.contents(atPath:)` and `Data(contentsOf:)` (with or
/// without mapping) lose a 4 KiB buffer every time they read an empty file: 50,000 reads of an
/// empty file grow a process by 200 MB, the same reads of a non-empty one by nothing. A preview
/// server rebuilds for hours, and themes and sites do hold empty files, so every read of a file
/// a user or the system supplies goes through here (the module's own non-empty resources need
/// not): an empty regular file is `Data()` without asking Foundation.
public enum FileContents {
    /// The file's bytes, or nil when it cannot be read (as `FileManager.contents(atPath:)`).
    public static func data(atPath path: String) -> Data? {
        if isEmptyRegularFile(path) { return Data() }
        return FileManager.default.contents(atPath: path)
    }

    /// The file's bytes (memory-mapped when `mapped`), or Foundation's error saying why not.
    public static func data(atPath path: String, mapped: Bool) throws -> Data {
        if isEmptyRegularFile(path) { return Data() }
        return try Data(contentsOf: URL(fileURLWithPath: path), options: mapped ? .alwaysMapped : [])
    }

    /// What `stat` says of a path: its size, when it last changed, and whether it is a folder.
    public struct Status: Sendable, Hashable {
        public var size: Int
        public var modified: Date
        public var isDirectory: Bool
    }

    /// The path's status (following links), or nil when it does not exist or cannot be reached.
    ///
    /// One `stat` call: Foundation's `attributesOfItem(atPath:)` also reads `/etc/passwd` and
    /// `/etc/group` to name the owner, which made it most of a 10,000-article build's system time.
    public static func status(atPath path: String) -> Status? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let modified = Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
        return Status(size: Int(info.st_size), modified: modified, isDirectory: (info.st_mode & S_IFMT) == S_IFDIR)
    }

    static func isEmptyRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && info.st_size == 0
    }
}
