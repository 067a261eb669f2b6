import Content
import Foundation
import Testing

@testable import Site

@Suite("SiteBuilder: whole sites built into temporary folders")
struct SiteBuilderTests {
    @Test("an explainer page holds its questions, answers, anchors and key-questions list")
    func explainerPage() async throws {
        let site = try SiteFixture()
        defer { site.remove() }
        let report = try await site.build()
        #expect(report.articleCount == 3)
        let html = try site.read("bridge-vote/index.html")
        #expect(html.contains(#"<h1 id="headline" class="headline">Harbor Street bridge vote</h1>"#))
        #expect(html.contains(#"<p class="dek">The council approved the new bridge, 5 votes to 2.</p>"#))
        #expect(html.contains(#"<time datetime="2024-06-19">June 19, 2024</time>"#))
        #expect(html.contains(#"<span class="author">By Ana Reyes</span>"#))
        #expect(html.contains(##"<li><a href="#q-what-did-the-council-decide">What did the council decide?</a></li>"##))
        #expect(html.contains(#"<section class="qa" id="q-how-much-will-it-cost" aria-labelledby="q-how-much-will-it-cost-title">"#))
        #expect(html.contains(#"<h2 class="qa-question" id="q-how-much-will-it-cost-title">How much will it cost?</h2>"#))
        #expect(html.contains("<p>It approved the <strong>Harbor Street bridge</strong> by 5 votes to 2.</p>"))
        #expect(html.contains("<p>About 40 million dollars, paid over ten years.</p>"))
        #expect(html.contains(##"<a class="copy-link" href="#q-when-does-construction-start" data-copy-link"##))
        #expect(html.contains("<code>content/bridge-vote.md</code>"))
        // Related by the shared tag "Transport"/"transport".
        #expect(html.contains(#"<a href="../ferry-wind/">Ferries cancelled by high winds</a>"#))
        for landmark in ["<header class=\"masthead\">", "<nav class=\"site-nav\" aria-label=\"Site\">", "<main id=\"main\"", "<footer", "class=\"skip-link\" href=\"#main\""] {
            #expect(html.contains(landmark), "missing \(landmark)")
        }
        let json = try site.read("bridge-vote/index.json")
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        #expect(decoded["title"] as? String == "Harbor Street bridge vote")
        #expect((decoded["questions"] as? [[String: Any]])?.map { $0["question"] as? String } == [
            "What did the council decide?", "How much will it cost?", "When does construction start?",
        ])
    }

    @Test("the site has home, tag, tag index, archive, search, 404, feed, sitemap and robots files")
    func everyPage() async throws {
        let site = try SiteFixture()
        defer { site.remove() }
        let report = try await site.build()
        for file in ["index.html", "tags/index.html", "tags/transport/index.html", "tags/city-hall/index.html", "archive/index.html",
                     "search/index.html", "search.json", "404.html", "feed.xml", "sitemap.xml", "robots.txt", "notes/index.html"] {
            #expect(site.exists(file), "missing \(file)")
        }
        #expect(report.pagesWritten == 11)  // home, 3 explainers, tag index, 3 tags, archive, search, 404

        // Newest first on the home page, each with its first questions.
        let home = try site.read("index.html")
        let bridge = try #require(home.range(of: "Harbor Street bridge vote"))
        let ferry = try #require(home.range(of: "Ferries cancelled by high winds"))
        #expect(bridge.lowerBound < ferry.lowerBound)
        #expect(home.contains(#"<a href="./ferry-wind/#q-why-were-the-ferries-cancelled">Why were the ferries cancelled?</a>"#))

        // "Transport" and "transport" are one tag, named as first written (by slug order).
        let transport = try site.read("tags/transport/index.html")
        #expect(transport.contains(#"<h1 class="page-title">Transport</h1>"#))
        #expect(transport.contains("Harbor Street bridge vote") && transport.contains("Ferries cancelled by high winds"))
        // A topic lists its explainers with their deks; their questions are on the home page and their own.
        #expect(!transport.contains("card-questions") && !transport.contains("Why were the ferries cancelled?"))
        #expect(try site.read("tags/index.html").contains(#"<a href="../tags/weather/"><span class="topic-name">weather</span> <span class="count">1 explainer</span></a>"#))

        let robots = try site.read("robots.txt")
        #expect(robots.contains("Sitemap: https://example.org/sitemap.xml"))
        let sitemap = try site.read("sitemap.xml")
        for page in ["", "bridge-vote/", "ferry-wind/", "notes/", "tags/", "tags/transport/", "archive/", "search/"] {
            #expect(sitemap.contains("<loc>https://example.org/\(page)</loc>"), "sitemap lacks \(page)")
        }
        #expect(!sitemap.contains("404"))

        let search = try JSONSerialization.jsonObject(with: Data(try site.read("search.json").utf8)) as! [[String: Any]]
        #expect(search.contains { $0["question"] as? String == "How much will it cost?" && $0["url"] as? String == "bridge-vote/#q-how-much-will-it-cost" })
        #expect(search.contains { ($0["answer"] as? String)?.contains("Gusts reached 90 km/h") == true })

        let feed = try site.read("feed.xml")
        #expect(feed.contains("<updated>2024-06-19T00:00:00Z</updated>"))
        #expect(feed.contains("<id>https://example.org/bridge-vote/</id>"))
        #expect(LinkChecker(folder: site.output, baseURL: "https://example.org/").problems() == [])
    }

    @Test("drafts and future articles are left out unless asked for")
    func draftsAndFuture() async throws {
        let site = try SiteFixture()
        defer { site.remove() }
        try await site.build()
        #expect(!site.exists("draft-story/index.html"))
        #expect(!site.exists("future-story/index.html"))
        #expect(!(try site.read("search.json")).contains("Unfinished draft story"))
        #expect(!(try site.read("feed.xml")).contains("Story from the future"))

        let report = try await site.build(drafts: true, future: true)
        #expect(report.articleCount == 5)
        #expect(site.exists("draft-story/index.html"))
        #expect(site.exists("future-story/index.html"))
    }

    @Test("two builds of the same input are byte-identical")
    func reproducible() async throws {
        let site = try SiteFixture()
        defer { site.remove() }
        let first = site.root.appendingPathComponent("first").path
        let second = site.root.appendingPathComponent("second").path
        try await site.build(output: first)
        try await site.build(output: second)
        let a = SiteFixture.snapshot(first), b = SiteFixture.snapshot(second)
        #expect(a.count > 15)
        #expect(a.keys.sorted() == b.keys.sorted())
        for (path, data) in a { #expect(b[path] == data, "\(path) differs") }
    }

    @Test("a failing build leaves the previous output byte-identical and names the file and line")
    func failedBuildKeepsOutput() async throws {
        let site = try SiteFixture()
        defer { site.remove() }
        try await site.build()
        let before = SiteFixture.snapshot(site.output)
        try site.write("content/broken.md", "---\ntitle: Broken\ntags: [one, two\n---\n\n## Why?\n\nBecause.\n")
        try site.write("content/new-good.md", "---\ntitle: A new good story\n---\n\n## Is it new?\n\nYes.\n")
        await #expect(throws: DiagnosticList.self) { try await site.build() }
        do {
            try await site.build()
        } catch let list as DiagnosticList {
            let diagnostic = try #require(list.diagnostics.first { $0.location.file.hasSuffix("content/broken.md") })
            #expect(diagnostic.severity == .error)
            #expect(diagnostic.location.line == 4)
        }
        #expect(SiteFixture.snapshot(site.output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains("staging") }
        #expect(leftovers == [])
    }

    @Test("with keepGoing the valid articles are built and the errors reported")
    func keepGoing() async throws {
        let site = try SiteFixture()
        defer { site.remove() }
        try site.write("content/broken.md", "---\ntitle: [unclosed\n---\n\n## Why?\n\nBecause.\n")
        var options = site.options()
        options.keepGoing = true
        let report = try await SiteBuilder(options: options).build()
        #expect(report.articleCount == 3)
        #expect(report.diagnostics.contains { $0.severity == .error && $0.location.file.hasSuffix("broken.md") })
    }

    @Test("a base URL with a path gives canonical URLs under it and links that resolve under it")
    func baseURLWithPath() async throws {
        let site = try SiteFixture(siteYAML: """
            title: News Explainers
            base_url: https://example.org/news/explainers
            """)
        defer { site.remove() }
        try await site.build()
        let page = try site.read("bridge-vote/index.html")
        #expect(page.contains(#"<link rel="canonical" href="https://example.org/news/explainers/bridge-vote/">"#))
        #expect(page.contains(#"<meta property="og:url" content="https://example.org/news/explainers/bridge-vote/">"#))
        #expect(page.contains(#""url":"https://example.org/news/explainers/bridge-vote/""#))
        // 404.html is served at any depth: its links start from the base URL's path.
        let notFound = try site.read("404.html")
        #expect(notFound.contains(#"<link rel="stylesheet" href="/news/explainers/assets/style."#))
        #expect(notFound.contains(#"<a href="/news/explainers/tags/">Topics</a>"#))
        #expect(try site.read("sitemap.xml").contains("<loc>https://example.org/news/explainers/tags/transport/</loc>"))
        #expect(try site.read("robots.txt").contains("Sitemap: https://example.org/news/explainers/sitemap.xml"))
        #expect(try site.read("feed.xml").contains(#"<link rel="self" type="application/atom+xml" href="https://example.org/news/explainers/feed.xml"/>"#))
        #expect(LinkChecker(folder: site.output, baseURL: "https://example.org/news/explainers/").problems() == [])
    }

    @Test("the cards theme extends default: questions are <details> cards, other pages fall back")
    func cardsTheme() async throws {
        let site = try SiteFixture()
        defer { site.remove() }
        try await site.build(theme: "cards")
        let page = try site.read("bridge-vote/index.html")
        #expect(page.contains(#"<details class="qa-card" id="q-what-did-the-council-decide" open>"#))
        #expect(page.contains(#"<details class="qa-card" id="q-how-much-will-it-cost">"#))
        #expect(page.contains(#"<h2 class="qa-question" id="q-how-much-will-it-cost-title">How much will it cost?</h2>"#))
        #expect(!page.contains(#"<section class="qa""#))
        // The default theme's key questions and layout are inherited.
        #expect(page.contains(#"<nav class="key-questions" id="key-questions""#))
        let stylesheets = LinkChecker.links(in: page).filter { $0.hasSuffix(".css") }
        #expect(stylesheets.count == 2)
        #expect(stylesheets.allSatisfy { $0.range(of: #"^\.\./assets/(style|cards)\.[0-9a-f]{10}\.css$"#, options: .regularExpression) != nil })
        #expect(site.exists("archive/index.html"))
        #expect(LinkChecker(folder: site.output, baseURL: "https://example.org/").problems() == [])
    }

    @Test("asset files carry a content hash and every reference uses the hashed name")
    func hashedAssets() async throws {
        let site = try SiteFixture()
        defer { site.remove() }
        try await site.build()
        let assets = try FileManager.default.contentsOfDirectory(atPath: site.output + "/assets").sorted()
        #expect(assets.count == 4)
        #expect(assets.allSatisfy { $0.range(of: #"^[a-z]+\.[0-9a-f]{10}\.(css|js|svg)$"#, options: .regularExpression) != nil })
        let home = try site.read("index.html")
        #expect(!home.contains("style.css"))
        for asset in assets where asset.hasSuffix(".css") || asset.hasPrefix("site.") {
            #expect(home.contains("assets/\(asset)"))
        }
        #expect(try site.read("search/index.html").contains(#"<script src="../assets/search."#))
    }

    @Test("dates are shown in the site's language")
    func localizedDates() async throws {
        let site = try SiteFixture(siteYAML: "title: Le Desk\nlanguage: fr\nbase_url: https://example.fr/")
        defer { site.remove() }
        try await site.build()
        let page = try site.read("bridge-vote/index.html")
        #expect(page.contains(#"<html lang="fr">"#))
        #expect(page.contains(#"<time datetime="2024-06-19">19 juin 2024</time>"#))
    }

    @Test("an article whose slug a site page uses is an error")
    func reservedSlug() async throws {
        let site = try SiteFixture(articles: ["tags.md": "---\ntitle: Tags\n---\n\n## What?\n\nThis.\n"])
        defer { site.remove() }
        await #expect(throws: DiagnosticList.self) { try await site.build() }
    }
}

