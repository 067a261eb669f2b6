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

        /// The entry as `JSONEncoder` with sorted keys would write it (no `date` when there is none).
        func write(to writer: inout ScriptSafeJSON.Writer) {
            writer.raw("{\"answer\":")
            writer.string(answer)
            if let date {
                writer.raw(",\"date\":")
                writer.string(date)
            }
            writer.raw(",\"question\":")
            writer.string(question)
            writer.raw(",\"tags\":[")
            for (index, tag) in tags.enumerated() {
                if index > 0 { writer.raw(UInt8(ascii: ",")) }
                writer.string(tag)
            }
            writer.raw("],\"title\":")
            writer.string(title)
            writer.raw(",\"url\":")
            writer.string(url)
            writer.raw(UInt8(ascii: "}"))
        }
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

    /// One explainer's entries as they appear in `search.json`, separated by commas (empty
    /// when it has no questions). The index is its non-empty fragments joined by commas in
    /// brackets, so an unchanged explainer's fragment can be copied from the previous index.
    func fragment(for item: PublishedExplainer) -> [UInt8] {
        var writer = ScriptSafeJSON.Writer(capacity: 4096)
        for (index, entry) in entries(for: [item]).enumerated() {
            if index > 0 { writer.raw(UInt8(ascii: ",")) }
            entry.write(to: &writer)
        }
        return writer.bytes
    }

    func json(for explainers: [PublishedExplainer]) -> Data {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        for fragment in explainers.map(fragment(for:)) where !fragment.isEmpty {
            if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
            bytes += fragment
        }
        bytes.append(UInt8(ascii: "]"))
        return Data(bytes)
    }
}
