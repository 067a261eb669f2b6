import ExplainerEngine
import Foundation

/// What every page but an explainer's own needs to know about an explainer: enough to order it,
/// group its tags, show it as a card, and tell whether anything shown has changed.
///
/// The build cache keeps one per article, so a rebuild after one edit makes home, tag and
/// archive pages without reading or rendering the other articles again. The whole explainer
/// (`PublishedExplainer`) is made again from its file when its own page has to be rendered.
///
/// A class, as ten thousand of them are sorted, grouped and filtered; its properties are
/// constants, so it is safely `Sendable`.
final class ExplainerSummary: Sendable, Hashable {
    /// The most questions a card shows (the home and tag pages show three).
    static let leadQuestionLimit = 3

    /// A question as a card shows it.
    struct LeadQuestion: Sendable, Hashable {
        var question: String
        var anchor: String
        var answerHTML: String
        var section: String?
    }

    let slug: String
    let title: String
    let summary: String
    let date: Date?
    let author: String?
    /// As written in the article; `SiteModel` resolves their shown names and slugs.
    let tags: [String]
    /// The content file relative to the site folder (`content/kim.txt`).
    let contentPath: String
    let questionCount: Int
    /// The first questions, at most `leadQuestionLimit`.
    var leadQuestions: [LeadQuestion] {
        switch lead {
        case .decoded(let questions): questions
        case .encoded(let bytes): (try? Self.decodeLeadQuestions(bytes)) ?? []
        }
    }

    /// The lead questions, or their bytes in the build cache: only a card being rendered reads
    /// them, so a rebuild after one edit does not decode ten thousand answers' HTML.
    enum Lead: Sendable {
        case decoded([LeadQuestion])
        case encoded(Data)
    }

    let lead: Lead
    /// Fingerprint of everything the explainer is made from (its file's bytes and path, the
    /// tool and the Markdown options): equal digests, equal explainers.
    let digest: StableHasher.Digest
    /// Fingerprint of what a card with `k` questions shows, for `k` in `0...leadQuestionLimit`
    /// (tags excepted: their shown names depend on other articles).
    let cardDigests: [StableHasher.Digest]

    var path: String { "\(slug)/" }

    convenience init(
        slug: String, title: String, summary: String, date: Date?, author: String?, tags: [String], contentPath: String,
        questionCount: Int, leadQuestions: [LeadQuestion], digest: StableHasher.Digest, cardDigests: [StableHasher.Digest]
    ) {
        self.init(
            slug: slug, title: title, summary: summary, date: date, author: author, tags: tags, contentPath: contentPath,
            questionCount: questionCount, lead: .decoded(leadQuestions), digest: digest, cardDigests: cardDigests)
    }

    init(
        slug: String, title: String, summary: String, date: Date?, author: String?, tags: [String], contentPath: String,
        questionCount: Int, lead: Lead, digest: StableHasher.Digest, cardDigests: [StableHasher.Digest]
    ) {
        self.slug = slug
        self.title = title
        self.summary = summary
        self.date = date
        self.author = author
        self.tags = tags
        self.contentPath = contentPath
        self.questionCount = questionCount
        self.lead = lead
        self.digest = digest
        if cardDigests.isEmpty {
            let questions: [LeadQuestion]
            switch lead {
            case .decoded(let decoded): questions = decoded
            case .encoded(let bytes): questions = (try? Self.decodeLeadQuestions(bytes)) ?? []
            }
            self.cardDigests = (0...Self.leadQuestionLimit).map { k in
                Self.cardCoreDigest(slug: slug, title: title, summary: summary, date: date, questionCount: questionCount, lead: questions, questions: k)
            }
        } else {
            self.cardDigests = cardDigests
        }
    }

    /// The summary of a freshly made explainer whose inputs have the fingerprint `digest`.
    convenience init(_ item: PublishedExplainer, digest: StableHasher.Digest) {
        let explainer = item.explainer
        let lead = explainer.questions.prefix(Self.leadQuestionLimit).indices.map { index in
            LeadQuestion(
                question: explainer.questions[index].question, anchor: item.anchors[index],
                answerHTML: item.answersHTML[index], section: explainer.questions[index].section)
        }
        self.init(
            slug: explainer.slug, title: explainer.title, summary: explainer.summary, date: explainer.date,
            author: explainer.author, tags: explainer.tags, contentPath: item.contentPath,
            questionCount: explainer.questions.count, leadQuestions: lead, digest: digest, cardDigests: [])
    }

    /// Fingerprint of the card fields that depend on an explainer alone, with `k` questions.
    static func cardCoreDigest(
        slug: String, title: String, summary: String, date: Date?, questionCount: Int, lead: [LeadQuestion], questions k: Int
    ) -> StableHasher.Digest {
        StableHasher.digest { hasher in
            hasher.combine("card")
            hasher.combine(slug)
            hasher.combine(title)
            hasher.combine(summary)
            hasher.combine(date)
            hasher.combine(questionCount)
            let shown = lead.prefix(k)
            hasher.combine(shown.count)
            for question in shown {
                hasher.combine(question.question)
                hasher.combine(question.anchor)
                hasher.combine(question.answerHTML)
                hasher.combine(question.section)
            }
        }
    }

    static func == (a: ExplainerSummary, b: ExplainerSummary) -> Bool {
        (a.slug, a.title, a.summary, a.date, a.author) == (b.slug, b.title, b.summary, b.date, b.author)
            && (a.tags, a.contentPath, a.questionCount) == (b.tags, b.contentPath, b.questionCount)
            && a.leadQuestions == b.leadQuestions && a.digest == b.digest && a.cardDigests == b.cardDigests
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(slug)
        hasher.combine(digest)
    }

    /// Newest first; undated last; then by title and slug so the order never depends on input order.
    static func newestFirst(_ a: ExplainerSummary, _ b: ExplainerSummary) -> Bool {
        switch (a.date, b.date) {
        case let (x?, y?) where x != y: return x > y
        case (.some, nil): return true
        case (nil, .some): return false
        default:
            if a.title != b.title { return a.title < b.title }
            return a.slug < b.slug
        }
    }
}
