import Content
import ExplainerEngine
import Foundation

/// An explainer ready to publish: the engine's output plus what its pages need — answers as
/// HTML and plain text, an anchor per question, its tags as links.
struct PublishedExplainer: Sendable, Hashable {
    var explainer: Explainer
    /// The content file relative to the site folder (`content/kim.txt`), the same on every machine.
    var contentPath: String
    /// One per question, in order: the answer's HTML from the Markdown renderer.
    var answersHTML: [String]
    /// One per question: the answer as plain text (for descriptions, search, feeds, JSON-LD).
    var answersText: [String]
    /// One per question: the `id` of its section, unique on the page.
    var anchors: [String]
    var tags: [SiteTag]

    var slug: String { explainer.slug }
    /// The page's path relative to the site root: `slug/`.
    var path: String { "\(explainer.slug)/" }

    /// The summary, or the first answer when there is none, cut for a meta description.
    var description: String {
        let summary = explainer.summary.trimmingCharacters(in: .whitespacesAndNewlines)
        return PlainText.truncate(summary.isEmpty ? (answersText.first ?? explainer.title) : summary, to: 200)
    }

    /// Anchors for questions: `q-` plus the question's slug, numbered when two are alike.
    static func anchors(for questions: [QuestionAnswer]) -> [String] {
        var used = Set<String>()
        return questions.enumerated().map { index, item in
            var base = Slug.make(from: item.question)
            if base.count > 60, let cut = base.prefix(60).lastIndex(of: "-") { base = String(base[..<cut]) }
            let stem = base.isEmpty ? "q-\(index + 1)" : "q-\(base)"
            var anchor = stem
            var counter = 2
            while !used.insert(anchor).inserted {
                anchor = "\(stem)-\(counter)"
                counter += 1
            }
            return anchor
        }
    }
}

/// A tag as the site shows it: the name as written in the first article (by slug order) that
/// uses it, and the slug of its page.
struct SiteTag: Sendable, Hashable {
    var name: String
    var slug: String
    var path: String { "tags/\(slug)/" }
}
