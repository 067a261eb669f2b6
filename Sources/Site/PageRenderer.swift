import ExplainerEngine
import Foundation

/// Renders the pages of the site through the theme's templates, one page per call, and tells
/// for each page a fingerprint of everything it shows.
///
/// Lists (home, tags, archive, 404) are made from the explainers' summaries; an explainer's own
/// page needs the whole explainer, which the caller passes in. Rendering a page touches no
/// shared state, so pages may be rendered concurrently and in any order.
struct PageRenderer: Sendable {
    var model: SiteModel
    var theme: ResolvedTheme
    /// Asset key → hashed path relative to the site root.
    var assets: [String: String]
    /// Put before `</body>` in every page (the preview's live reload), when set.
    var bodyEndHTML: String?
    /// For each entry, the entries shown as related (`SiteModel.related(to:)`), when worked out
    /// beforehand for every page at once.
    var related: [[Int]] = []
    /// Entries' dates as pages show them (`SiteModel.dateViews(of:)`), for the pages to render;
    /// a date missing here is formatted when needed.
    var dates: [Date: DateView] = [:]
    /// Skeletons for explainer pages (`PageSkeleton`), when the theme allows them.
    var skeletons: PageSkeletons?

    /// This renderer rendering every page directly through the templates.
    var withoutSkeletons: PageRenderer {
        var renderer = self
        renderer.skeletons = nil
        return renderer
    }

    func related(to index: Int) -> [Int] {
        related.isEmpty ? model.related(to: index) : related[index]
    }

    /// The kinds of page, one render job each.
    enum Page: Sendable, Hashable {
        case home, explainer(Int), tagIndex, tag(Int), archive, search, notFound
    }

    /// How many questions cards show on each kind of page: the home page's cards show the top
    /// questions; a topic's page lists its explainers with their deks, as the archive does.
    enum CardQuestions {
        static let list = 3
        static let related = 2
        static let topic = 0
        static let brief = 0
    }

    /// Every page of the site.
    var pages: [Page] {
        var pages: [Page] = [.home, .tagIndex, .archive, .search, .notFound]
        pages += model.entries.indices.map(Page.explainer)
        pages += model.tags.indices.map(Page.tag)
        return pages
    }

    func outputPath(of page: Page) -> String {
        switch page {
        case .home: "index.html"
        case .explainer(let index): model.entries[index].path + "index.html"
        case .tagIndex: "tags/index.html"
        case .tag(let index): model.tags[index].tag.path + "index.html"
        case .archive: "archive/index.html"
        case .search: "search/index.html"
        case .notFound: "404.html"
        }
    }

    /// Renders `page`; `explainer` is the whole explainer for `.explainer` pages (ignored otherwise).
    func render(_ page: Page, explainer full: PublishedExplainer? = nil) throws -> String {
        let config = model.config
        let data = StructuredData(config: config)
        switch page {
        case .home:
            var context = makeContext(
                kind: "home", title: config.title, description: config.description.isEmpty ? config.title : config.description,
                path: "", root: "./", jsonLD: data.homePage())
            context.explainers = model.entries.map { card($0, questions: CardQuestions.list) }
            context.tags = model.tags.map(tagView)
            return try output(template: "home", context: context)

        case .explainer(let index):
            guard var item = full else { preconditionFailure("an explainer page needs its explainer") }
            item.tags = model.entries[index].tags
            var context = makeContext(
                kind: "explainer", title: item.explainer.title, description: item.description, path: item.path,
                root: "../", jsonLD: data.explainerPage(item))
            context.page.ogType = "article"
            context.page.publishedTime = item.explainer.date.map(SiteDate.iso8601)
            context.explainer = explainerView(item)
            context.related = related(to: index).map { card(model.entries[$0], questions: CardQuestions.related) }
            return try output(template: "explainer", context: context)

        case .tagIndex:
            let description = "Every topic covered by \(config.title)."
            var context = makeContext(
                kind: "tags", title: "Topics", description: description, path: "tags/", root: "../",
                jsonLD: data.collectionPage(
                    name: "Topics", description: description, path: "tags/",
                    items: model.tags.map { ($0.tag.name, $0.tag.path) }))
            context.tags = model.tags.map(tagView)
            return try output(template: "tags", context: context)

        case .tag(let index):
            let group = model.tags[index]
            let title = group.tag.name
            let description = "Explainers about \(group.tag.name) from \(config.title)."
            var context = makeContext(
                kind: "tag", title: title, description: description, path: group.tag.path, root: "../../",
                jsonLD: data.collectionPage(
                    name: title, description: description, path: group.tag.path,
                    items: group.members.map { (model.entries[$0].summary.title, model.entries[$0].path) }))
            context.tag = tagView(group)
            context.explainers = group.members.map { card(model.entries[$0], questions: CardQuestions.topic) }
            return try output(template: "tag", context: context)

        case .archive:
            let description = "Every explainer published by \(config.title), newest first."
            var context = makeContext(
                kind: "archive", title: "Archive", description: description, path: "archive/", root: "../",
                jsonLD: data.collectionPage(
                    name: "Archive", description: description, path: "archive/",
                    items: model.entries.map { ($0.summary.title, $0.path) }))
            context.years = archiveYears()
            return try output(template: "archive", context: context)

        case .search:
            let description = "Search every question and answer on \(config.title)."
            let context = makeContext(
                kind: "search", title: "Search", description: description, path: "search/", root: "../",
                jsonLD: data.collectionPage(name: "Search", description: description, path: "search/", items: []))
            return try output(template: "search", context: context)

        case .notFound:
            // Served for any missing URL at any depth: links lead from the base URL's path.
            var context = makeContext(
                kind: "404", title: "Page not found", description: "This page does not exist on \(config.title).",
                path: "404.html", root: config.basePath, jsonLD: data.collectionPage(
                    name: "Page not found", description: "This page does not exist.", path: "404.html", items: []))
            context.explainers = model.entries.prefix(Self.notFoundCards).map { card($0, questions: CardQuestions.brief) }
            return try output(template: "404", context: context)
        }
    }

