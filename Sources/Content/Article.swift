import Foundation

/// One news article as loaded from `content/`, before any analysis.
///
/// For a `.txt` file the first non-empty line is the headline and `body` is everything after it;
/// for a `.md` file `title` and the other metadata come from the YAML front matter and `body` is
/// the Markdown after it. Line endings in `body` are always `\n`.
public struct Article: Sendable, Hashable {
    public enum Format: String, Sendable, Hashable, Codable {
        /// Scraped plain text: first line the headline, blank lines between paragraphs.
        case plainText = "txt"
        /// Markdown with optional YAML front matter.
        case markdown = "md"
    }

    /// The path the article was read from, as given to the loader (used in messages).
    public var sourcePath: String
    public var format: Format
    /// Lowercase letters, digits and hyphens; from front matter `slug:` or the file name.
    public var slug: String
    public var title: String
    /// Publication date, if known (front matter `date:`).
    public var date: Date?
    public var author: String?
    public var tags: [String]
    /// Front matter `summary:`; the engine writes one when absent.
    public var summary: String?
    public var draft: Bool
    /// Front matter `questions:` — questions the editor wants answered from the article.
    public var editorQuestions: [String]
    /// The article text after the headline or front matter.
    public var body: String
    /// The line of the source file on which `body` starts, so later stages can point at lines.
    public var bodyStartLine: Int

    public init(
        sourcePath: String, format: Format, slug: String, title: String, date: Date? = nil,
        author: String? = nil, tags: [String] = [], summary: String? = nil, draft: Bool = false,
        editorQuestions: [String] = [], body: String, bodyStartLine: Int = 1
    ) {
        self.sourcePath = sourcePath
        self.format = format
        self.slug = slug
        self.title = title
        self.date = date
        self.author = author
        self.tags = tags
        self.summary = summary
        self.draft = draft
        self.editorQuestions = editorQuestions
        self.body = body
        self.bodyStartLine = bodyStartLine
    }
}
