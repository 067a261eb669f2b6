import Content
import Foundation

/// Notices changes to a site's inputs (`content/`, `Themes/`, `site.yml`) by comparing snapshots.
///
/// A snapshot records each file's (not folder's) size and modification time; scanning a few thousand files
/// takes milliseconds, works on every Linux file system (including bind mounts and network
/// folders where inotify is silent) and needs no watch-descriptor bookkeeping.
public struct SiteWatcher: Sendable {
    public struct Snapshot: Sendable, Equatable {
        var files: [String: FileStamp]
    }

    struct FileStamp: Sendable, Equatable {
        var size: UInt64
        var modified: Date
    }

    public let paths: [String]

    /// Watches the inputs of the site in `siteDirectory`.
    public init(siteDirectory: String) {
        let base = URL(fileURLWithPath: siteDirectory)
        paths = ["content", "Themes", "site.yml"].map { base.appendingPathComponent($0).path }
    }

    public func snapshot() -> Snapshot {
        var files: [String: FileStamp] = [:]
        let manager = FileManager.default
        for path in paths {
            if let stamp = Self.stamp(path) { files[path] = stamp }
            guard let enumerator = manager.enumerator(atPath: path) else { continue }
            while let relative = enumerator.nextObject() as? String {
                let full = path + "/" + relative
                if let stamp = Self.stamp(full) { files[full] = stamp }
            }
        }
        return Snapshot(files: files)
    }

    /// The files that were added, removed or changed between two snapshots, sorted.
    public static func changes(from old: Snapshot, to new: Snapshot) -> [String] {
        var changed = Set<String>()
        for (path, stamp) in new.files where old.files[path] != stamp { changed.insert(path) }
        for path in old.files.keys where new.files[path] == nil { changed.insert(path) }
        return changed.sorted()
    }

    /// Yields the changed paths each time the inputs change, checking every `interval`.
    public func changes(every interval: Duration = .milliseconds(300)) -> AsyncStream<[String]> {
        AsyncStream { continuation in
            let task = Task {
                var previous = snapshot()
                while !Task.isCancelled {
                    try? await Task.sleep(for: interval)
                    let current = snapshot()
                    let changed = Self.changes(from: previous, to: current)
                    if !changed.isEmpty {
                        previous = current
                        continuation.yield(changed)
                    }
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    private static func stamp(_ path: String) -> FileStamp? {
        guard let status = FileContents.status(atPath: path), !status.isDirectory
        else { return nil }  // a folder's time changes with every write inside it; its files tell us enough
        return FileStamp(size: UInt64(status.size), modified: status.modified)
    }
}
