import ExplainerEngine
import Foundation

/// Renders every page of the site through the theme's templates, plus the files made from the
/// same model: `search.json`, `feed.xml`, `sitemap.xml`, `robots.txt` and each explainer's
/// `index.json`.
///
/// Pages are rendered concurrently; the result is sorted by path, so it never depends on which
/// task finished first.
struct PageRenderer: Sendable {
    var model: SiteModel
    var theme: ResolvedTheme
    /// Asset key → hashed path relative to the site root.
    var assets: [String: String]

    /// The kinds of page, one render job each.
    enum Page: Sendable, Hashable {
        case home, explainer(Int), tagIndex, tag(Int), archive, search, notFound

        var outputPath: String {
            switch self {
            case .home: "index.html"
            case .explainer: ""  // set from the slug
            case .tagIndex: "tags/index.html"
            case .tag: ""
            case .archive: "archive/index.html"
            case .search: "search/index.html"
            case .notFound: "404.html"
            }
        }
    }

    func render() async throws -> [OutputFile] {
        var jobs: [Page] = [.home, .tagIndex, .archive, .search, .notFound]
        jobs += model.explainers.indices.map(Page.explainer)
        jobs += model.tags.indices.map(Page.tag)
        var files = try await withThrowingTaskGroup(of: OutputFile.self, returning: [OutputFile].self) { group in
            for job in jobs {
                group.addTask { try self.render(job) }
            }
            var result: [OutputFile] = []
            for try await file in group { result.append(file) }
            return result
        }
        for item in model.explainers {
            files.append(OutputFile(path: item.path + "index.json", text: try ExplainerWriter.json(item.explainer) + "\n"))
        }
        files.append(OutputFile(path: "search.json", data: try SearchIndexWriter().json(for: model.explainers)))
        files.append(OutputFile(path: "feed.xml", data: FeedWriter(config: model.config).xml(for: model.explainers)))
        let sitemap = SitemapWriter(config: model.config)
        files.append(OutputFile(path: "sitemap.xml", data: sitemap.xml(for: sitemapPages())))
        files.append(OutputFile(path: "robots.txt", data: sitemap.robots()))
        return files.sorted { $0.path < $1.path }
    }

    /// Every page a search engine should know: all but `404.html`.
    func sitemapPages() -> [SitemapWriter.Page] {
        var pages: [SitemapWriter.Page] = [
            .init(path: "", lastModified: model.explainers.compactMap(\.explainer.date).max()),
            .init(path: "tags/"), .init(path: "archive/"), .init(path: "search/"),
        ]
        pages += model.explainers.map { .init(path: $0.path, lastModified: $0.explainer.date) }
        pages += model.tags.map { group in
            .init(path: group.tag.path, lastModified: group.explainers.compactMap(\.explainer.date).max())
        }
        return pages
    }

