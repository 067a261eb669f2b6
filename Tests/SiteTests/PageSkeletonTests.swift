import Foundation
import Mustache
import Testing

@testable import Site

@Suite("PageSkeleton: pages filled in from skeletons are the pages the templates make")
struct PageSkeletonTests {
    /// Articles whose values test what a skeleton must keep: empty and missing fields, answers
    /// ending with and without newlines, lone newlines, markup, placeholder characters, long
    /// titles, sections, many and no tags.
    static let trickyArticles: [String: String] = {
        var articles = SiteFixture.defaultArticles
        articles["tricky.md"] = """
            ---
            title: 'A very long headline that goes on and on, well past eighty characters, to test the long-title flag & <escaping>'
            summary: ''
            author: "Zoë \u{F8F0}&1\u{F8F1} O'Neil"
            date: 2024-02-02
            tags: [one, Two, three, four, five, Transport]
            ---

            ## What about "quotes" & <tags>?

            Line one\\
            line two with a hard break.

            ## Is a placeholder \u{F8F0}&0\u{F8F1} safe?

            Yes: \u{F8F0}&amp;3\u{F8F1} stays text.

            ## Does code survive?

            ```
            {{not a tag}}
            ```
            """
        articles["plain.txt"] = """
            Council budget passes

            The council passed its budget on Tuesday after a long debate that ran past midnight, members said.

            Who voted against it? Two members did, citing the cost of the new depot.

            What happens next? The mayor signs it within ten days.
            """
        for index in 0..<12 {
            articles["same-\(index).md"] = """
                ---
                title: Same shape \(index)
                date: 2023-0\(index % 9 + 1)-01
                tags: [transport, weather]
                ---

                ## First question \(index)?

                First answer \(index).

                ## Second question \(index)?

                Second answer, with [a link](https://example.org/\(index)).
                """
        }
        return articles
    }()

    @Test("every page of both themes is the same with and without skeletons", arguments: ["default", "cards"])
    func sameAsDirect(theme: String) async throws {
        let site = try SiteFixture(articles: Self.trickyArticles)
        defer { site.remove() }
        var withSkeletons = site.options(output: site.root.appendingPathComponent("skeletons").path, theme: theme)
        withSkeletons.maxConcurrency = 1
        var direct = site.options(output: site.root.appendingPathComponent("direct").path, theme: theme)
        direct.usesSkeletons = false
        try await SiteBuilder(options: withSkeletons).build()
        try await SiteBuilder(options: direct).build()
        let a = SiteFixture.snapshot(withSkeletons.outputDirectory!), b = SiteFixture.snapshot(direct.outputDirectory!)
        #expect(a.count > 30)
        #expect(a.keys.sorted() == b.keys.sorted())
        for (path, data) in b where a[path] != data {
            Issue.record("\(path) differs when made from a skeleton")
        }
        #expect(try String(decoding: #require(a["tricky/index.html"]), as: UTF8.self).contains("Zoë \u{F8F0}&amp;1\u{F8F1} O&#39;Neil"))
    }

    @Test("the repository's themes allow skeletons; value-dependent template features do not")
    func applicability() throws {
        let themes = ThemeLibrary(directory: SiteFixture.repositoryThemes)
        #expect(try themes.resolve("default").allowsSkeletons)
        #expect(try themes.resolve("cards").allowsSkeletons)
        #expect(PageSkeleton.isApplicable(to: ["{{#first(tags)}}{{name}}{{/first(tags)}}{{^empty(summary)}}x{{/empty(summary)}}{{index()}}{{count(tags)}}"]))
        for text in [
            "{{lowercased(title)}}", "{{empty(summary)}}", "{{#reversed(title)}}{{/reversed(title)}}", "{{% CONTENT_TYPE: TEXT }}",
            "{{=<% %>=}}", "{{>*partialName}}", "{{#sorted(tags)}}{{/sorted(tags)}}", "a \u{F8F0} b",
        ] {
            #expect(!PageSkeleton.isApplicable(to: [text]), "\(text)")
        }
    }

