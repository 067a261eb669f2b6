import CCmarkGFM
import Foundation

/// Renders Markdown to an HTML fragment with cmark-gfm.
///
/// This file is the only code in Explainer that touches the C library. Every C allocation
/// (parser, document tree, rendered buffer) is released with `defer` right after it is made,
/// on every path, and the rendered bytes are copied into a Swift `String` before they are
/// freed; no C pointer outlives `html(_:)`.
///
/// The renderer is a value and may be shared between tasks, but cmark-gfm itself is not fully
/// reentrant: while it parses inlines it switches the extensions' trigger characters (`~` for
/// strikethrough, `|` for tables, `:` and `w` for autolinks) on and off in a process-wide
/// table. Two parses running at once would switch them under each other's feet and produce
/// output that depends on timing, so parsing is serialised behind one lock. Rendering the
/// parsed tree touches no shared state and runs outside the lock.
public struct MarkdownRenderer: Sendable {
    /// What this renderer understands and lets through.
    public let options: MarkdownOptions

    /// A renderer with `options`; sites get `.standard` unless they opt into more.
    public init(options: MarkdownOptions = .standard) {
        self.options = options
    }

    /// The HTML for `markdown`, with no surrounding document.
    ///
    /// Without `.unsafe`, raw HTML becomes `<!-- raw HTML omitted -->` and links or images
    /// with `javascript:`, `vbscript:`, `file:` or non-image `data:` destinations get an empty
    /// destination. Never fails: any string is valid Markdown.
    public func html(_ markdown: String) -> String {
        Self.ensureExtensionsRegistered()
        let cOptions = Self.cmarkOptions(options)

        guard let parser = cmark_parser_new(cOptions) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in Self.extensionNames(options) {
            guard let syntaxExtension = cmark_find_syntax_extension(name) else {
                assertionFailure("cmark-gfm has no \(name) extension")
                continue
            }
            cmark_parser_attach_syntax_extension(parser, syntaxExtension)
        }

        let parsed: OpaquePointer? = Self.parseLock.withLock {
            var text = markdown
            text.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) { chars in
                    if let start = chars.baseAddress, !chars.isEmpty {
                        cmark_parser_feed(parser, start, chars.count)
                    }
                }
            }
            return cmark_parser_finish(parser)
        }
        guard let document = parsed else { return "" }
        defer { cmark_node_free(document) }

        // The extension list belongs to the parser, which is still alive here.
        guard let rendered = cmark_render_html(document, cOptions, cmark_parser_get_syntax_extensions(parser)) else {
            return ""
        }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// Serialises cmark-gfm parses; see the type's documentation for why.
    private static let parseLock = NSLock()

    /// Registers cmark-gfm's core extensions exactly once per process.
    ///
    /// `cmark_gfm_core_extensions_ensure_registered` checks a plain static flag, so two
    /// threads could register twice; Swift's lazy initialisation of a static runs it once.
    private static func ensureExtensionsRegistered() {
        _ = extensionsRegistered
    }

    private static let extensionsRegistered: Void = cmark_gfm_core_extensions_ensure_registered()

    /// The cmark option bits for `options`; the extensions are attached separately.
    static func cmarkOptions(_ options: MarkdownOptions) -> Int32 {
        var value: Int32 = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
        if options.contains(.smartPunctuation) { value |= CMARK_OPT_SMART }
        if options.contains(.unsafe) { value |= CMARK_OPT_UNSAFE }
        if options.contains(.footnotes) { value |= CMARK_OPT_FOOTNOTES }
        if options.contains(.hardBreaks) { value |= CMARK_OPT_HARDBREAKS }
        if options.contains(.githubPreLang) { value |= CMARK_OPT_GITHUB_PRE_LANG }
        return value
    }

    /// The names cmark-gfm registers its syntax extensions under, for those `options` enable.
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
