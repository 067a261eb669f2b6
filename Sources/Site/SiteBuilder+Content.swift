import Content
import ExplainerEngine
import Foundation
import Markdown

// The content side of a build: which inputs changed, each article's record (reused from the
// cache or made afresh), and which articles are published.

extension SiteBuilder {
    /// The content folder's records and problems, and the explainers made afresh by this build.
    struct Content: Sendable {
        /// One per content file, sorted by relative path.
        var records: [ArticleRecord]
        var diagnostics: [Diagnostic]
        /// Explainers made by this build, by slug (the others are made again only if needed).
        var fresh: [String: PublishedExplainer]
    }

    /// Fingerprint of every input other than the articles: the tool, the options that change
    /// the output, `site.yml`, the themes folder, and the problems the content scan found.
    func environmentDigest(_ paths: Paths, scan: ContentScan) -> StableHasher.Digest {
        var hasher = StableHasher()
        hasher.combine("environment")
        hasher.combine(BuildCache.formatVersion)
        hasher.combine(ToolIdentity.digest)
        hasher.combine(paths.source)
        hasher.combine(paths.content)
        hasher.combine(paths.themes)
        hasher.combine(options.themeName)
        hasher.combine(options.includeDrafts)
        hasher.combine(options.includeFuture)
        hasher.combine(options.keepGoing)
        hasher.combine(options.baseURL)
        hasher.combine(options.liveReloadScript)
        hasher.combine(FileContents.data(atPath: paths.siteConfig) ?? Data([0xFF]))
        Self.combineFolder(paths.themes, into: &hasher)
        hasher.combine(scan.diagnostics.count)
        for diagnostic in scan.diagnostics { hasher.combine(diagnostic.description) }
        return hasher.finalize()
    }

    /// Every file under `folder`, following links (the themes folder and a theme in it may be
    /// links): relative paths and bytes.
    static func combineFolder(_ folder: String, into hasher: inout StableHasher) {
        var files: [(String, String)] = []
        var visited = Set<String>()
        func walk(_ path: String, relative: String) {
            let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            guard visited.insert(resolved).inserted,
                  let names = try? FileManager.default.contentsOfDirectory(atPath: resolved) else { return }
            for name in names.sorted() {
                let child = (resolved as NSString).appendingPathComponent(name)
                let childRelative = relative.isEmpty ? name : relative + "/" + name
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: child, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue {
                    walk(child, relative: childRelative)
                } else {
                    files.append((childRelative, child))
                }
            }
        }
        walk(folder, relative: "")
        hasher.combine(files.count)
        for (relative, path) in files {
            hasher.combine(relative)
            hasher.combine(FileContents.data(atPath: path) ?? Data([0xFF]))
        }
    }

    /// Fingerprint of what an explainer is made with besides its file: records made with
    /// another are not reused.
    static func articleKey(_ paths: Paths, config: SiteConfig) -> StableHasher.Digest {
        StableHasher.digest { hasher in
            hasher.combine("article")
            hasher.combine(BuildCache.formatVersion)
            hasher.combine(ToolIdentity.digest)
            hasher.combine(paths.content)
            hasher.combine(config.rawHTML)
        }
    }

    /// The report of the previous build, when nothing it read has changed and its output is
    /// still in place; nil otherwise.
    func upToDateReport(_ previous: BuildCache, scan: ContentScan, environment: StableHasher.Digest, writer: SiteWriter) -> BuildReport? {
        guard previous.environment == environment, previous.output.matches(writer.outputIdentity()) else { return nil }
        let now = options.now ?? Date()
        if let boundary = previous.futureBoundary, now >= boundary { return nil }
        if let latest = previous.latestPublished, now < latest { return nil }
        guard previous.articles.count == scan.files.count else { return nil }
        let contentFolder = Paths(options).content
        for (record, file) in zip(previous.articles, scan.files) {
            guard record.relativePath == file.relativePath, record.stamp == file.stamp else { return nil }
            if record.stamp.isRacy(comparedTo: previous.scanTime) {
                let path = (contentFolder as NSString).appendingPathComponent(file.relativePath)
                guard let data = FileContents.data(atPath: path), Self.digest(of: data) == record.contentDigest else { return nil }
            }
        }
        return BuildReport(
            outputDirectory: writer.outputDirectory, articleCount: previous.articleCount, pagesWritten: previous.pagesWritten,
            diagnostics: previous.diagnostics, filesWritten: 0, filesRemoved: 0, filesUnchanged: previous.outputs.count)
    }