    @Test("a skeleton that would differ from the template is caught, and the page made directly")
    func mismatchIsCaught() throws {
        var library = MustacheLibrary()
        library.register(try MustacheTemplate(string: "<h1>{{capitalized(page.title)}}</h1>"), named: "explainer")
        let theme = ResolvedTheme(chain: [Theme(name: "t", directory: "/t")], library: library, templateFiles: [:], assetFiles: [:])
        let site = SiteView(title: "S", description: "", language: "en", ogLocale: "en", baseURL: "https://example.org/")
        let page = PageView(
            kind: "explainer", is: ["explainer": true], title: "lower case title", documentTitle: "t", description: "d",
            canonicalURL: "c", ogType: "article", jsonLD: "{}", publishedTime: nil, feedURL: "f")
        let skeletons = PageSkeletons()
        let html = skeletons.render("explainer", context: PageContext(site: site, page: page, root: "../", assets: [:]), theme: theme)
        #expect(html == "<h1>Lower Case Title</h1>")
        #expect(skeletons.failed)
    }

    @Test("the fields walked for skeletons are the fields templates look up, with the same values")
    func fieldsAgreeWithLookups() {
        struct Recorder: TemplateFieldVisitor {
            var names: [String] = []
            var mismatches: [String] = []
            let parent: any MustacheParent

            mutating func check(_ name: String, _ value: Any?) {
                names.append(name)
                let looked = parent.child(named: name)
                if String(describing: looked) != String(describing: value) { mismatches.append(name) }
            }
            mutating func text(_ name: String, _ value: String?) { check(name, value) }
            mutating func number(_ name: String, _ value: Int) { check(name, value) }
            mutating func flag(_ name: String, _ value: Bool) { check(name, value) }
            mutating func flags(_ name: String, _ value: [String: Bool]) { check(name, value) }
            mutating func textTable(_ name: String, _ value: [String: String]) { check(name, value) }
            mutating func view<View: TemplateFields>(_ name: String, _ value: View?) { names.append(name) }
            mutating func views<View: TemplateFields>(_ name: String, _ values: [View]) { names.append(name) }
        }
        func expectAgreement(_ value: some TemplateFields & MustacheParent) {
            var recorder = Recorder(parent: value)
            value.visitFields(&recorder)
            let labels = Mirror(reflecting: value).children.compactMap(\.label)
            #expect(recorder.names == labels, "\(type(of: value)) walks \(recorder.names), has \(labels)")
            #expect(recorder.mismatches == [], "\(type(of: value))")
        }
        let date = DateView(iso: "2024-06-19", display: "June 19, 2024")
        let tag = TagView(name: "Transport", slug: "transport", url: "tags/transport/", count: 2, countLabel: "2 explainers")
        let question = QuestionView(number: 1, question: "Why?", anchor: "q-why", answerHTML: "<p>Because.</p>", section: "S", url: "a/#q-why", isFirst: true)
        let card = ExplainerCardView(
            title: "T", url: "a/", summary: "S", date: date, tags: [tag], hasTags: true, topQuestions: [question],
            hasTopQuestions: true, moreQuestions: nil, questionCount: 2)
        let explainer = ExplainerView(
            title: "T", titleIsLong: false, slug: "a", url: "a/", jsonURL: "a/index.json", summary: "S", date: date, author: "A", tags: [tag],
            hasTags: true, questions: [question], questionCount: 1, questionCountLabel: "1 question answered", sourceFile: "content/a.md")
        let page = PageView(
            kind: "home", is: ["home": true], title: "T", documentTitle: "T", description: "D", canonicalURL: "https://example.org/",
            ogType: "website", jsonLD: "{}", publishedTime: "2024", feedURL: "https://example.org/feed.xml")
        let site = SiteView(title: "T", description: "D", language: "en", ogLocale: "en", baseURL: "https://example.org/")
        let context = PageContext(
            site: site, page: page, root: "./", assets: ["a": "b"], explainer: explainer, related: [card], explainers: [card], tag: tag,
            tags: [tag], years: [ArchiveYearView(year: "2024", explainers: [card])])
        expectAgreement(context)
        expectAgreement(site)
        expectAgreement(page)
        expectAgreement(date)
        expectAgreement(tag)
        expectAgreement(question)
        expectAgreement(card)
        expectAgreement(explainer)
        expectAgreement(ArchiveYearView(year: nil, explainers: []))
    }
}
