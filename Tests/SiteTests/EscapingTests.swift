import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

@testable import Site

@Suite("Escaping: content cannot break out of HTML, JSON-LD, the feed, the sitemap or the search index")
struct EscapingTests {
    static let title = #"Why <script>alert("t")</script> & </script><!-- Tom's "quote"?"#
    static let question = "Is </script><!-- a problem?"

    static let hostileArticle = """
        ---
        title: '\(title.replacingOccurrences(of: "'", with: "''"))'
        summary: 'Summary with <img src=x onerror=alert(1)> & </script>'
        date: 2024-03-01
        tags: ['<b>bold</b>', news]
        ---

        ## \(question)

        Answer with <script>alert(2)</script> and [a link](javascript:alert(3)).
        """

    func buildHostileSite() async throws -> SiteFixture {
        let site = try SiteFixture(articles: ["hostile.md": Self.hostileArticle])
        try await site.build()
        return site
    }

    @Test("HTML pages escape titles, summaries, tags and drop raw HTML from answers")
    func html() async throws {
        let site = try await buildHostileSite()
        defer { site.remove() }
        for page in ["hostile/index.html", "index.html", "archive/index.html", "tags/b-bold-b/index.html", "tags/index.html"] {
            let html = try site.read(page)
            #expect(!html.contains("<script>alert"), "\(page) lets a script through")
            #expect(!html.contains("<img src=x"), "\(page) lets an image through")
            #expect(!html.contains("<b>bold"), "\(page) lets markup through")
            // Only our own script elements: JSON-LD and the theme's scripts.
            let scripts = html.components(separatedBy: "<script").count - 1
            let closers = html.components(separatedBy: "</script>").count - 1
            #expect(scripts == closers, "\(page): \(scripts) <script> but \(closers) </script>")
        }
        let html = try site.read("hostile/index.html")
        #expect(html.contains("Why &lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt; &amp; &lt;/script&gt;&lt;!-- Tom&#39;s &quot;quote&quot;?"))
        #expect(html.contains(#"<meta name="description" content="Summary with &lt;img src=x onerror=alert(1)&gt; &amp; &lt;/script&gt;">"#))
        #expect(!html.contains("javascript:alert"))
    }

    @Test("JSON-LD is script-safe and decodes to exactly the content")
    func jsonLD() async throws {
        let site = try await buildHostileSite()
        defer { site.remove() }
        let html = try site.read("hostile/index.html")
        let start = try #require(html.range(of: #"<script type="application/ld+json">"#))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let json = String(html[start.upperBound..<end.lowerBound])
        #expect(!json.contains("<") && !json.contains(">"))
        #expect(json.contains(#"\u003c/script\u003e"#))
        let items = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        let article = try #require(items.first { $0["@type"] as? String == "NewsArticle" })
        #expect(article["headline"] as? String == Self.title)
        let faq = try #require(items.first { $0["@type"] as? String == "FAQPage" })
        let questions = try #require(faq["mainEntity"] as? [[String: Any]])
        #expect(questions.map { $0["name"] as? String } == [Self.question])
        let answer = (questions[0]["acceptedAnswer"] as? [String: Any])?["text"] as? String
        #expect(answer?.hasPrefix("Answer with") == true)
    }

    @Test("the feed and the sitemap are well-formed XML holding the exact title")
    func feedAndSitemap() async throws {
        let site = try await buildHostileSite()
        defer { site.remove() }
        let feed = try site.read("feed.xml")
        #expect(!feed.contains("<script"))
        let titles = try XMLText.elements(named: "title", in: Data(feed.utf8))
        #expect(titles == ["Test Desk", Self.title])
        let sitemap = try site.read("sitemap.xml")
        let locations = try XMLText.elements(named: "loc", in: Data(sitemap.utf8))
        #expect(locations.contains("https://example.org/hostile/"))
        #expect(locations.contains("https://example.org/tags/b-bold-b/"))
    }

    @Test("the search index is script-safe JSON holding the exact title and question")
    func searchIndex() async throws {
        let site = try await buildHostileSite()
        defer { site.remove() }
        let text = try site.read("search.json")
        #expect(!text.contains("<") && !text.contains(">") && !text.contains("&"))
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(entries.count == 1)
        #expect(entries[0]["title"] as? String == Self.title)
        #expect(entries[0]["question"] as? String == Self.question)
        #expect(entries[0]["tags"] as? [String] == ["<b>bold</b>", "news"])
    }

