import Content
import ExplainerEngine
import Foundation
import Markdown

/// What to build and where: the inputs of one site build.
public struct BuildOptions: Sendable {
    /// The site folder: holds `site.yml`, `content/` and `Themes/`.
    public var sourceDirectory: String
    /// Where the finished site goes; `<source>/public` when nil.
    public var outputDirectory: String?
    /// Overrides `theme:` in `site.yml`.
    public var themeName: String?
    public var includeDrafts: Bool
    public var includeFuture: Bool
    /// Build the valid articles even when others have errors (the build still reports failure).
    public var keepGoing: Bool
    /// Overrides `base_url` in `site.yml` (the preview server serves at its own address).
    public var baseURL: String?
    /// A script placed before `</body>` in every HTML page (the preview's live reload).
    public var liveReloadScript: String?
    /// The folder holding the themes; `<source>/Themes` when nil.
    public var themesDirectory: String?
    /// The moment that decides which articles are "in the future"; the time of the build when nil.
    public var now: Date?

    public init(
        sourceDirectory: String = ".", outputDirectory: String? = nil, themeName: String? = nil,
        includeDrafts: Bool = false, includeFuture: Bool = false, keepGoing: Bool = false,
        themesDirectory: String? = nil, now: Date? = nil
    ) {
        self.sourceDirectory = sourceDirectory
        self.outputDirectory = outputDirectory
        self.themeName = themeName
        self.includeDrafts = includeDrafts
        self.includeFuture = includeFuture
        self.keepGoing = keepGoing
        self.themesDirectory = themesDirectory
        self.now = now
    }
}

/// What a build did.
public struct BuildReport: Sendable {
    public var outputDirectory: String
    public var articleCount: Int
    public var pagesWritten: Int
    /// Problems that did not stop the build (warnings, or errors with `keepGoing`).
    public var diagnostics: [Diagnostic]
}

/// Builds a whole site: content → explainers → HTML → themed pages in the output folder.
///
/// The pipeline, one stage per type: `SiteConfig` reads `site.yml`; `ThemeLibrary` resolves the
/// theme with its parents; `ContentDirectory` loads the articles; `ExplainerGenerator` and
/// `MarkdownRenderer` make each explainer's answers (concurrently); `SiteModel` orders them and
/// groups tags; `PageRenderer` renders the pages and the feed, sitemap and search index;
/// `SiteWriter` swaps the finished site into place.
public struct SiteBuilder: Sendable {
    public let options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Slugs the site's own pages and files use, which an article cannot take.
    public static let reservedSlugs: Set<String> = ["tags", "archive", "search", "assets"]