    static func digest(of data: Data) -> StableHasher.Digest {
        StableHasher.digest { $0.combine(data) }
    }

    /// A record for every scanned file: reused from `previous` when the file's stamp (or else
    /// its bytes) is unchanged, otherwise loaded and made into an explainer, concurrently.
    func loadContent(
        _ scan: ContentScan, paths: Paths, articleKey: StableHasher.Digest, config: SiteConfig, previous: BuildCache?,
        concurrency: Int
    ) async throws -> Content {
        // Both lists are sorted by relative path: pair them up in one pass.
        let oldRecords = previous?.articles ?? []
        let previousScan = previous?.scanTime ?? 0
        var records: [ArticleRecord?] = Array(repeating: nil, count: scan.files.count)
        var work: [(index: Int, file: ContentScan.File, old: ArticleRecord?)] = []
        var oldIndex = 0
        for (index, file) in scan.files.enumerated() {
            while oldIndex < oldRecords.count, oldRecords[oldIndex].relativePath < file.relativePath { oldIndex += 1 }
            let old = oldIndex < oldRecords.count && oldRecords[oldIndex].relativePath == file.relativePath ? oldRecords[oldIndex] : nil
            if let old, old.stamp == file.stamp, !old.stamp.isRacy(comparedTo: previousScan) {
                records[index] = old
            } else {
                work.append((index, file, old))
            }
        }

        let markdown = MarkdownRenderer(options: config.rawHTML ? [.standard, .unsafe] : .standard)
        let contentFolder = paths.content
        let made = try await ParallelWork.map(work, maxConcurrency: concurrency, chunkSize: 8) { item -> (Int, ArticleRecord, PublishedExplainer?) in
            let path = (contentFolder as NSString).appendingPathComponent(item.file.relativePath)
            let data = FileContents.data(atPath: path)
            let digest = data.map(Self.digest) ?? .zero
            if let old = item.old, old.contentDigest == digest, digest != .zero {
                return (item.index, old.restamped(item.file.stamp), nil)
            }
            let (record, explainer) = Self.makeRecord(
                item.file, data: data, contentDigest: digest, contentFolder: contentFolder, articleKey: articleKey, markdown: markdown)
            return (item.index, record, explainer)
        }
        var content = Content(records: [], diagnostics: scan.diagnostics, fresh: [:])
        for (index, record, explainer) in made {
            records[index] = record
            if let explainer { content.fresh[explainer.slug] = explainer }
        }
        content.records = records.map { $0! }
        for record in content.records {
            if case .failed(let diagnostic) = record.outcome { content.diagnostics.append(diagnostic) }
        }
        content.diagnostics += Self.duplicateSlugs(in: content.records.compactMap(\.info))
        return content
    }

    /// Makes one file's explainer and record from its bytes (`data`, read once for the digest
    /// too; nil when the file could not be read, which the loader then reports).
    static func makeRecord(
        _ file: ContentScan.File, data: Data?, contentDigest: StableHasher.Digest, contentFolder: String,
        articleKey: StableHasher.Digest, markdown: MarkdownRenderer
    ) -> (ArticleRecord, PublishedExplainer?) {
        let path = (contentFolder as NSString).appendingPathComponent(file.relativePath)
        let article: Article
        do {
            if let data {
                article = try ArticleLoader().load(data, path: path)
            } else {
                article = try ArticleLoader().load(fileAt: path)
            }
        } catch {
            return (ArticleRecord(relativePath: file.relativePath, stamp: file.stamp, contentDigest: contentDigest, outcome: .failed(error)), nil)
        }
        let published = publish(article, contentFolder: contentFolder, markdown: markdown)
        let digest = StableHasher.digest { hasher in
            hasher.combine(articleKey)
            hasher.combine(file.relativePath)
            hasher.combine(contentDigest)
        }
        let info = ArticleRecord.Info(sourcePath: article.sourcePath, slug: article.slug, draft: article.draft, date: article.date)
        let record = ArticleRecord(
            relativePath: file.relativePath, stamp: file.stamp, contentDigest: contentDigest,
            outcome: .loaded(info, ExplainerSummary(published, digest: digest)))
        return (record, published)
    }

