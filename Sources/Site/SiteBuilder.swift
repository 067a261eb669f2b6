import Content
import ExplainerEngine
import Foundation
import Markdown

/// Builds a whole site: content → explainers → HTML → themed pages in the output folder.
///
/// The pipeline, one stage per type: `SiteConfig` reads `site.yml`; `ThemeLibrary` resolves the
/// theme with its parents; `ContentScan` lists the articles and `ArticleLoader`,
/// `ExplainerGenerator` and `MarkdownRenderer` make each one's explainer (concurrently);
/// `SiteModel` orders them and groups tags; `PageRenderer` renders the pages, and the feed,
/// sitemap and search index writers the other files; `SiteWriter` puts the site in place.
///
/// Builds are incremental (`BuildCache`): an article whose file did not change is not read
/// again, and a file of the site whose fingerprint did not change is neither rendered nor
/// written. A build with nothing changed returns without touching anything. Whatever the
/// cache held and however many cores were used, the output is byte for byte the one a first
/// build on one core makes.
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
        let paths = Paths(options)
        let writer = SiteWriter(
            outputDirectory: paths.output, protectedDirectories: [paths.source, paths.content, paths.themes])
        let cachePath = BuildCache.path(in: paths.cache, forOutput: writer.outputDirectory)
        let lock = try BuildLock(path: (cachePath as NSString).deletingLastPathComponent + "/lock") {
            progress("Waiting for another build of \(writer.outputDirectory) to finish")
        }
        defer { withExtendedLifetime(lock) {} }

        BuildTrace.mark("start")
        let scanTime = FileStamp.now()
        let scan = ContentScan.run(paths.content)
        BuildTrace.mark("scanned \(scan.files.count) files")
        let environment = environmentDigest(paths, scan: scan)
        let previous = options.incremental ? BuildCache.load(from: cachePath) : nil
        BuildTrace.mark("environment and cache read")
        if let previous, let report = upToDateReport(previous, scan: scan, environment: environment, writer: writer) {
            progress("Nothing changed since the last build of \(writer.outputDirectory)")
            return report
        }

        var (settings, diagnostics) = try prepareSettings(paths, writer: writer)
        let articleKey = Self.articleKey(paths, config: settings.config)
        let reusable = previous.flatMap { $0.articleKey == articleKey ? $0 : nil }
        let concurrency = max(1, options.maxConcurrency ?? ParallelWork.cores)
        let content = try await loadContent(
            scan, paths: paths, articleKey: articleKey, config: settings.config, previous: reusable, concurrency: concurrency)
        BuildTrace.mark("content loaded, \(content.fresh.count) made afresh")
        diagnostics += content.diagnostics
        let selection = select(content.records, diagnostics: &diagnostics)
        progress("Loaded \(selection.kept.count) article\(selection.kept.count == 1 ? "" : "s")\(selection.notes)")

        let errors = diagnostics.filter { $0.severity == .error }
        guard let theme = settings.theme, errors.isEmpty || options.keepGoing, errors.allSatisfy({ isArticleProblem($0, paths) }) else {
            throw DiagnosticList(diagnostics.sorted(by: Self.diagnosticOrder))
        }
        settings.theme = theme
        let model = SiteModel(config: settings.config, summaries: selection.kept.compactMap(\.summary))
        let assets = try Self.loadAssets(theme)
        BuildTrace.mark("model")
        progress("Rendering \(model.entries.count) explainer\(model.entries.count == 1 ? "" : "s") with the theme `\(theme.name)`")

        let site = SiteOutput(
            options: options, paths: paths, model: model, theme: theme, assets: assets, content: content,
            articleKey: articleKey, concurrency: concurrency)
        var cache = BuildCache(
            environment: environment, articleKey: articleKey, scanTime: scanTime, articles: content.records, outputs: [],
            searchFragments: [], searchIndexStamp: .missing, futureBoundary: selection.futureBoundary,
            latestPublished: selection.latestPublished, output: .none,
            articleCount: model.entries.count, pagesWritten: 0, diagnostics: diagnostics.sorted(by: Self.diagnosticOrder))
        let usable = previous.flatMap { $0.output.matches(writer.outputIdentity()) ? $0 : nil }
        let written = try await site.write(with: writer, previous: usable, cache: &cache, cachePath: cachePath)
        progress("Wrote \(written.filesWritten) of \(written.filesWritten + written.filesUnchanged) files to \(writer.outputDirectory)")
        return BuildReport(
            outputDirectory: writer.outputDirectory, articleCount: model.entries.count, pagesWritten: cache.pagesWritten,
            diagnostics: cache.diagnostics, filesWritten: written.filesWritten, filesRemoved: written.filesRemoved,
            filesUnchanged: written.filesUnchanged)
    }

    /// The folders a build reads and writes, from the options.
    struct Paths: Sendable {
        var source: String
        var output: String
        var content: String
        var themes: String
        var cache: String
        var siteConfig: String

        init(_ options: BuildOptions) {
            let source = options.sourceDirectory
            self.source = source
            output = options.outputDirectory ?? (source as NSString).appendingPathComponent("public")
            content = (source as NSString).appendingPathComponent("content")
            themes = options.themesDirectory ?? (source as NSString).appendingPathComponent("Themes")
            cache = options.cacheDirectory ?? (source as NSString).appendingPathComponent(".explainer-cache")
            siteConfig = (source as NSString).appendingPathComponent("site.yml")
        }
    }

    /// The settings and theme of a build, and whether the output folder may be replaced.
    struct Settings {
        var config: SiteConfig
        var theme: ResolvedTheme?
    }

    /// Reads `site.yml` and the theme, and checks the output folder; problems are collected so
    /// that one run reports them all with the content's.
    func prepareSettings(_ paths: Paths, writer: SiteWriter) throws(DiagnosticList) -> (Settings, [Diagnostic]) {
        var (config, diagnostics) = try SiteConfig.load(from: paths.siteConfig)
        if let baseURL = options.baseURL { config.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/" }
        do {
            try writer.checkOutputIsReplaceable()
        } catch {
            diagnostics.append(error)
        }
        var theme: ResolvedTheme?
        do {
            theme = try ThemeLibrary(directory: paths.themes).resolve(options.themeName ?? config.theme)
        } catch {
            diagnostics += error.diagnostics
        }
        return (Settings(config: config, theme: theme), diagnostics)
    }

    /// Everything a check reads: settings, theme, articles, and the problems found.
    struct Inputs {
        var config: SiteConfig
        var theme: ResolvedTheme?
        var articles: [Article]
        var diagnostics: [Diagnostic]
    }

    /// Reads and checks every input without writing anything.
    func prepare() throws(DiagnosticList) -> Inputs {
        let paths = Paths(options)
        let writer = SiteWriter(outputDirectory: paths.output, protectedDirectories: [paths.source, paths.content, paths.themes])
        let (settings, settingsDiagnostics) = try prepareSettings(paths, writer: writer)
        var diagnostics = settingsDiagnostics
        let content = ContentDirectory.load(paths.content)
        diagnostics += content.diagnostics
        let infos = content.articles.map { ArticleRecord.Info(sourcePath: $0.sourcePath, slug: $0.slug, draft: $0.draft, date: $0.date) }
        let kept = selectInfos(infos, diagnostics: &diagnostics).kept
        return Inputs(config: settings.config, theme: settings.theme, articles: kept.map { content.articles[$0] }, diagnostics: diagnostics)
    }

    /// Checks the settings, the theme and every article without writing anything, and returns
    /// every problem found, sorted by file and line (`explainer check`). `articleCheck` adds
    /// checks of each article (the explainer engine's, for example).
    public func check(articleCheck: @Sendable (Article) -> [Diagnostic] = { _ in [] }) -> [Diagnostic] {
        do {
            let inputs = try prepare()
            let perArticle = inputs.articles.flatMap(articleCheck)
            return (inputs.diagnostics + perArticle).sorted(by: Self.diagnosticOrder)
        } catch {
            return error.diagnostics
        }
    }

    /// Whether a diagnostic is about one article, so that `keepGoing` can build the others.
    func isArticleProblem(_ diagnostic: Diagnostic, _ paths: Paths) -> Bool {
        diagnostic.location.file.hasPrefix(paths.content + "/")
    }

    /// Reads every asset of the theme chain, sorted by path.
    static func loadAssets(_ theme: ResolvedTheme) throws(DiagnosticList) -> [AssetFile] {
        var assets: [AssetFile] = []
        for (relative, path) in theme.assetFiles.sorted(by: { $0.key < $1.key }) {
            guard let data = FileContents.data(atPath: path) else {
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
