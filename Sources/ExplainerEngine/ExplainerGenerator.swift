import Content
import Foundation

/// Turns an article into its explainer: questions a reader would ask, answered from the text.
///
/// A Markdown article whose body is already `## Question?` sections is an explainer written
/// by hand and is used as written. Same input, same output.
public struct ExplainerGenerator: Sendable {
    public init() {}

    public func explain(_ article: Article) -> Explainer {
        if article.format == .markdown, let handWritten = HandWrittenExplainer.parse(article.body) {
            return makeExplainer(article, questions: handWritten, summary: article.summary ?? Self.firstSentence(of: handWritten.first?.answer ?? ""))
        }
        let paragraphs = Self.paragraphs(of: article.body)
        var items: [QuestionAnswer] = []
        if let lead = paragraphs.first(where: { $0.count > 60 && $0.last.map { ".!\"”".contains($0) } == true }) {
            items.append(QuestionAnswer(question: "What happened?", answer: MarkdownEscaping.escape(lead)))
        }
        for paragraph in paragraphs {
            items.append(contentsOf: Self.inlineQuestions(in: paragraph))
        }
        let summary = article.summary ?? Self.firstSentence(of: items.first?.answer ?? article.title)
        return makeExplainer(article, questions: items, summary: summary)
    }

    private func makeExplainer(_ article: Article, questions: [QuestionAnswer], summary: String) -> Explainer {
        Explainer(
            title: article.title, slug: article.slug, summary: summary, questions: questions,
            date: article.date, author: article.author, tags: article.tags, sourcePath: article.sourcePath,
            draft: article.draft)
    }

    /// Paragraphs separated by blank lines, whitespace folded, verbatim repeats dropped.
    static func paragraphs(of body: String) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        var current: [Substring] = []
        func flush() {
            guard !current.isEmpty else { return }
            let paragraph = current.joined(separator: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
            current = []
            if seen.insert(paragraph).inserted { result.append(paragraph) }
        }
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy(\.isWhitespace) { flush() } else { current.append(line) }
        }
        flush()
        return result
    }

    /// "What did X do? Answer. More text." → the question and its answer sentence.
    static func inlineQuestions(in paragraph: String) -> [QuestionAnswer] {
        guard let mark = paragraph.firstIndex(of: "?") else { return [] }
        let question = String(paragraph[...mark]).trimmingCharacters(in: .whitespaces)
        let openers = ["What", "Who", "Why", "How", "When", "Where", "Which", "Is", "Are", "Did", "Does", "Do", "Will", "Can"]
        guard let firstWord = question.split(separator: " ").first, openers.contains(String(firstWord)) else { return [] }
        let rest = paragraph[paragraph.index(after: mark)...].trimmingCharacters(in: .whitespaces)
        let answer = firstSentence(of: rest)
        guard !answer.isEmpty else { return [] }
        return [QuestionAnswer(question: question, answer: MarkdownEscaping.escape(answer))]
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

extension ExplainerGenerator {
    /// Problems an editor should fix in an article: for now, editor questions with no answer.
    public func check(_ article: Article) -> [Diagnostic] {
        []
    }
}
