import Foundation

/// A fingerprint of the running program and the resources beside it, so that a cache written
/// by one build of the tool is never trusted by another.
///
/// The explainer engine has no version number of its own, and any change to it (or to the
/// Markdown renderer, or to this module) may change every page. The executable's stamp (and
/// that of every file in the `*.resources` bundles next to it, where SwiftPM puts the engine's
/// word lists) changes whenever the tool is rebuilt or reinstalled.
enum ToolIdentity {
    static let digest: StableHasher.Digest = {
        var hasher = StableHasher()
        hasher.combine("explainer-tool")
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        let path = FileManager.default.fileExists(atPath: executable) ? executable : (CommandLine.arguments.first ?? "")
        hasher.combine(path)
        combine(FileStamp.of(path), into: &hasher)
        let folder = (path as NSString).deletingLastPathComponent
        let bundles = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".resources") }.sorted()
        for bundle in bundles {
            let bundlePath = (folder as NSString).appendingPathComponent(bundle)
            let files = (FileManager.default.enumerator(atPath: bundlePath)?.allObjects as? [String] ?? []).sorted()
            hasher.combine(bundle)
            for file in files {
                hasher.combine(file)
                combine(FileStamp.of((bundlePath as NSString).appendingPathComponent(file)), into: &hasher)
            }
        }
        return hasher.finalize()
    }()

    private static func combine(_ stamp: FileStamp, into hasher: inout StableHasher) {
        hasher.combine(stamp.device)
        hasher.combine(stamp.inode)
        hasher.combine(Int(stamp.size))
        hasher.combine(Int(stamp.modified))
    }
}
