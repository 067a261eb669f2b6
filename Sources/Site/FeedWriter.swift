import ExplainerEngine
import Foundation

/// Writes `feed.xml`, an Atom 1.0 feed of the newest explainers.
///
/// The feed's `updated` is the newest article date (never the build time, so two builds of the
/// same content are the same bytes); entries without a date take the feed's. Each entry's
/// content is the explainer's questions and answers as HTML.
struct FeedWriter: Sendable {
    var config: SiteConfig
    /// The most entries the feed carries.
    var limit = 50

    /// The feed of `explainers` (newest first; the first `limit` are used), whose newest date
    /// among all the site's explainers is `newest`.
    func xml(for explainers: [PublishedExplainer], newest: Date?) -> Data {
        let newest = newest ?? Date(timeIntervalSince1970: 0)
        let feedUpdated = SiteDate.iso8601(newest)
        var lines: [String] = [
            #"<?xml version="1.0" encoding="utf-8"?>"#,
            #"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\#(x(config.language))">"#,
            "  <title>\(x(config.title))</title>",
        ]
        if !config.description.isEmpty { lines.append("  <subtitle>\(x(config.description))</subtitle>") }
        lines += [
            "  <id>\(x(config.absoluteURL("")))</id>",
            #"  <link rel="alternate" type="text/html" href="\#(x(config.absoluteURL("")))"/>"#,
            #"  <link rel="self" type="application/atom+xml" href="\#(x(config.absoluteURL("feed.xml")))"/>"#,
            "  <updated>\(feedUpdated)</updated>",
            "  <author><name>\(x(config.title))</name></author>",
            "  <generator>Explainer</generator>",
        ]
        for item in explainers.prefix(limit) {
            let url = config.absoluteURL(item.path)
            let updated = item.explainer.date.map(SiteDate.iso8601) ?? feedUpdated
            var html = ""
            for (index, qa) in item.explainer.questions.enumerated() {
                html += "<h2>\(HTMLEscaping.escape(qa.question))</h2>\n\(item.answersHTML[index])"
            }
            lines.append("  <entry>")
            lines.append("    <title>\(x(item.explainer.title))</title>")
            lines.append(#"    <link rel="alternate" type="text/html" href="\#(x(url))"/>"#)
            lines.append("    <id>\(x(url))</id>")
            if let date = item.explainer.date { lines.append("    <published>\(SiteDate.iso8601(date))</published>") }
            lines.append("    <updated>\(updated)</updated>")
            if let author = item.explainer.author { lines.append("    <author><name>\(x(author))</name></author>") }
            for tag in item.tags {
                lines.append(#"    <category term="\#(x(tag.name))" scheme="\#(x(config.absoluteURL("tags/")))"/>"#)
            }
            lines.append("    <summary>\(x(item.description))</summary>")
            lines.append(#"    <content type="html">\#(x(html))</content>"#)
            lines.append("  </entry>")
        }
        lines.append("</feed>")
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }

    private func x(_ text: String) -> String { XMLEscaping.escape(text) }
}
