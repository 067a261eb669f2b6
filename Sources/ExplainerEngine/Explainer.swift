import Foundation

/// An article as a reader's questions with the article's answers: the engine's output.
///
/// `questions` are in story order. Answers are Markdown source: for plain-text articles the
/// article's own sentences with Markdown-significant characters escaped, for Markdown articles
/// the author's Markdown.
public struct Explainer: Sendable, Hashable, Codable {
    public var title: String
    public var slug: String
    public var summary: String
    public var questions: [QuestionAnswer]
    public var date: Date?
    public var author: String?
    public var tags: [String]
    /// The content file this explainer came from.
    public var sourcePath: String
    public var draft: Bool

    public init(
        title: String, slug: String, summary: String, questions: [QuestionAnswer], date: Date? = nil,
        author: String? = nil, tags: [String] = [], sourcePath: String, draft: Bool = false
    ) {
        self.title = title
        self.slug = slug
        self.summary = summary
        self.questions = questions
        self.date = date
        self.author = author
        self.tags = tags
        self.sourcePath = sourcePath
        self.draft = draft
    }
}

/// One question a reader would ask, with its answer taken from the article.
public struct QuestionAnswer: Sendable, Hashable, Codable {
    /// An English question ending in "?".
    public var question: String
    /// Markdown source of the answer.
    public var answer: String
    /// The article subhead the answer sits under, if any.
    public var section: String?

    public init(question: String, answer: String, section: String? = nil) {
        self.question = question
        self.answer = answer
        self.section = section
    }

    enum CodingKeys: String, CodingKey { case question, answer, section }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(question, forKey: .question)
        try container.encode(answer, forKey: .answer)
        try container.encode(section, forKey: .section)  // explicit null, as the JSON shape asks
    }
}
