import Content
import Foundation
import Testing

@testable import ExplainerEngine

/// Shared helpers: the lexicon (loaded once), articles from text, candidates and explainers.
enum EngineTestSupport {
    /// The lexicon every test uses: WordNet from /usr/share/wordnet (installed by `make` and CI).
    static let lexicon: Lexicon = Lexicon.shared

    static var words: WordLists { lexicon.words }

    /// A plain-text article: a headline, a blank line, then the paragraphs.
    static func article(_ body: String, headline: String = "Test Headline", path: String = "test.txt") -> Article {
        // The loader is the Content module's; a parse failure here is a broken test, not a finding.
        (try? ArticleLoader().parse(headline + "\n\n" + body, path: path))
            ?? Article(sourcePath: path, format: .plainText, slug: "test", title: headline, body: body)
    }

    static func analysis(_ body: String) -> ArticleAnalysis {
        ArticleAnalysis(article: article(body), lexicon: lexicon)
    }

    /// Every candidate the generator proposes for the text, before selection.
    static func candidates(_ body: String) -> [CandidateQuestion] {
        QuestionGenerator(analysis: analysis(body)).candidates()
    }

    /// The rendered answer of the candidate asking exactly `question`, or nil.
    static func answer(to question: String, in body: String) -> String? {
        candidates(body).first { $0.question == question }.map { AnswerBuilder.render($0.parts) }
    }

    static func explain(_ body: String) -> Explainer {
        ExplainerGenerator(lexicon: lexicon).explain(article(body))
    }

    /// Tags of a sentence's tokens, as "word/TAG" pairs, for compact assertions.
    static func tags(_ sentence: String) -> [String: PartOfSpeech] {
        var tokens = Tokenizer(words: words).tokenize(sentence)
        Tagger(lexicon: lexicon).tag(&tokens)
        var result: [String: PartOfSpeech] = [:]
        for token in tokens where result[token.text] == nil { result[token.text] = token.tag }
        return result
    }
}
