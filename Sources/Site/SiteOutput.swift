import Content
import ExplainerEngine
import Foundation
import Markdown

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every file of the site with its fingerprint, and the work of making the ones that changed
/// and putting them in place.
///
/// Files are rendered concurrently and written as soon as they are made, so a site of ten
/// thousand pages is never held in memory whole.
struct SiteOutput: Sendable {
    var options: BuildOptions
    var paths: SiteBuilder.Paths
    var model: SiteModel
    var theme: ResolvedTheme
    var assets: [AssetFile]
    var content: SiteBuilder.Content
    var articleKey: StableHasher.Digest
    var concurrency: Int

    /// One kind of file of the site.
    enum Product: Sendable, Hashable {
        case page(PageRenderer.Page)
        /// `slug/index.json` of the entry at this index.
        case explainerJSON(Int)
        case searchIndex
        case feed
        case sitemap
        case robots
        case asset(Int)
    }

    /// A file of the site: where it goes, its fingerprint and what makes it.
    struct PlannedFile: Sendable {
        var path: String
        var key: StableHasher.Digest
        var product: Product

        var isExplainerPage: Bool {
            if case .page(.explainer) = product { return true }
            return false
        }
    }

    /// What a build did to the output folder.
    struct Written: Sendable {
        var filesWritten = 0
        var filesRemoved = 0
        var filesUnchanged = 0
    }

    /// The most entries the feed carries.
    static let feedLimit = FeedWriter(config: SiteConfig(title: "")).limit

    var renderer: PageRenderer {
        let assetPaths = Dictionary(uniqueKeysWithValues: assets.map { (ResolvedTheme.assetKey($0.sourcePath), $0.outputPath) })
        return PageRenderer(
            model: model, theme: theme, assets: assetPaths,
            bodyEndHTML: options.liveReloadScript.map { "<script>\n\($0)</script>\n" })
    }

    /// Fingerprint of everything every file may depend on besides the explainers: the tool,
    /// the settings, the theme's templates and assets, the live-reload script.
    var siteDigest: StableHasher.Digest {
        var hasher = StableHasher()
        hasher.combine("site")
        hasher.combine(BuildCache.formatVersion)
        hasher.combine(ToolIdentity.digest)
        let config = model.config
        hasher.combine([config.title, config.description, config.baseURL, config.language, config.theme])
        hasher.combine(config.rawHTML)
        hasher.combine(theme.chain.map(\.name))
        for (name, path) in theme.templateFiles.sorted(by: { $0.key < $1.key }) {
            hasher.combine(name)
            hasher.combine(FileContents.data(atPath: path) ?? Data())
        }
        for asset in assets {
            hasher.combine(asset.outputPath)
            hasher.combine(asset.data)
        }
        hasher.combine(options.liveReloadScript)
        return hasher.finalize()
    }

    /// Fingerprint of an entry's part of the search index and feed: its explainer and its tags' names.
    func entryKey(_ index: Int) -> StableHasher.Digest {
        let entry = model.entries[index]
        return StableHasher.digest { hasher in
            hasher.combine(entry.summary.digest)
            hasher.combine(entry.tags.map(\.name))
        }
    }

    /// Every file of the site with its fingerprint, sorted by path.
    func plan(renderer: PageRenderer, site: StableHasher.Digest, entryKeys: [StableHasher.Digest]) async throws -> [PlannedFile] {
        let cards = PageRenderer.CardKeys(model: model)
        var files = try await ParallelWork.map(renderer.pages, maxConcurrency: concurrency, chunkSize: 64) { page in
            PlannedFile(path: renderer.outputPath(of: page), key: renderer.key(of: page, site: site, cards: cards), product: .page(page))
        }
        for (index, entry) in model.entries.enumerated() {
            let key = StableHasher.digest { hasher in
                hasher.combine("json")
                hasher.combine(entry.summary.digest)
            }
            files.append(PlannedFile(path: entry.path + "index.json", key: key, product: .explainerJSON(index)))
        }
        files.append(PlannedFile(path: "search.json", key: StableHasher.digest { hasher in
            hasher.combine(site)
            hasher.combine("search.json")
            hasher.combine(entryKeys.count)
            for key in entryKeys { hasher.combine(key) }
        }, product: .searchIndex))
        let newest = model.entries.compactMap(\.summary.date).max()
        files.append(PlannedFile(path: "feed.xml", key: StableHasher.digest { hasher in
            hasher.combine(site)
            hasher.combine("feed.xml")
            hasher.combine(newest)
            let shown = entryKeys.prefix(Self.feedLimit)
            hasher.combine(shown.count)
            for key in shown { hasher.combine(key) }
        }, product: .feed))
        files.append(PlannedFile(path: "sitemap.xml", key: StableHasher.digest { hasher in
            hasher.combine(site)
            hasher.combine("sitemap.xml")
            let pages = sitemapPages()
            hasher.combine(pages.count)
            for page in pages {
                hasher.combine(page.path)
                hasher.combine(page.lastModified)
            }
        }, product: .sitemap))
        files.append(PlannedFile(path: "robots.txt", key: StableHasher.digest { hasher in
            hasher.combine(site)
            hasher.combine("robots.txt")
        }, product: .robots))
        for (index, asset) in assets.enumerated() {
            files.append(PlannedFile(path: asset.outputPath, key: StableHasher.digest { hasher in
                hasher.combine("asset")
                hasher.combine(asset.data)
            }, product: .asset(index)))
        }
        files.sort { $0.path < $1.path }
        for (a, b) in zip(files, files.dropFirst()) where a.path == b.path {
            throw Diagnostic(at: SourceLocation(file: a.path, line: 0, column: 0), "two parts of the site write the same file \(a.path)")
        }
        return files
    }

    /// Every page a search engine should know: all but `404.html`.
    func sitemapPages() -> [SitemapWriter.Page] {
        var pages: [SitemapWriter.Page] = [
            .init(path: "", lastModified: model.entries.compactMap(\.summary.date).max()),
            .init(path: "tags/"), .init(path: "archive/"), .init(path: "search/"),
        ]
        pages += model.entries.map { .init(path: $0.path, lastModified: $0.summary.date) }
        pages += model.tags.map { group in
            .init(path: group.tag.path, lastModified: group.members.compactMap { model.entries[$0].summary.date }.max())
        }
        return pages
    }
}