    /// Runs the build. Throws `DiagnosticList` when any error was found; the previous output
    /// folder is then left exactly as it was.
    public func build(progress: @escaping @Sendable (String) -> Void = { _ in }) async throws -> BuildReport {
        let source = options.sourceDirectory
        let outputDirectory = options.outputDirectory ?? (source as NSString).appendingPathComponent("public")
        var (config, warnings) = try SiteConfig.load(from: (source as NSString).appendingPathComponent("site.yml"))
        if let baseURL = options.baseURL { config.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/" }
        var diagnostics = warnings

        let themesDirectory = options.themesDirectory ?? (source as NSString).appendingPathComponent("Themes")
        let contentDirectory = (source as NSString).appendingPathComponent("content")
        let writer = SiteWriter(
            outputDirectory: outputDirectory,
            protectedDirectories: [source, contentDirectory, themesDirectory])
        do {
            try writer.checkOutputIsReplaceable()
        } catch {
            diagnostics.append(error)
        }
        // Theme problems are collected with the content's, so one run reports them all.
        var resolvedTheme: ResolvedTheme?
        do {
            resolvedTheme = try ThemeLibrary(directory: themesDirectory).resolve(options.themeName ?? config.theme)
        } catch {
            diagnostics += error.diagnostics
        }

        let content = ContentDirectory.load(contentDirectory)
        diagnostics += content.diagnostics
        let (articles, selectionNotes) = select(content.articles, contentDirectory: contentDirectory, diagnostics: &diagnostics)
        progress("Loaded \(articles.count) article\(articles.count == 1 ? "" : "s")\(selectionNotes)")

        let errors = diagnostics.filter { $0.severity == .error }
        guard let theme = resolvedTheme, errors.isEmpty || options.keepGoing, errors.allSatisfy(isArticleProblem) else {
            throw DiagnosticList(diagnostics.sorted(by: Self.diagnosticOrder))
        }

        let markdown = MarkdownRenderer(options: config.rawHTML ? [.standard, .unsafe] : .standard)
        let explainers = await Self.explain(articles, contentDirectory: contentDirectory, markdown: markdown)
        progress("Rendered \(explainers.count) explainer\(explainers.count == 1 ? "" : "s") with the theme `\(theme.name)`")

        let model = SiteModel(config: config, explainers: explainers)
        let assets = try Self.loadAssets(theme)
        let assetPaths = Dictionary(uniqueKeysWithValues: assets.map { (ResolvedTheme.assetKey($0.sourcePath), $0.outputPath) })
        var pages = try await PageRenderer(model: model, theme: theme, assets: assetPaths).render()
        if let script = options.liveReloadScript {
            pages = pages.map { $0.isPage ? $0.insertingBeforeBodyEnd("<script>\n\(script)</script>\n") : $0 }
        }
        let files = pages + assets.map { OutputFile(path: $0.outputPath, data: $0.data) }

        let written = try writer.write(files)
        let pageCount = files.filter(\.isPage).count
        progress("Wrote \(pageCount) pages (\(written) files) to \(outputDirectory)")
        return BuildReport(
            outputDirectory: outputDirectory, articleCount: explainers.count, pagesWritten: pageCount,
            diagnostics: diagnostics.sorted(by: Self.diagnosticOrder))
    }

    /// Whether a diagnostic is about one article, so that `keepGoing` can build the others.
    func isArticleProblem(_ diagnostic: Diagnostic) -> Bool {
        let contentDirectory = (options.sourceDirectory as NSString).appendingPathComponent("content")
        return diagnostic.location.file.hasPrefix(contentDirectory + "/")
    }

    /// Drops drafts and future articles (unless asked for), articles with errors, and articles
    /// whose slug a site page uses. Returns what is left and a note on what was left out.
    func select(_ articles: [Article], contentDirectory: String, diagnostics: inout [Diagnostic]) -> ([Article], String) {
        let now = options.now ?? Date()
        var drafts = 0, future = 0
        var kept: [Article] = []
        for article in articles {
            if SiteBuilder.reservedSlugs.contains(article.slug) {
                diagnostics.append(Diagnostic(
                    at: SourceLocation(file: article.sourcePath, line: 1, column: 1),
                    "the slug \"\(article.slug)\" is used by the site's own /\(article.slug)/ page",
                    hint: "rename the file or set another `slug:` in its front matter"))
                continue
            }
            if diagnostics.contains(where: { $0.severity == .error && $0.location.file == article.sourcePath }) { continue }
            if article.draft && !options.includeDrafts { drafts += 1; continue }
            if let date = article.date, date > now, !options.includeFuture { future += 1; continue }
            kept.append(article)
        }
        var notes: [String] = []
        if drafts > 0 { notes.append("\(drafts) draft\(drafts == 1 ? "" : "s") left out (--drafts includes them)") }
        if future > 0 { notes.append("\(future) dated in the future left out (--future includes them)") }
        return (kept, notes.isEmpty ? "" : "; " + notes.joined(separator: ", "))
    }

    /// Each article's explainer with its answers rendered, made concurrently, in input order.
    static func explain(_ articles: [Article], contentDirectory: String, markdown: MarkdownRenderer) async -> [PublishedExplainer] {
        let contentPrefix = contentDirectory.hasSuffix("/") ? contentDirectory : contentDirectory + "/"
        return await withTaskGroup(of: (Int, PublishedExplainer).self, returning: [PublishedExplainer].self) { group in
            for (index, article) in articles.enumerated() {
                group.addTask {
                    var explainer = ExplainerGenerator().explain(article)
                    let relative = explainer.sourcePath.hasPrefix(contentPrefix)
                        ? String(explainer.sourcePath.dropFirst(contentPrefix.count)) : (explainer.sourcePath as NSString).lastPathComponent
                    explainer.sourcePath = "content/" + relative
                    let html = explainer.questions.map { markdown.html($0.answer) }
                    let published = PublishedExplainer(
                        explainer: explainer, contentPath: explainer.sourcePath, answersHTML: html,
                        answersText: html.map(PlainText.fromHTML), anchors: PublishedExplainer.anchors(for: explainer.questions),
                        tags: [])
                    return (index, published)
                }
            }
            var results: [(Int, PublishedExplainer)] = []
            for await result in group { results.append(result) }
            return results.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    /// Reads every asset of the theme chain, sorted by path.
    static func loadAssets(_ theme: ResolvedTheme) throws(DiagnosticList) -> [AssetFile] {
        var assets: [AssetFile] = []
        for (relative, path) in theme.assetFiles.sorted(by: { $0.key < $1.key }) {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw DiagnosticList([Diagnostic(at: SourceLocation(file: path, line: 0, column: 0), "cannot read the theme asset")])
            }
            assets.append(AssetFile(sourcePath: relative, data: data))
        }
        return assets
    }

    static func diagnosticOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        (a.location.file, a.location.line, a.location.column, a.message) < (b.location.file, b.location.line, b.location.column, b.message)
    }
}
