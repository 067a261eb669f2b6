import FuzzSupport
import Content
import ExplainerEngine

/// Any bytes as a `.txt` and as a `.md` article, through the loader and the explainer engine.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzArticle(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = fuzzText(data, size)
    for path in ["fuzz/article.txt", "fuzz/article.md"] {
        guard let article = try? ArticleLoader().parse(text, path: path) else { continue }
        let explainer = ExplainerGenerator().explain(article)
        for item in explainer.questions where !item.question.hasSuffix("?") {
            fatalError("a question without a question mark: \(item.question)")
        }
        _ = ExplainerWriter.markdown(explainer)
    }
    return 0
}

/// Loads the lexicon (a process-wide, load-once table) before fuzzing starts, so that
/// libFuzzer's leak check does not count its one-time allocation against the first input.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    _ = ExplainerGenerator().explain(Article(sourcePath: "warm-up.txt", format: .plainText, slug: "warm-up", title: "Warm Up", body: "The council met on Tuesday."))
    return 0
}

@_cdecl("FuzzArticle_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { fuzzArticle($0, $1) }
}