    /// An article's explainer with its answers rendered.
    static func publish(_ article: Article, contentFolder: String, markdown: MarkdownRenderer) -> PublishedExplainer {
        let contentPrefix = contentFolder.hasSuffix("/") ? contentFolder : contentFolder + "/"
        var explainer = ExplainerGenerator().explain(article)
        let relative = explainer.sourcePath.hasPrefix(contentPrefix)
            ? String(explainer.sourcePath.dropFirst(contentPrefix.count)) : (explainer.sourcePath as NSString).lastPathComponent
        explainer.sourcePath = "content/" + relative
        let html = explainer.questions.map { markdown.html($0.answer) }
        return PublishedExplainer(
            explainer: explainer, contentPath: explainer.sourcePath, answersHTML: html,
            answersText: html.map(PlainText.fromHTML), anchors: PublishedExplainer.anchors(for: explainer.questions), tags: [])
    }

    /// Every file that shares its slug with another is an error (as `ContentDirectory` reports it).
    static func duplicateSlugs(in infos: [ArticleRecord.Info]) -> [Diagnostic] {
        var seen = Set<String>(minimumCapacity: infos.count)
        guard infos.contains(where: { !seen.insert($0.slug).inserted }) else { return [] }
        return ContentDirectory.duplicateSlugs(infos.map { ($0.slug, $0.sourcePath) })
    }


    /// The records that are published, a note on what was left out, and the earliest date of
    /// an article left out for being in the future.
    struct Selection {
        var kept: [ArticleRecord]
        var notes: String
        var futureBoundary: Date?
        /// The latest date among the published articles when dates decide (no `includeFuture`).
        var latestPublished: Date?
    }

    func select(_ records: [ArticleRecord], diagnostics: inout [Diagnostic]) -> Selection {
        var infos: [ArticleRecord.Info] = []
        var loaded: [Int] = []
        for (index, record) in records.enumerated() {
            if case .loaded(let info, _) = record.outcome {
                infos.append(info)
                loaded.append(index)
            }
        }
        let chosen = selectInfos(infos, diagnostics: &diagnostics)
        let latest = options.includeFuture ? nil : chosen.kept.compactMap { infos[$0].date }.max()
        return Selection(
            kept: chosen.kept.map { records[loaded[$0]] }, notes: chosen.notes, futureBoundary: chosen.futureBoundary,
            latestPublished: latest)
    }

    /// Drops drafts and future articles (unless asked for), articles with errors, and articles
    /// whose slug a site page uses.
    /// Returns the indices in `infos` of the articles kept.
    func selectInfos(_ infos: [ArticleRecord.Info], diagnostics: inout [Diagnostic]) -> (kept: [Int], notes: String, futureBoundary: Date?) {
        let now = options.now ?? Date()
        var drafts = 0, future = 0
        var boundary: Date?
        var kept: [Int] = []
        let filesWithErrors = Set(diagnostics.filter { $0.severity == .error }.map(\.location.file))
        for (index, info) in infos.enumerated() {
            if SiteBuilder.reservedSlugs.contains(info.slug) {
                diagnostics.append(Diagnostic(
                    at: SourceLocation(file: info.sourcePath, line: 1, column: 1),
                    "the slug \"\(info.slug)\" is used by the site's own /\(info.slug)/ page",
                    hint: "rename the file or set another `slug:` in its front matter"))
                continue
            }
            if filesWithErrors.contains(info.sourcePath) { continue }
            if info.draft && !options.includeDrafts { drafts += 1; continue }
            if let date = info.date, date > now, !options.includeFuture {
                future += 1
                boundary = min(boundary ?? date, date)
                continue
            }
            kept.append(index)
        }
        var notes: [String] = []
        if drafts > 0 { notes.append("\(drafts) draft\(drafts == 1 ? "" : "s") left out (--drafts includes them)") }
        if future > 0 { notes.append("\(future) dated in the future left out (--future includes them)") }
        return (kept, notes.isEmpty ? "" : "; " + notes.joined(separator: ", "), boundary)
    }
}
