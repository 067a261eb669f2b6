import Foundation

/// Every article in a content folder, plus every problem found while loading them.
///
/// One bad file never hides the others: each is loaded on its own and its problems are
/// collected. Two files with the same slug are both named. Symbolic links that lead outside the
/// folder are refused.
public struct ContentDirectory: Sendable {
    public var articles: [Article]
    public var diagnostics: [Diagnostic]

    /// The file extensions the loader reads; other files in `content/` are ignored.
    public static let articleExtensions: Set<String> = ["txt", "md", "markdown"]

    /// Loads every article under `path` (recursively), sorted by file path.
    public static func load(_ path: String, loader: ArticleLoader = ArticleLoader()) -> ContentDirectory {
        let root = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        var files: [String] = []
        var diagnostics: [Diagnostic] = []
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return ContentDirectory(articles: [], diagnostics: [
                Diagnostic(
                    at: SourceLocation(file: path, line: 0, column: 0), "the content folder does not exist",
                    hint: "create it and put .txt or .md articles in it, or pass --source"),
            ])
        }
        if let enumerator = manager.enumerator(atPath: root.path) {
            while let relative = enumerator.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") {
                    if (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory { enumerator.skipDescendants() }
                    continue
                }
                let ext = (name as NSString).pathExtension.lowercased()
                guard articleExtensions.contains(ext) else { continue }
                let display = (path as NSString).appendingPathComponent(relative)
                let full = root.appendingPathComponent(relative)
                let resolved = full.resolvingSymlinksInPath().path
                guard resolved == root.path || resolved.hasPrefix(root.path + "/") else {
                    diagnostics.append(Diagnostic(
                        at: SourceLocation(file: display, line: 0, column: 0),
                        "this is a link to \(resolved), outside the content folder; it was not read",
                        hint: "copy the article into the content folder instead of linking to it"))
                    continue
                }
                files.append(relative)
            }
        }
        files.sort()
        var articles: [Article] = []
        for relative in files {
            let display = (path as NSString).appendingPathComponent(relative)
            do {
                articles.append(try loader.load(fileAt: display))
            } catch {
                diagnostics.append(error)
            }
        }
        diagnostics.append(contentsOf: duplicateSlugs(in: articles))
        return ContentDirectory(articles: articles, diagnostics: diagnostics)
    }

    public init(articles: [Article], diagnostics: [Diagnostic]) {
        self.articles = articles
        self.diagnostics = diagnostics
    }

    static func duplicateSlugs(in articles: [Article]) -> [Diagnostic] {
        duplicateSlugs(articles.map { ($0.slug, $0.sourcePath) })
    }

    /// An error on every file that shares its slug with another, naming all of them.
    public static func duplicateSlugs(_ files: [(slug: String, path: String)]) -> [Diagnostic] {
        let groups = Dictionary(grouping: files, by: \.slug).filter { $0.value.count > 1 }
        return groups.keys.sorted().flatMap { slug -> [Diagnostic] in
            let paths = groups[slug]!.map(\.path)
            return paths.map { path in
                Diagnostic(
                    at: SourceLocation(file: path, line: 1, column: 1),
                    "the slug \"\(slug)\" is used by \(paths.count) files: \(paths.joined(separator: ", "))",
                    hint: "rename one of the files or give it a different `slug:` in its front matter")
            }
        }
    }

}