@Suite("SiteBuilder: sparse content")
struct SparseContentTests {
    @Test("no description, no summary, no date: no empty elements or stray separators")
    func sparse() async throws {
        let site = try SiteFixture(
            siteYAML: "title: Bare\n",
            articles: ["bare.md": "---\ntitle: Bare story\nsummary: ''\n---\n\n## Why?\n\nBecause.\n"])
        defer { site.remove() }
        try await site.build()
        let page = try site.read("bare/index.html")
        #expect(!page.contains(#"<p class="dek">"#))
        #expect(!page.contains("<time"))
        #expect(page.contains(#"<p class="footer-brand"><a href="../">Bare</a></p>"#))
        let home = try site.read("index.html")
        #expect(!home.contains(#"<p class="page-dek">"#))
        #expect(!home.contains(#"<p class="card-dek">"#))
        #expect(home.contains(#"<link rel="canonical" href="http://localhost:8000/">"#))
    }

    @Test("a site with no articles still builds every page")
    func empty() async throws {
        let site = try SiteFixture(articles: [:])
        defer { site.remove() }
        let report = try await site.build()
        #expect(report.articleCount == 0)
        #expect(try site.read("index.html").contains("No explainers have been published yet."))
        #expect(try site.read("feed.xml").contains("<updated>1970-01-01T00:00:00Z</updated>"))
        #expect(try site.read("search.json") == "[]")
    }
}
