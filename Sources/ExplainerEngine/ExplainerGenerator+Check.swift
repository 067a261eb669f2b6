import Content

/// `explainer check`: the editor questions the article does not answer.
extension ExplainerGenerator {
    /// One warning for each front matter question the answer finder cannot answer from the article.
    public func check(_ article: Article) -> [Diagnostic] {
        guard !article.editorQuestions.isEmpty else { return [] }
        if article.format == .markdown, HandWrittenExplainer.parse(article.body) != nil { return [] }
        let analysis = ArticleAnalysis(article: article, lexicon: lexicon)
        return AnswerFinder(analysis: analysis).answer(article.editorQuestions).compactMap { result in
            guard result.candidate == nil else { return nil }
            return Diagnostic(
                .warning, at: SourceLocation(file: article.sourcePath, line: 1, column: 1),
                "the article does not answer the editor question \"\(result.question)\"",
                hint: "reword the question with the article's own words, or add a sentence that answers it")
        }
    }
}
