import CCmarkGFM

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Renders Markdown to an HTML fragment with cmark-gfm.
///
/// This file is the only code in Explainer that touches the C library. Every allocation is
/// released with `defer` right after it is made, and strings are copied out before the
/// memory behind them is freed. cmark-gfm's parser is reentrant, so one renderer may be used
/// from many tasks at once; its extension registry is filled once, thread-safely.
public struct MarkdownRenderer: Sendable {
    public let options: MarkdownOptions

    public init(options: MarkdownOptions = .standard) {
        self.options = options
    }

    /// The HTML for `markdown`, with no surrounding document.
    public func html(_ markdown: String) -> String {
        Self.registerExtensions
        let cOptions = Self.cmarkOptions(options)
        guard let parser = cmark_parser_new(cOptions) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in Self.extensionNames(options) {
            if let extensionPointer = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionPointer)
            }
        }
        var utf8 = markdown
        utf8.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        guard let rendered = cmark_render_html(document, cOptions, cmark_parser_get_syntax_extensions(parser)) else {
            return ""
        }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// `cmark_gfm_core_extensions_ensure_registered` is idempotent but not documented as
    /// thread-safe, so it runs once behind Swift's lazy-global initialisation (which is).
    private static let registerExtensions: Void = cmark_gfm_core_extensions_ensure_registered()

    static func cmarkOptions(_ options: MarkdownOptions) -> Int32 {
        var value: Int32 = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
        if options.contains(.smartPunctuation) { value |= CMARK_OPT_SMART }
        if options.contains(.unsafe) { value |= CMARK_OPT_UNSAFE }
        if options.contains(.footnotes) { value |= CMARK_OPT_FOOTNOTES }
        if options.contains(.hardBreaks) { value |= CMARK_OPT_HARDBREAKS }
        if options.contains(.githubPreLang) { value |= CMARK_OPT_GITHUB_PRE_LANG }
        return value
    }

    static func extensionNames(_ options: MarkdownOptions) -> [String] {
        var names: [String] = []
        if options.contains(.table) { names.append("table") }
        if options.contains(.strikethrough) { names.append("strikethrough") }
        if options.contains(.autolink) { names.append("autolink") }
        if options.contains(.tagFilter) { names.append("tagfilter") }
        if options.contains(.taskList) { names.append("tasklist") }
        return names
    }
}
