import ExplainerEngine
import Foundation

/// The JSON-LD each page carries in its head, for search engines and link previews.
///
/// An explainer page gets a `NewsArticle` and a `FAQPage` whose `Question`/`acceptedAnswer`
/// pairs are exactly the questions on the page; the home page a `WebSite` with its search
/// action; lists of explainers a `CollectionPage`. The result is script-safe JSON.
struct StructuredData: Sendable {
    var config: SiteConfig

    func explainerPage(_ item: PublishedExplainer) -> String {
        let explainer = item.explainer
        let url = config.absoluteURL(item.path)
        var article: [String: JSONValue] = [
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "@id": .string(url + "#article"),
            "headline": .string(explainer.title),
            "description": .string(item.description),
            "url": .string(url),
            "mainEntityOfPage": .string(url),
            "inLanguage": .string(config.language),
            "publisher": publisher,
            "author": explainer.author.map { ["@type": "Person", "name": .string($0)] } ?? publisher,
        ]
        if let date = explainer.date {
            article["datePublished"] = .string(SiteDate.iso8601(date))
            article["dateModified"] = .string(SiteDate.iso8601(date))
        }
        if !item.tags.isEmpty {
            article["keywords"] = .array(item.tags.map { .string($0.name) })
        }
        let questions: [JSONValue] = zip(explainer.questions, item.answersText).map { qa, answer in
            [
                "@type": "Question",
                "name": .string(qa.question),
                "acceptedAnswer": ["@type": "Answer", "text": .string(answer)],
            ]
        }
        let faq: JSONValue = [
            "@context": "https://schema.org",
            "@type": "FAQPage",
            "@id": .string(url + "#faq"),
            "url": .string(url),
            "inLanguage": .string(config.language),
            "mainEntity": .array(questions),
        ]
        return ScriptSafeJSON.encode(JSONValue.array([.object(article), faq]))
    }

    func homePage() -> String {
        let root = config.absoluteURL("")
        let site: JSONValue = [
            "@context": "https://schema.org",
            "@type": "WebSite",
            "@id": .string(root + "#website"),
            "name": .string(config.title),
            "description": .string(config.description),
            "url": .string(root),
            "inLanguage": .string(config.language),
            "publisher": publisher,
            "potentialAction": [
                "@type": "SearchAction",
                "target": .string(config.absoluteURL("search/") + "?q={search_term_string}"),
                "query-input": "required name=search_term_string",
            ],
        ]
        return ScriptSafeJSON.encode(site)
    }

    /// A page listing explainers (tag, tag index, archive, search): `items` are site-relative paths.
    func collectionPage(name: String, description: String, path: String, items: [(name: String, path: String)]) -> String {
        let elements: [JSONValue] = items.enumerated().map { index, item in
            ["@type": "ListItem", "position": .int(index + 1), "name": .string(item.name), "url": .string(config.absoluteURL(item.path))]
        }
        var page: [String: JSONValue] = [
            "@context": "https://schema.org",
            "@type": "CollectionPage",
            "name": .string(name),
            "description": .string(description),
            "url": .string(config.absoluteURL(path)),
            "inLanguage": .string(config.language),
            "isPartOf": ["@type": "WebSite", "name": .string(config.title), "url": .string(config.absoluteURL(""))],
        ]
        if !elements.isEmpty {
            page["mainEntity"] = ["@type": "ItemList", "itemListElement": .array(elements)]
        }
        return ScriptSafeJSON.encode(JSONValue.object(page))
    }

    private var publisher: JSONValue {
        ["@type": "Organization", "name": .string(config.title), "url": .string(config.absoluteURL(""))]
    }
}