    @Test("ScriptSafeJSON escapes <, >, & and line separators")
    func scriptSafeJSON() {
        #expect(ScriptSafeJSON.escape(#"{"a":"</script><!--&\#u{2028}"}"#) == #"{"a":"\u003c/script\u003e\u003c!--\u0026\u2028"}"#)
    }

    @Test("the JSON writer writes what JSONEncoder with sorted keys and the script-safe escapes write")
    func jsonWriterMatchesEncoder() throws {
        let decoded = [
            "", "plain", #"quote " backslash \ slash / tab "# + "\t", "\u{0}\u{1}\u{1F}\u{7F}", "line\nfeed\r\u{8}\u{C}",
            "</script><!-- & >", "\u{2028}\u{2029}", "é 😀 “curly” — \u{E2}", "\u{E2}\u{80}",
        ]
        let value = JSONValue.array(decoded.map(JSONValue.string) + [
            ["b": .int(1), "a": .string("x"), "@type": "T", "A": [], "a10": .int(2), "a9": .int(-3), "é": "e", "query-input": "q"],
        ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let expected = ScriptSafeJSON.escape(String(decoding: try encoder.encode(value), as: UTF8.self))
        #expect(ScriptSafeJSON.encode(value) == expected)

        let entries = decoded.map { text in
            SearchIndexWriter.Entry(title: text, question: text + "?", answer: text, url: "a/#q", date: text.isEmpty ? nil : "2024-01-01", tags: [text, "t"])
        }
        var writer = ScriptSafeJSON.Writer()
        writer.raw(UInt8(ascii: "["))
        for (index, entry) in entries.enumerated() {
            if index > 0 { writer.raw(UInt8(ascii: ",")) }
            entry.write(to: &writer)
        }
        writer.raw(UInt8(ascii: "]"))
        #expect(writer.text == ScriptSafeJSON.escape(String(decoding: try encoder.encode(entries), as: UTF8.self)))
    }

    @Test("plain text from HTML: tags dropped, block ends spaced, entities decoded, white space folded")
    func plainText() {
        #expect(PlainText.fromHTML("<p>One &amp; <em>two</em></p>\n<ul>\n<li>three</li>\n<li>four&#x2014;five</li>\n</ul>\n")
            == "One & two three four\u{2014}five")
        #expect(PlainText.fromHTML("<P>A</P><BR/>b<br />c&nbsp;d&bogus; &#65;&quot;") == "A b c d&bogus; A\"")
        #expect(PlainText.fromHTML("  lone < sign") == "lone")
        #expect(PlainText.collapseWhitespace("\u{2003}a\u{3000}\u{85}b\r\n\tc\u{A0} ") == "a b c")
        #expect(PlainText.decodeEntities("&amp;&lt;&gt;&quot;&apos;&#x1F600;&#;&") == "&<>\"'😀&#;&")
    }

    @Test("XMLEscaping escapes markup and drops characters XML forbids")
    func xmlEscaping() {
        #expect(XMLEscaping.escape("a<b>&\"c'\u{1}\u{0B}d") == "a&lt;b&gt;&amp;&quot;c&apos;d")
    }
}

/// The text of every element with a given name in an XML document; throws if it does not parse.
final class XMLText: NSObject, XMLParserDelegate {
    private let name: String
    private var current: String?
    private var values: [String] = []

    private init(name: String) { self.name = name }

    static func elements(named name: String, in data: Data) throws -> [String] {
        let collector = XMLText(name: name)
        let parser = XMLParser(data: data)
        parser.delegate = collector
        guard parser.parse() else {
            throw parser.parserError ?? CocoaError(.coderReadCorrupt)
        }
        return collector.values
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if elementName == name { current = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        current? += string
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if elementName == name, let value = current { values.append(value) }
        current = nil
    }
}

@Suite("SiteDate: days worked out directly agree with Foundation's formatter")
struct SiteDateTests {
    @Test("every day of several centuries, and times within a day")
    func days() {
        let style = Date.ISO8601FormatStyle(timeZone: SiteDate.utc).year().month().day()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = SiteDate.utc
        for dayNumber in stride(from: -400_000, to: 3_000_000, by: 997) {
            for offset in [0.0, 1, 43_199.5, 86_399.999] {
                let date = Date(timeIntervalSince1970: Double(dayNumber) * 86_400 + offset)
                #expect(SiteDate.day(date) == date.formatted(style), "\(date)")
                #expect(SiteDate.year(date) == calendar.component(.year, from: date), "\(date)")
            }
        }
    }
}
