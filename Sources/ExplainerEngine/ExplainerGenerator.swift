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
    let lexicon: Lexicon

    /// A generator on the shared lexicon (WordNet loaded on first use).
    public init() {
        let clock = ContinuousClock()
        let start = clock.now
        self.lexicon = Lexicon.shared
        if EngineDebug.time { FileHandle.standardError.write(Data("lexicon \(clock.now - start)\n".utf8)) }
    }

    /// A generator on a lexicon the caller loaded.
    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
    }

    public func explain(_ article: Article) -> Explainer {
        if article.format == .markdown, let handWritten = HandWrittenExplainer.parse(article.body) {
            let summary = article.summary ?? Self.firstSentence(of: handWritten.first?.answer ?? "")
            return makeExplainer(article, questions: handWritten, summary: summary)
        }
        let clock = ContinuousClock()
        if let runs = ProcessInfo.processInfo.environment["EXPLAINER_BENCH"].flatMap(Int.init) {
            var best = Duration.seconds(1000)
            var words = 0
            func cpu() -> Duration {
                var spec = timespec()
                clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
                return .seconds(spec.tv_sec) + .nanoseconds(spec.tv_nsec)
            }
            var stages = [Duration](repeating: .zero, count: 3)
            for _ in 0..<runs {
                let start = cpu()
                let analysis = ArticleAnalysis(article: article, lexicon: lexicon)
                let a = cpu()
                let candidates = QuestionGenerator(analysis: analysis).candidates()
                let b = cpu()
                let selected = QuestionSelector(analysis: analysis).select(candidates, editor: [])
                _ = selected.map { AnswerBuilder.render($0.parts) }
                let c = cpu()
                stages[0] += a - start
                stages[1] += b - a
                stages[2] += c - b
                best = min(best, cpu() - start)
                words = analysis.wordCount
            }
            FileHandle.standardError.write(Data("bench best \(best) words \(words) per-1000 \(best / max(1, words) * 1000) analysis \(stages[0] / runs) generate \(stages[1] / runs) select \(stages[2] / runs)\n".utf8))
        }
        let t0 = clock.now
        let analysis = ArticleAnalysis(article: article, lexicon: lexicon)
        let t1 = clock.now
        let candidates = QuestionGenerator(analysis: analysis).candidates()
        let t2 = clock.now
        if EngineDebug.time {
            FileHandle.standardError.write(Data("analysis \(t1 - t0) questions \(t2 - t1) words \(analysis.wordCount)\n".utf8))
        }
        if EngineDebug.dump {
            FileHandle.standardError.write(Data((analysis.dump() + "\n" + candidates.map { "cand \($0.kind) \($0.score) [\($0.sentence)] \($0.question) => \($0.parts.map(\.text))" }.joined(separator: "\n") + "\n").utf8))
        }
        let editor = AnswerFinder(analysis: analysis).answer(article.editorQuestions).compactMap(\.candidate)
        let selected = QuestionSelector(analysis: analysis).select(candidates, editor: editor)
        let questions = selected.map { candidate in
            QuestionAnswer(question: candidate.question, answer: AnswerBuilder.render(candidate.parts), section: candidate.section)
        }
        if EngineDebug.time {
            FileHandle.standardError.write(Data("total \(clock.now - t0) per-1000-words \((clock.now - t0) / max(1, analysis.wordCount) * 1000)\n".utf8))
        }
        return makeExplainer(article, questions: questions, summary: article.summary ?? Self.summary(analysis))
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
