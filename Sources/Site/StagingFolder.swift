import Content
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder beside the output folder where a build writes before anything is put in place.
///
/// Files are written with plain `open`/`write`/`close`: Foundation's `createFile` writes a
/// temporary file, syncs it to disk and renames it, which for ten thousand pages cost more
/// than rendering them, and the staging folder is already what makes the build atomic.
/// Writing is safe from several tasks at once (folders made concurrently are fine).
struct StagingFolder: Sendable {
    var path: String

    /// Writes `data` at `relative` (a plain relative path, checked), making folders as needed.
    func write(_ data: Data, to relative: String) throws {
        let target = try SiteWriter.path(relative, inside: path)
        try data.withUnsafeBytes { try Self.write($0, toAbsolutePath: target) }
    }

    /// Writes `bytes` at the absolute path `target`, making its folder when it is missing.
    static func write(_ bytes: UnsafeRawBufferPointer, toAbsolutePath target: String) throws(Diagnostic) {
        var descriptor = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        if descriptor < 0, errno == ENOENT {
            makeDirectories((target as NSString).deletingLastPathComponent)
            descriptor = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        }
        guard descriptor >= 0 else { throw failure(target, "cannot write the file") }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw failure(target, "cannot write the file")
            }
            offset += written
        }
    }

    /// The bytes of the file at `path`, read with one `read` per megabyte; nil if unreadable.
    static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return nil }
            offset += count
        }
        return bytes
    }

    /// `mkdir -p`; errors show up when the file in it cannot be opened.
    static func makeDirectories(_ directory: String) {
        if mkdir(directory, 0o777) == 0 || errno == EEXIST { return }
        if errno == ENOENT {
            makeDirectories((directory as NSString).deletingLastPathComponent)
            _ = mkdir(directory, 0o777)
        }
    }

    private static func failure(_ path: String, _ message: String) -> Diagnostic {
        Diagnostic(at: SourceLocation(file: path, line: 0, column: 0), "\(message): \(String(cString: strerror(errno)))")
    }

    /// Removes the folder and everything in it; problems are ignored (a later build retries).
    func discard() {
        Self.removeTree(path)
    }

    /// `rm -rf path`, without following links.
    static func removeTree(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            unlink(path)
            return
        }
        if let handle = opendir(path) {
            let descriptor = dirfd(handle)
            var directories: [String] = []
            while let entry = readdir(handle) {
                let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                    pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
                }
                if name == "." || name == ".." { continue }
                if entry.pointee.d_type == UInt8(DT_DIR) {
                    directories.append(name)
                } else if unlinkat(descriptor, name, 0) != 0, errno == EISDIR || errno == EPERM {
                    directories.append(name)
                }
            }
            closedir(handle)
            for name in directories { removeTree(path + "/" + name) }
        }
        rmdir(path)
    }
}

/// The C library's `write`, which methods named `write` hide.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}

/// The C library's `read`, which the method named `read` hides.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
