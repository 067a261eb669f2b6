/// What the Markdown renderer understands and what it lets through.
///
/// The GFM extensions (tables, strikethrough, autolinks, tag filter, task lists) and footnotes
/// are on in `.standard`; raw HTML and `javascript:`-style links stay off unless `.unsafe` is
/// added (a site opts in with `raw_html: true`).
public struct MarkdownOptions: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// GFM tables.
    public static let table = MarkdownOptions(rawValue: 1 << 0)
    /// `~~struck~~` text.
    public static let strikethrough = MarkdownOptions(rawValue: 1 << 1)
    /// Bare URLs and `www.` links become links.
    public static let autolink = MarkdownOptions(rawValue: 1 << 2)
    /// Escapes dangerous raw HTML tags such as `<script>` and `<iframe>` (GFM's tag filter).
    ///
    /// Only matters with `.unsafe`: otherwise all raw HTML is omitted anyway.
    public static let tagFilter = MarkdownOptions(rawValue: 1 << 3)
    /// `- [ ]` and `- [x]` list items become checkboxes.
    public static let taskList = MarkdownOptions(rawValue: 1 << 4)
    /// `[^1]` footnote references and definitions.
    public static let footnotes = MarkdownOptions(rawValue: 1 << 5)
    /// Curly quotes, en and em dashes, ellipses.
    public static let smartPunctuation = MarkdownOptions(rawValue: 1 << 6)
    /// Lets raw HTML and unsafe link schemes (`javascript:`, `vbscript:`, `file:`, most `data:`) through.
    public static let unsafe = MarkdownOptions(rawValue: 1 << 7)
    /// Soft line breaks render as `<br />`.
    public static let hardBreaks = MarkdownOptions(rawValue: 1 << 8)
    /// `<pre lang="swift">` rather than `<code class="language-swift">` for fenced code.
    public static let githubPreLang = MarkdownOptions(rawValue: 1 << 9)

    /// Every GFM extension.
    public static let gfmExtensions: MarkdownOptions = [.table, .strikethrough, .autolink, .tagFilter, .taskList]

    /// What sites get unless they say otherwise: GFM extensions and footnotes, safe output.
    public static let standard: MarkdownOptions = [.gfmExtensions, .footnotes]
}
