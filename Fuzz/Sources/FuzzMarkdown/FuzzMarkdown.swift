import FuzzSupport
import Markdown

/// Any bytes as Markdown, with safe and unsafe options: with the safe options no `<script`
/// and no `javascript:` link may come out.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let markdown = fuzzText(data, size)
    let safe = MarkdownRenderer(options: .standard).html(markdown)
    if safe.lowercased().contains("<script") { fatalError("raw <script> got through the safe renderer") }
    if safe.lowercased().contains("href=\"javascript:") { fatalError("a javascript: link got through the safe renderer") }
    _ = MarkdownRenderer(options: [.standard, .unsafe, .smartPunctuation]).html(markdown)
    return 0
}

@_cdecl("FuzzMarkdown_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { fuzzMarkdown($0, $1) }
}
