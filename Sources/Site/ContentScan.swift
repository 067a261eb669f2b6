import Content
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The article files of a content folder with their stamps, found without reading them.
///
/// It lists the same files as `ContentDirectory.load` — every file (at any depth) whose
/// extension is an article's, skipping names that start with a dot and not following links to
/// folders — and reports the same problems for the folder itself and for links that lead
/// outside it. Reading and parsing are left to the build, which skips files whose stamps show
/// they did not change. It reads directories with `readdir`, which at ten thousand files is
/// several times faster than `FileManager`'s enumerator.
struct ContentScan: Sendable {
    /// One article file: its path relative to the content folder and its stamp.
    struct File: Sendable, Hashable {
        var relativePath: String
        var stamp: FileStamp
    }

    /// Sorted by relative path.
    var files: [File]
    var diagnostics: [Diagnostic]

    /// Lists `path` (the content folder as the user named it; messages use it).
    static func run(_ path: String) -> ContentScan {
        let root = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return ContentScan(files: [], diagnostics: [
                Diagnostic(
                    at: SourceLocation(file: path, line: 0, column: 0), "the content folder does not exist",
                    hint: "create it and put .txt or .md articles in it, or pass --source"),
            ])
        }
        var scan = ContentScan(files: [], diagnostics: [])
        scan.walk(root.path, relative: "", displayRoot: path, root: root)
        scan.files.sort { $0.relativePath < $1.relativePath }
        return scan
    }

    private mutating func walk(_ directory: String, relative: String, displayRoot: String, root: URL) {
        guard let handle = opendir(directory) else { return }
        defer { closedir(handle) }
        let descriptor = dirfd(handle)
        var subdirectories: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name.hasPrefix(".") { continue }
            var type = entry.pointee.d_type
            if type == UInt8(DT_UNKNOWN) {
                var info = stat()
                if fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 {
                    type = (info.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : (info.st_mode & S_IFMT) == S_IFLNK ? UInt8(DT_LNK) : UInt8(DT_REG)
                }
            }
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            if type == UInt8(DT_DIR) { subdirectories.append(name) }
            // `NSString.pathExtension`, for a name without slashes that does not start with a dot.
            guard let dot = name.lastIndex(of: "."),
                  ContentDirectory.articleExtensions.contains(name[name.index(after: dot)...].lowercased()) else { continue }
            if type == UInt8(DT_LNK) {
                let resolved = root.appendingPathComponent(relativePath).resolvingSymlinksInPath().path
                guard resolved == root.path || resolved.hasPrefix(root.path + "/") else {
                    diagnostics.append(Diagnostic(
                        at: SourceLocation(file: (displayRoot as NSString).appendingPathComponent(relativePath), line: 0, column: 0),
                        "this is a link to \(resolved), outside the content folder; it was not read",
                        hint: "copy the article into the content folder instead of linking to it"))
                    continue
                }
            }
            files.append(File(relativePath: relativePath, stamp: FileStamp.of(name, in: descriptor)))
        }
        for name in subdirectories {
            walk((directory as NSString).appendingPathComponent(name), relative: relative.isEmpty ? name : relative + "/" + name,
                 displayRoot: displayRoot, root: root)
        }
    }
}
