import ExplainerEngine
import Foundation

/// Writes `search.json`: every question and answer of the site, for the search page's script.
///
/// One entry per question, in the site's order (newest explainer first, questions in story
/// order). `url` is relative to the site root and ends in the question's anchor. The JSON is
/// script-safe, so it could also be inlined.
struct SearchIndexWriter: Sendable {
    struct Entry: Encodable, Hashable {
        var title: String
        var question: String
        var answer: String
        var url: String
        var date: String?
        var tags: [String]
    }

    func entries(for explainers: [PublishedExplainer]) -> [Entry] {
        explainers.flatMap { item in
            item.explainer.questions.indices.map { index in
                Entry(
                    title: item.explainer.title, question: item.explainer.questions[index].question,
                    answer: item.answersText[index], url: item.path + "#" + item.anchors[index],
                    date: item.explainer.date.map(SiteDate.day), tags: item.tags.map(\.name))
            }
        }
    }

    func json(for explainers: [PublishedExplainer]) throws -> Data {
        Data(try ScriptSafeJSON.encode(entries(for: explainers)).utf8)
    }
}
