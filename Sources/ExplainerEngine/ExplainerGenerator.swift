import Content
import Foundation

/// Turns an article into its explainer: questions a reader would ask, answered from the text.
///
/// The pipeline, one stage per type: `TextCleaner` → `StructureParser` → `SentenceSplitter` and
/// `Tokenizer` → `Tagger` (with the `Lexicon`) → `ClauseParser`, names (`EntityIndex`) and
/// pronouns → `QuestionGenerator` → `QuestionSelector` → `AnswerBuilder`. Editor questions
/// from front matter are answered by `AnswerFinder`. A Markdown article whose body is already
/// `## Question?` sections is an explainer written by hand and is used as written.
///
/// `ExplainerGenerator()` uses `Lexicon.shared`, loaded once per process. Same input, same output.
public struct ExplainerGenerator: Sendable {
    private let givenLexicon: Lexicon?

    /// The lexicon the caller gave, or the shared one, loaded when an article first needs it:
    /// a site of hand-written explainers never loads WordNet (35–45 ms of every build).
    var lexicon: Lexicon { givenLexicon ?? Lexicon.shared }

    /// A generator on the shared lexicon (WordNet loaded on first use).
    public init() {
        self.givenLexicon = nil
    }

    /// A generator on a lexicon the caller loaded.
    public init(lexicon: Lexicon) {
        self.givenLexicon = lexicon
    }

    public func explain(_ article: Article) -> Explainer {
        explainCountingWork(article).explainer
    }

    /// The explainer and the steps the engine took to write it (see `EngineWork`).
    public func explainCountingWork(_ article: Article) -> (explainer: Explainer, work: EngineWork) {
        if article.format == .markdown, let handWritten = HandWrittenExplainer.parse(article.body) {
            let summary = article.summary ?? Self.firstSentence(of: handWritten.first?.answer ?? "")
            var work = EngineWork()
            work.bytes = article.body.utf8.count
            return (makeExplainer(article, questions: handWritten, summary: summary), work)
        }
        let analysis = ArticleAnalysis(article: article, lexicon: lexicon)
        var work = analysis.work
        let candidates = QuestionGenerator(analysis: analysis).candidates()
        work.candidates = candidates.count
        let editor = AnswerFinder(analysis: analysis).answer(article.editorQuestions, work: &work).compactMap(\.candidate)
        let selected = QuestionSelector(analysis: analysis).select(candidates, editor: editor, work: &work)
        let questions = selected.map { candidate in
            QuestionAnswer(question: candidate.question, answer: AnswerBuilder.render(candidate.parts), section: candidate.section)
        }
        return (makeExplainer(article, questions: questions, summary: article.summary ?? Self.summary(analysis)), work)
    }

    /// The dek when there is one, else the lead sentence, else the headline.
    static func summary(_ analysis: ArticleAnalysis) -> String {
        if let dek = analysis.structure.dek { return dek }
        if let lead = analysis.sentences.first(where: { $0.blockKind == .paragraph && !$0.isQuestion && $0.tokens.count >= 6 }) {
            return lead.text
        }
        return analysis.structure.headline
    }

    private func makeExplainer(_ article: Article, questions: [QuestionAnswer], summary: String) -> Explainer {
        Explainer(
            title: article.title, slug: article.slug, summary: summary, questions: questions,
            date: article.date, author: article.author, tags: article.tags, sourcePath: article.sourcePath,
            draft: article.draft)
    }

    static func firstSentence(of text: String) -> String {
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if ".!?".contains(character), next == text.endIndex || text[next] == " " {
                return String(text[...index])
            }
            index = next
        }
        return text
    }
}