    /// How many of the newest explainers the 404 page shows.
    static let notFoundCards = 5

    private func output(template: String, context: PageContext) throws -> String {
        let rendered = if let skeletons, template == "explainer", theme.allowsSkeletons {
            skeletons.render(template, context: context, theme: theme)
        } else {
            theme.render(template, context: context)
        }
        guard let html = rendered else {
            throw SiteBuildError.missingTemplate(template, theme: theme.name)
        }
        guard let bodyEndHTML else { return html }
        return Self.inserting(bodyEndHTML, beforeBodyEndOf: html)
    }

    /// `html` with `insertion` before its last `</body>` (or at the end when there is none).
    static func inserting(_ insertion: String, beforeBodyEndOf html: String) -> String {
        guard let range = html.range(of: "</body>", options: .backwards) else { return html + insertion }
        return html.replacingCharacters(in: range.lowerBound..<range.lowerBound, with: insertion)
    }

    func makeContext(kind: String, title: String, description: String, path: String, root: String, jsonLD: String) -> PageContext {
        let config = model.config
        let site = SiteView(
            title: config.title, description: config.description, language: config.language,
            ogLocale: config.language.replacingOccurrences(of: "-", with: "_"), baseURL: config.baseURL)
        let page = PageView(
            kind: kind, is: [kind: true], title: title,
            documentTitle: kind == "home" ? config.title : "\(title) — \(config.title)",
            description: description, canonicalURL: config.absoluteURL(path), ogType: "website", jsonLD: jsonLD,
            publishedTime: nil, feedURL: config.absoluteURL("feed.xml"))
        return PageContext(site: site, page: page, root: root, assets: assets)
    }

    func dateView(_ date: Date?) -> DateView? {
        date.map { DateView(iso: SiteDate.day($0), display: SiteDate.display($0, language: model.config.language)) }
    }

    func tagView(_ tag: SiteTag, count: Int) -> TagView {
        TagView(
            name: tag.name, slug: tag.slug, url: tag.path, count: count,
            countLabel: count == 1 ? "1 explainer" : "\(count) explainers")
    }

    func tagView(_ group: SiteModel.TagGroup) -> TagView {
        tagView(group.tag, count: group.members.count)
    }

    func explainerView(_ item: PublishedExplainer) -> ExplainerView {
        let tags = item.tags.map { tag in tagView(tag, count: model.count(ofTag: tag.slug) ?? 1) }
        let questions = item.explainer.questions.enumerated().map { index, qa in
            QuestionView(
                number: index + 1, question: qa.question, anchor: item.anchors[index], answerHTML: item.answersHTML[index],
                section: qa.section, url: item.path + "#" + item.anchors[index], isFirst: index == 0)
        }
        return ExplainerView(
            title: item.explainer.title, titleIsLong: item.explainer.title.count > 80, slug: item.slug, url: item.path, jsonURL: item.path + "index.json",
            summary: item.explainer.summary, date: item.explainer.date.flatMap { dates[$0] } ?? dateView(item.explainer.date),
            author: item.explainer.author,
            tags: tags, hasTags: !tags.isEmpty, questions: questions,
            questionCount: item.explainer.questions.count,
            questionCountLabel: item.explainer.questions.count == 1 ? "1 question answered" : "\(item.explainer.questions.count) questions answered",
            sourceFile: item.contentPath)
    }

    func card(_ entry: SiteModel.Entry, questions limit: Int) -> ExplainerCardView {
        let summary = entry.summary
        let shown = summary.leadQuestions.prefix(limit).enumerated().map { index, lead in
            QuestionView(
                number: index + 1, question: lead.question, anchor: lead.anchor, answerHTML: lead.answerHTML,
                section: lead.section, url: summary.path + "#" + lead.anchor, isFirst: index == 0)
        }
        let tags = entry.tags.map { tagView($0, count: 0) }
        return ExplainerCardView(
            title: summary.title, url: summary.path, summary: summary.summary, date: summary.date.flatMap { dates[$0] } ?? dateView(summary.date),
            tags: tags, hasTags: !tags.isEmpty, topQuestions: shown, hasTopQuestions: !shown.isEmpty,
            moreQuestions: moreLabel(summary.questionCount - shown.count, shown: shown.count),
            questionCount: summary.questionCount)
    }

    private func moreLabel(_ hidden: Int, shown: Int) -> String? {
        guard hidden > 0, shown > 0 else { return nil }
        return hidden == 1 ? "1 more question" : "\(hidden) more questions"
    }

    func archiveYears() -> [ArchiveYearView] {
        var years: [ArchiveYearView] = []
        for entry in model.entries {
            let year = entry.summary.date.map { String(SiteDate.year($0)) }
            if years.last?.year != year || years.isEmpty {
                years.append(ArchiveYearView(year: year, explainers: []))
            }
            years[years.count - 1].explainers.append(card(entry, questions: CardQuestions.brief))
        }
        return years
    }
}
