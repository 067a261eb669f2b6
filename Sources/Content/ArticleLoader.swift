import Foundation

/// Reads one content file (`.txt` or `.md`) into an `Article`.
///
/// Text is decoded as UTF-8 (a byte-order mark is dropped; UTF-16 with a byte-order mark is
/// accepted), line endings are normalised to `\n`, and every problem is thrown as a
/// `Diagnostic` naming the file, line and column.
public struct ArticleLoader: Sendable {
    /// The largest article file read, in bytes. News articles are kilobytes; a file of many
    /// megabytes is a mistake (a data dump, a log), and refusing it keeps builds fast.
    public static let maximumFileSize = 2 * 1024 * 1024

    public init() {}

    /// Loads the file at `path`; the path is also what messages name.
    public func load(fileAt path: String) throws(Diagnostic) -> Article {
        // The size first, so that a 50 MB file is refused without being read.
        try checkSize(FileContents.status(atPath: path)?.size ?? 0, path: path)
        let data: Data
        do {
            data = try FileContents.data(atPath: path, mapped: false)
        } catch {
            throw Diagnostic(
                at: SourceLocation(file: path, line: 0, column: 0),
                "cannot read the file: \(error.localizedDescription)",
                hint: "check that the file exists and is readable")
        }
        return try load(data, path: path)
    }

    /// The article in `data`, bytes already read from the file `path`.
    public func load(_ data: Data, path: String) throws(Diagnostic) -> Article {
        try checkSize(data.count, path: path)
        let text = try TextDecoding.decode(data, path: path)
        return try parse(text, path: path)
    }

    private func checkSize(_ size: Int, path: String) throws(Diagnostic) {
        guard size <= Self.maximumFileSize else {
            throw Diagnostic(
                at: SourceLocation(file: path, line: 0, column: 0),
                "the file is \(Self.megabytes(size)) MB; articles may be at most \(Self.megabytes(Self.maximumFileSize)) MB",
                hint: "check that this is an article; split a very long text into several articles")
        }
    }

    static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f", Double(bytes) / 1_048_576)
    }

    /// Parses already-decoded text as the content of the file `path` (whose extension picks
    /// the format).
    public func parse(_ text: String, path: String) throws(Diagnostic) -> Article {
        let normalized = TextDecoding.normalizeLineEndings(text)
        let fileName = (path as NSString).lastPathComponent
        let baseName = (fileName as NSString).deletingPathExtension
        let format: Article.Format = fileName.lowercased().hasSuffix(".md") ? .markdown : .plainText
        switch format {
        case .plainText:
            return try parsePlainText(normalized, path: path, baseName: baseName)
        case .markdown:
            return try parseMarkdown(normalized, path: path, baseName: baseName)
        }
    }

    private func parsePlainText(_ text: String, path: String, baseName: String) throws(Diagnostic) -> Article {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        var lineNumber = 1
        while let first = lines.first, first.allSatisfy(\.isWhitespace) {
            lines = lines.dropFirst()
            lineNumber += 1
        }
        guard let headline = lines.first else {
            throw Diagnostic(
                at: SourceLocation(file: path, line: 1, column: 1), "the article is empty",
                hint: "a .txt article starts with its headline on the first line, then the text")
        }
        let title = headline.trimmingCharacters(in: .whitespaces)
        let body = lines.dropFirst().joined(separator: "\n")
        guard body.contains(where: { !$0.isWhitespace }) else {
            throw Diagnostic(
                at: SourceLocation(file: path, line: lineNumber, column: 1),
                "the article has a headline but no text",
                hint: "add the article's paragraphs after the headline, separated by blank lines")
        }
        return Article(
            sourcePath: path, format: .plainText, slug: try slug(from: baseName, path: path, line: lineNumber),
            title: title, body: body, bodyStartLine: lineNumber + 1)
    }

    private func parseMarkdown(_ text: String, path: String, baseName: String) throws(Diagnostic) -> Article {
        let split = try FrontMatterParser().split(text, path: path)
        let meta = split.frontMatter
        guard split.body.contains(where: { !$0.isWhitespace }) else {
            throw Diagnostic(
                at: SourceLocation(file: path, line: split.bodyStartLine, column: 1), "the article has no text",
                hint: "write the article's Markdown after the front matter")
        }
        var body = split.body
        var bodyStartLine = split.bodyStartLine
        var title = meta.title
        if title == nil, let (heading, rest, consumed) = Self.leadingHeading(in: body) {
            // No `title:` — a leading "# Heading" is the title.
            title = heading
            body = rest
            bodyStartLine += consumed
        }
        guard let title, !title.isEmpty else {
            throw Diagnostic(
                at: SourceLocation(file: path, line: 1, column: 1), "the article has no title",
                hint: "add `title: ...` to the front matter or start the text with a `# Heading`")
        }
        let slugSource = meta.slug ?? baseName
        return Article(
            sourcePath: path, format: .markdown,
            slug: try slug(from: slugSource, path: path, line: meta.slug == nil ? 1 : meta.slugLine),
            title: title, date: meta.date, author: meta.author, tags: meta.tags, summary: meta.summary,
            draft: meta.draft, editorQuestions: meta.questions, body: body, bodyStartLine: bodyStartLine)
    }

    private func slug(from text: String, path: String, line: Int) throws(Diagnostic) -> String {
        let slug = Slug.make(from: text)
        guard !slug.isEmpty else {
            throw Diagnostic(
                at: SourceLocation(file: path, line: line, column: 1),
                "cannot make a URL slug from \"\(text)\": it has no letters or digits",
                hint: "rename the file, or set `slug:` in the front matter, using letters, digits and hyphens")
        }
        return slug
    }

    /// A first non-blank line of the form `# Title`, the rest of the text and the lines used.
    private static func leadingHeading(in body: String) -> (String, String, Int)? {
        var lines = body.split(separator: "\n", omittingEmptySubsequences: false)[...]
        var consumed = 0
        while let first = lines.first, first.allSatisfy(\.isWhitespace) {
            lines = lines.dropFirst()
            consumed += 1
        }
        guard let first = lines.first, first.hasPrefix("# ") else { return nil }
        let heading = first.dropFirst(2).trimmingCharacters(in: .whitespaces)
        return (heading, lines.dropFirst().joined(separator: "\n"), consumed + 1)
    }
}
