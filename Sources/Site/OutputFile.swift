import Foundation

/// One file of the finished site: its path relative to the output folder and its bytes.
struct OutputFile: Sendable, Hashable {
    /// Relative, `/`-separated, never `..` (checked again by `SiteWriter`).
    var path: String
    var data: Data

    init(path: String, data: Data) {
        self.path = path
        self.data = data
    }

    init(path: String, text: String) {
        self.init(path: path, data: Data(text.utf8))
    }

    /// Whether this is a page a reader opens (counted in reports and listed in the sitemap).
    var isPage: Bool { path.hasSuffix(".html") }
}
