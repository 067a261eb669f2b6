import Foundation

/// A theme asset as published: its bytes and its file name with a content hash.
///
/// `style.css` is published as `assets/style.3f9a1c0b.css`; a new version of the file gets a new
/// name, so browsers may cache assets forever.
struct AssetFile: Sendable, Hashable {
    /// Path relative to the theme's `assets/` folder.
    var sourcePath: String
    /// Path relative to the site root, hash included.
    var outputPath: String
    var data: Data

    init(sourcePath: String, data: Data) {
        self.sourcePath = sourcePath
        self.data = data
        let hash = ContentHash.hex(of: data, length: 10)
        let directory = (sourcePath as NSString).deletingLastPathComponent
        let fileName = (sourcePath as NSString).lastPathComponent
        let ext = (fileName as NSString).pathExtension
        let stem = (fileName as NSString).deletingPathExtension
        let hashedName = ext.isEmpty ? "\(stem).\(hash)" : "\(stem).\(hash).\(ext)"
        outputPath = directory.isEmpty ? "assets/\(hashedName)" : "assets/\(directory)/\(hashedName)"
    }
}