    func render(_ page: Page) throws -> OutputFile {
        let config = model.config
        let data = StructuredData(config: config)
        switch page {
        case .home:
            var context = makeContext(
                kind: "home", title: config.title, description: config.description.isEmpty ? config.title : config.description,
                path: "", root: "./", jsonLD: try data.homePage())
            context.explainers = model.explainers.map { card($0, questions: 3) }
            context.tags = model.tags.map(tagView)
            return try output(page.outputPath, template: "home", context: context)

        case .explainer(let index):
            let item = model.explainers[index]
            var context = makeContext(
                kind: "explainer", title: item.explainer.title, description: item.description, path: item.path,
                root: "../", jsonLD: try data.explainerPage(item))
            context.page.ogType = "article"
            context.page.publishedTime = item.explainer.date.map(SiteDate.iso8601)
            context.explainer = explainerView(item)
            context.related = model.related(to: item).map { card($0, questions: 2) }
            return try output(item.path + "index.html", template: "explainer", context: context)

        case .tagIndex:
            let description = "Every topic covered by \(config.title)."
            var context = makeContext(
                kind: "tags", title: "Topics", description: description, path: "tags/", root: "../",
                jsonLD: try data.collectionPage(
                    name: "Topics", description: description, path: "tags/",
                    items: model.tags.map { ($0.tag.name, $0.tag.path) }))
            context.tags = model.tags.map(tagView)
            return try output(page.outputPath, template: "tags", context: context)

        case .tag(let index):
            let group = model.tags[index]
            let title = group.tag.name
            let description = "Explainers about \(group.tag.name) from \(config.title)."
            var context = makeContext(
                kind: "tag", title: title, description: description, path: group.tag.path, root: "../../",
                jsonLD: try data.collectionPage(
                    name: title, description: description, path: group.tag.path,
                    items: group.explainers.map { ($0.explainer.title, $0.path) }))
            context.tag = tagView(group)
            context.explainers = group.explainers.map { card($0, questions: 3) }
            return try output(group.tag.path + "index.html", template: "tag", context: context)

        case .archive:
            let description = "Every explainer published by \(config.title), newest first."
            var context = makeContext(
                kind: "archive", title: "Archive", description: description, path: "archive/", root: "../",
                jsonLD: try data.collectionPage(
                    name: "Archive", description: description, path: "archive/",
                    items: model.explainers.map { ($0.explainer.title, $0.path) }))
            context.years = archiveYears()
            return try output(page.outputPath, template: "archive", context: context)

        case .search:
            let description = "Search every question and answer on \(config.title)."
            let context = makeContext(
                kind: "search", title: "Search", description: description, path: "search/", root: "../",
                jsonLD: try data.collectionPage(name: "Search", description: description, path: "search/", items: []))
            return try output(page.outputPath, template: "search", context: context)

        case .notFound:
            // Served for any missing URL at any depth: links lead from the base URL's path.
            var context = makeContext(
                kind: "404", title: "Page not found", description: "This page does not exist on \(config.title).",
                path: "404.html", root: config.basePath, jsonLD: try data.collectionPage(
                    name: "Page not found", description: "This page does not exist.", path: "404.html", items: []))
            context.explainers = model.explainers.prefix(5).map { card($0, questions: 0) }
            return try output(page.outputPath, template: "404", context: context)
        }
    }

    private func output(_ path: String, template: String, context: PageContext) throws -> OutputFile {
        guard let html = theme.render(template, context: context) else {
            throw SiteBuildError.missingTemplate(template, theme: theme.name)
        }
        return OutputFile(path: path, text: html)
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
        tagView(group.tag, count: group.explainers.count)
    }

    func questionViews(_ item: PublishedExplainer) -> [QuestionView] {
        item.explainer.questions.enumerated().map { index, qa in
            QuestionView(
                number: index + 1, question: qa.question, anchor: item.anchors[index], answerHTML: item.answersHTML[index],
                section: qa.section, url: item.path + "#" + item.anchors[index], isFirst: index == 0)
        }
    }

    func explainerView(_ item: PublishedExplainer) -> ExplainerView {
        let tags = item.tags.map { tag in tagView(tag, count: model.tags.first { $0.tag.slug == tag.slug }?.explainers.count ?? 1) }
        return ExplainerView(
            title: item.explainer.title, titleIsLong: item.explainer.title.count > 80, slug: item.slug, url: item.path, jsonURL: item.path + "index.json",
            summary: item.explainer.summary, date: dateView(item.explainer.date), author: item.explainer.author,
            tags: tags, hasTags: !tags.isEmpty, questions: questionViews(item),
            questionCount: item.explainer.questions.count,
            questionCountLabel: item.explainer.questions.count == 1 ? "1 question answered" : "\(item.explainer.questions.count) questions answered",
            sourceFile: item.contentPath)
    }

    func card(_ item: PublishedExplainer, questions limit: Int) -> ExplainerCardView {
        let questions = questionViews(item)
        let tags = item.tags.map { tagView($0, count: 0) }
        let shown = Array(questions.prefix(limit))
        return ExplainerCardView(
            title: item.explainer.title, url: item.path, summary: item.explainer.summary, date: dateView(item.explainer.date),
            tags: tags, hasTags: !tags.isEmpty, topQuestions: shown, hasTopQuestions: !shown.isEmpty,
            moreQuestions: moreLabel(questions.count - shown.count, shown: shown.count),
            questionCount: questions.count)
    }

    private func moreLabel(_ hidden: Int, shown: Int) -> String? {
        guard hidden > 0, shown > 0 else { return nil }
        return hidden == 1 ? "1 more question" : "\(hidden) more questions"
    }

    func archiveYears() -> [ArchiveYearView] {
        var years: [ArchiveYearView] = []
        for item in model.explainers {
            let year = item.explainer.date.map { String(SiteDate.year($0)) }
            if years.last?.year != year || years.isEmpty {
                years.append(ArchiveYearView(year: year, explainers: []))
            }
            years[years.count - 1].explainers.append(card(item, questions: 0))
        }
        return years
    }
}
