import Foundation
import Mustache
import Testing

@testable import Site

@Suite("PageContext: what templates see")
struct PageContextTests {
    /// Every stored field of a view must be reachable by name through `MustacheParent`, since
    /// templates no longer fall back to reflection for these types.
    func expectEveryFieldReachable(_ value: some MustacheParent) {
        for child in Mirror(reflecting: value).children {
            guard let label = child.label else { continue }
            let isNil = Mirror(reflecting: child.value).displayStyle == .optional && Mirror(reflecting: child.value).children.isEmpty
            if isNil {
                #expect(value.child(named: label) == nil, "\(type(of: value)).\(label) should be nil")
            } else {
                #expect(value.child(named: label) != nil, "\(type(of: value)).\(label) is not reachable from templates")
            }
        }
    }

    @Test("every field of every view is reachable by name, and nil stays nil")
    func fieldsReachable() {
        let date = DateView(iso: "2024-06-19", display: "June 19, 2024")
        let tag = TagView(name: "Transport", slug: "transport", url: "tags/transport/", count: 2, countLabel: "2 explainers")
        let question = QuestionView(number: 1, question: "Why?", anchor: "q-why", answerHTML: "<p>Because.</p>", section: nil, url: "a/#q-why", isFirst: true)
        let card = ExplainerCardView(
            title: "T", url: "a/", summary: "S", date: nil, tags: [tag], hasTags: true, topQuestions: [question],
            hasTopQuestions: true, moreQuestions: "1 more question", questionCount: 2)
        let explainer = ExplainerView(
            title: "T", titleIsLong: false, slug: "a", url: "a/", jsonURL: "a/index.json", summary: "S", date: date, author: nil, tags: [tag],
            hasTags: true, questions: [question], questionCount: 1, questionCountLabel: "1 question answered", sourceFile: "content/a.md")
        let page = PageView(
            kind: "home", is: ["home": true], title: "T", documentTitle: "T", description: "D", canonicalURL: "https://example.org/",
            ogType: "website", jsonLD: "{}", publishedTime: nil, feedURL: "https://example.org/feed.xml")
        let site = SiteView(title: "T", description: "D", language: "en", ogLocale: "en", baseURL: "https://example.org/")
        let context = PageContext(
            site: site, page: page, root: "./", assets: [:], explainer: explainer, related: [card], explainers: [card], tag: tag,
            tags: [tag], years: [ArchiveYearView(year: "2024", explainers: [card])])
        expectEveryFieldReachable(context)
        expectEveryFieldReachable(site)
        expectEveryFieldReachable(page)
        expectEveryFieldReachable(date)
        expectEveryFieldReachable(tag)
        expectEveryFieldReachable(question)
        expectEveryFieldReachable(card)
        expectEveryFieldReachable(explainer)
        expectEveryFieldReachable(ArchiveYearView(year: nil, explainers: []))
    }

    @Test("an optional that is nil renders its section not at all")
    func nilSections() throws {
        let card = ExplainerCardView(
            title: "T", url: "a/", summary: "S", date: nil, tags: [], hasTags: false, topQuestions: [], hasTopQuestions: false,
            moreQuestions: nil, questionCount: 0)
        let template = try MustacheTemplate(string: "[{{#date}}<time>{{display}}</time>{{/date}}{{^date}}undated{{/date}}|{{#moreQuestions}}{{.}}{{/moreQuestions}}]")
        #expect(template.render(card) == "[undated|]")
    }
}
