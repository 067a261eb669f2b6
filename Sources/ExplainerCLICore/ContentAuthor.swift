import Content
import Foundation

/// Creates new content files: an empty Markdown draft, or an imported raw article.
///
/// Never overwrites: an existing file is an error that names it.
struct ContentAuthor {
    /// The site's `content/` folder.
    let contentDirectory: String

    /// Writes `content/<slug>.md` with front matter (title, today's date, draft) and returns its path.
    func newDraft(title: String, today: Date = Date()) throws(Diagnostic) -> String {
        let slug = Slug.make(from: title)
        guard !slug.isEmpty else {
            throw Diagnostic(
                at: SourceLocation(file: "<title>", line: 1, column: 1), "the title \"\(title)\" has no letters or digits to make a file name from",
                hint: "give the explainer a title with words in it")
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        let text = """
            ---
            title: \(Self.yamlQuoted(title))
            date: \(formatter.string(from: today))
            draft: true
            tags: []
            summary: ""
            ---

            ## What happened?

            Write the answer here.

            """
        return try create(named: slug + ".md", contents: text)
    }

    /// Copies a raw article into `content/` under a slug made from its headline; returns the new path.
    func importArticle(at path: String) throws(Diagnostic) -> (path: String, article: Article) {
        let article = try ArticleLoader().load(fileAt: path)
        let slug = Slug.make(from: article.title)
        guard !slug.isEmpty else {
            throw Diagnostic(
                at: SourceLocation(file: path, line: 1, column: 1), "the headline has no letters or digits to make a file name from",
                hint: "put the headline on the first line of the article")
        }
        let fileExtension = article.format == .markdown ? "md" : "txt"
        let contents: Data
        do {
            contents = try FileContents.data(atPath: path, mapped: false)
        } catch {
            throw Diagnostic(at: SourceLocation(file: path, line: 0, column: 0), "cannot read the file: \(error.localizedDescription)")
        }
        let created = try create(named: slug + "." + fileExtension, data: contents)
        return (created, try ArticleLoader().load(fileAt: created))
    }

    private func create(named name: String, contents: String) throws(Diagnostic) -> String {
        try create(named: name, data: Data(contents.utf8))
    }

    private func create(named name: String, data: Data) throws(Diagnostic) -> String {
        let target = (contentDirectory as NSString).appendingPathComponent(name)
        do {
            try FileManager.default.createDirectory(atPath: contentDirectory, withIntermediateDirectories: true)
        } catch {
            throw Diagnostic(at: SourceLocation(file: contentDirectory, line: 0, column: 0), "cannot create the content folder: \(error.localizedDescription)")
        }
        // O_EXCL: refuse to overwrite, with no window between checking and creating.
        let descriptor = open(target, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            let exists = errno == EEXIST
            throw Diagnostic(
                at: SourceLocation(file: target, line: 0, column: 0),
                exists ? "the file already exists; nothing was written" : "cannot create the file: \(String(cString: strerror(errno)))",
                hint: exists ? "edit the existing file, or choose a different title" : nil)
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: data)
        } catch {
            throw Diagnostic(at: SourceLocation(file: target, line: 0, column: 0), "cannot write the file: \(error.localizedDescription)")
        }
        return target
    }

    static func yamlQuoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
