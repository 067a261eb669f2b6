import Content
import ExplainerEngine
import Foundation
import Markdown

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension SiteOutput {
    /// Makes the files whose fingerprints differ from `previous` (all of them without one),
    /// puts them in place with the cache describing the result, and returns what was done.
    ///
    /// The new site is written in the previous site's folder beside the output and swapped in
    /// (`SiteWriter`). When the cache says what that folder holds, only the files that differ
    /// from it are touched: unchanged ones are hard-linked from the output, changed ones
    /// rendered. Otherwise the folder starts empty and every file is linked or rendered.
    func write(with writer: SiteWriter, previous: BuildCache?, cache: inout BuildCache, cachePath: String) async throws -> Written {
        var pageRenderer = self.renderer
        let model = self.model
        // Related explainers depend only on the site's order and tags: unchanged by most edits.
        let relatedKey = StableHasher.digest { hasher in
            hasher.combine("related")
            hasher.combine(model.entries.count)
            for entry in model.entries {
                hasher.combine(entry.summary.slug)
                hasher.combine(entry.tags.map(\.slug))
            }
        }
        if let previous, previous.relatedKey == relatedKey, previous.related.count == model.entries.count {
            pageRenderer.related = previous.related
        } else {
            pageRenderer.related = try await ParallelWork.mapChunks(Array(model.entries.indices), maxConcurrency: concurrency) { chunk in
                var finder = SiteModel.RelatedFinder(count: model.entries.count)
                return chunk.map { finder.related(to: $0, in: model) }
            }
        }
        cache.relatedKey = relatedKey
        cache.related = pageRenderer.related
        BuildTrace.mark("related explainers")
        let entryKeys = model.entries.indices.map(entryKey)
        let files = try await plan(renderer: pageRenderer, site: siteDigest, entryKeys: entryKeys)
        BuildTrace.mark("planned \(files.count) files")
        let oldOutputs = previous?.outputKeys() ?? [:]
        let changed = files.filter { oldOutputs[$0.path] != $0.key }
        let planned = Set(files.map(\.path))
        let removed = oldOutputs.keys.filter { !planned.contains($0) }.sorted()

        pageRenderer.skeletons = options.usesSkeletons ? PageSkeletons() : nil
        // Dates are formatted once each, for the entries the changed pages show.
        var shown = Set<Int>()
        var listChanged = false
        for file in changed {
            switch file.product {
            case .page(.explainer(let index)):
                shown.insert(index)
                shown.formUnion(pageRenderer.related(to: index))
            case .page: listChanged = true
            default: break
            }
        }
        pageRenderer.dates = model.dateViews(of: listChanged ? Array(model.entries.indices) : Array(shown))
        let renderer = pageRenderer

        // The whole explainers the changed files need; the search index's unchanged parts come
        // from the previous index.
        var needed = Set<Int>()
        var searchChanged = false
        for file in changed {
            switch file.product {
            case .page(.explainer(let index)), .explainerJSON(let index): needed.insert(index)
            case .feed: needed.formUnion(0..<min(Self.feedLimit, model.entries.count))
            case .searchIndex: searchChanged = true
            default: break
            }
        }
        let oldIndex = searchChanged ? previousSearchIndex(previous, writer: writer) : nil
        let oldFragments = searchChanged ? previous?.searchFragmentsBySlug() ?? [:] : [:]
        if searchChanged {
            for (index, entry) in model.entries.enumerated() {
                if let fragment = oldFragments[entry.summary.slug], fragment.key == entryKeys[index],
                   let oldIndex, fragment.offset >= 0, fragment.offset + fragment.length <= oldIndex.size {
                    continue
                }
                needed.insert(index)
            }
        }
        let explainers = try await fullExplainers(needed.sorted())
        BuildTrace.mark("\(explainers.count) explainers ready, \(changed.count) files changed")

        // The search index: unchanged explainers' fragments come from the previous index.
        let searchEntries: [(slug: String, key: StableHasher.Digest, source: SearchIndexFile.Source)] = searchChanged
            ? model.entries.enumerated().map { index, entry in
                if let item = explainers[index] { return (entry.summary.slug, entryKeys[index], .explainer(item)) }
                let old = oldFragments[entry.summary.slug]!
                return (entry.summary.slug, entryKeys[index], .previous(offset: old.offset, length: old.length))
            }
            : []
        cache.searchFragments = previous?.searchFragments ?? []
        cache.searchIndexStamp = previous?.searchIndexStamp ?? .missing
        cache.outputs = files.map { BuildCache.OutputRecord(path: $0.path, key: $0.key) }
        cache.pagesWritten = files.filter { $0.path.hasSuffix(".html") }.count

        if previous != nil, changed.isEmpty, removed.isEmpty {
            // Same files as the output holds: only the cache changes.
            cache.output = writer.outputIdentity()
            cache.previousSite = previous?.previousSite ?? .unknown
            try cache.install(at: cachePath)
            return Written(filesWritten: 0, filesRemoved: 0, filesUnchanged: files.count)
        }
        let trustsPrevious = previous.map { $0.previousSite.identity.matches(writer.previousIdentity()) } ?? false
        let work = Work(
            files: files, changed: changed, planned: planned, oldOutputs: oldOutputs,
            previousKeys: trustsPrevious ? previous!.previousSite.outputKeys(from: oldOutputs) : [:],
            explainers: explainers, searchEntries: searchChanged ? searchEntries : nil, previousIndex: oldIndex?.path,
            renderer: renderer)
        let update = try writer.beginUpdate(keepingPrevious: trustsPrevious)
        BuildTrace.mark(trustsPrevious ? "updating the previous site" : "writing a whole site")
        try await bringUpToDate(update.folder, work: work, writer: writer, cache: &cache)
        let newOutputs = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.key) })
        let oldIdentity = writer.outputIdentity()
        var finished = cache
        try writer.finish(update, keepingPrevious: previous != nil) { identity in
            finished.output = identity
            finished.previousSite = previous != nil ? PreviousSite(identity: oldIdentity, old: oldOutputs, new: newOutputs) : .unknown
            // Without a cache the next build starts from scratch; the identity check already
            // keeps an older cache from being trusted.
            try? finished.install(at: cachePath)
        }
        cache = finished
        BuildTrace.mark("swapped")
        return Written(filesWritten: changed.count, filesRemoved: removed.count, filesUnchanged: files.count - changed.count)
    }

    /// What a build writes: the site's files, the changed ones, and what making them needs.
    struct Work: Sendable {
        var files: [PlannedFile]
        /// The files whose fingerprints differ from the output's.
        var changed: [PlannedFile]
        var planned: Set<String>
        /// Path → fingerprint of the files in the output folder (empty when unknown).
        var oldOutputs: [String: StableHasher.Digest]
        /// Path → fingerprint of the files in the folder being written (empty when it starts empty).
        var previousKeys: [String: StableHasher.Digest]
        var explainers: [Int: PublishedExplainer]
        /// The search index's entries when it changed, nil when it did not.
        var searchEntries: [(slug: String, key: StableHasher.Digest, source: SearchIndexFile.Source)]?
        var previousIndex: String?
        var renderer: PageRenderer
    }

    /// Makes `folder`, which holds the files `work.previousKeys` lists, hold exactly the new
    /// site: files already right are left alone, files the output has right are hard-linked
    /// from it, the rest are rendered; files no longer part of the site are removed.
    ///
    /// A file in `folder` may share its inode with the output's copy (an earlier link), so it
    /// is always unlinked before it is replaced, never written over.
    func bringUpToDate(_ folder: StagingFolder, work: Work, writer: SiteWriter, cache: inout BuildCache) async throws {
        let output = writer.outputDirectory
        let renderer = work.renderer, explainers = work.explainers
        let oldOutputs = work.oldOutputs, previousKeys = work.previousKeys
        // What to do with one file; nil when it is rendered (or is the search index).
        @Sendable func placeWithoutRendering(_ file: PlannedFile) throws -> Placement? {
            let previousKey = previousKeys[file.path]
            if previousKey == file.key { return .kept }
            let target = try SiteWriter.path(file.path, inside: folder.path)
            if previousKey != nil { unlink(target) }
            if oldOutputs[file.path] == file.key {
                return Self.link(output + "/" + file.path, target) ? .linked : .missing
            }
            return nil
        }
        let searchFile = work.files.first { $0.product == .searchIndex }
        let searchPlacement = try searchFile.flatMap(placeWithoutRendering)
        async let searchFragments = searchFile != nil && searchPlacement == nil
            ? SearchIndexFile.write(to: folder.path + "/search.json", entries: work.searchEntries ?? [], previous: work.previousIndex)
            : nil
        let outcomes = try await ParallelWork.map(batches(work.files), maxConcurrency: concurrency, chunkSize: 1) { batch in
            try batch.compactMap { file -> (PlannedFile, Placement)? in
                guard file.product != .searchIndex else { return nil }
                if let placement = try placeWithoutRendering(file) { return (file, placement) }
                try folder.write(try produce(file, renderer: renderer, explainers: explainers), to: file.path)
                return (file, .rendered)
            }
        }.flatMap { $0 }
        if let fragments = try await searchFragments {
            cache.searchFragments = fragments
            cache.searchIndexStamp = FileStamp.of(folder.path + "/search.json").withoutChangeTime
        }
        var rendered = outcomes.filter { $0.1 == .rendered }.map(\.0)
        // Files the output should have had but lacks (removed by hand): made again.
        var missing = outcomes.filter { $0.1 == .missing }.map(\.0)
        if searchPlacement == .missing, let searchFile { missing.append(searchFile) }
        var available = explainers
        if !missing.isEmpty {
            available = try await remake(missing, in: folder, renderer: renderer, explainers: explainers, cache: &cache)
            rendered += missing
        }
        if renderer.skeletons?.failed == true {
            // The explainer pages rendered from skeletons, again without them.
            let redo = rendered.filter(\.isExplainerPage)
            let all = available
            let direct = renderer.withoutSkeletons
            try await ParallelWork.forEach(redo, maxConcurrency: concurrency) { file in
                unlink(folder.path + "/" + file.path)
                try folder.write(try produce(file, renderer: direct, explainers: all), to: file.path)
            }
        }
        // Files of the folder's old site that the new one lacks, then the folders they leave empty.
        let removed = previousKeys.keys.filter { !work.planned.contains($0) }
        for path in removed { unlink(try SiteWriter.path(path, inside: folder.path)) }
        if !removed.isEmpty {
            let depth = { (folder: String) in folder.utf8.count { $0 == UInt8(ascii: "/") } }
            for emptied in Self.folders(of: removed).subtracting(Self.folders(of: work.planned)).sorted(by: { (depth($0), $0) > (depth($1), $1) }) {
                rmdir(folder.path + "/" + emptied)
            }
        }
        BuildTrace.mark("folder up to date: \(rendered.count) rendered, \(outcomes.count { $0.1 == .linked }) linked; "
            + (renderer.skeletons?.statistics ?? ""))
    }

    /// How a file got into the folder being written.
    enum Placement: Sendable, Hashable {
        /// Already there from the previous site.
        case kept
        /// Hard-linked from the output.
        case linked
        /// The output lacks it, though the cache says it has it.
        case missing
        case rendered
    }

    /// Renders `files`, which the output should have had, with every explainer they need;
    /// returns `explainers` with those it made.
    func remake(
        _ files: [PlannedFile], in folder: StagingFolder, renderer: PageRenderer, explainers: [Int: PublishedExplainer],
        cache: inout BuildCache
    ) async throws -> [Int: PublishedExplainer] {
        var needed = Set<Int>()
        for file in files {
            switch file.product {
            case .page(.explainer(let index)), .explainerJSON(let index): needed.insert(index)
            case .feed: needed.formUnion(0..<min(Self.feedLimit, model.entries.count))
            case .searchIndex: needed.formUnion(model.entries.indices)
            default: break
            }
        }
        let all = try await fullExplainers(needed.subtracting(explainers.keys).sorted()).merging(explainers) { made, _ in made }
        for file in files {
            if file.product == .searchIndex {
                let entries = model.entries.indices.map { index in
                    (slug: model.entries[index].summary.slug, key: entryKey(index), source: SearchIndexFile.Source.explainer(all[index]!))
                }
                cache.searchFragments = try SearchIndexFile.write(to: folder.path + "/search.json", entries: entries, previous: nil)
                cache.searchIndexStamp = FileStamp.of(folder.path + "/search.json").withoutChangeTime
            } else {
                try folder.write(try produce(file, renderer: renderer, explainers: all), to: file.path)
            }
        }
        return all
    }

    /// The files in batches for the rendering tasks: lists of many explainers (home, large tags)
    /// first and alone, so that the longest jobs start first and the cores finish together;
    /// then the rest sixteen at a time.
    func batches(_ files: [PlannedFile]) -> [[PlannedFile]] {
        func cost(_ file: PlannedFile) -> Int {
            switch file.product {
            case .page(.home): model.entries.count
            case .page(.archive): model.entries.count / 8
            case .page(.tag(let index)): model.tags[index].members.count
            default: 1
            }
        }
        let costs = files.map(cost)
        let heavy = files.indices.filter { costs[$0] > 16 }.sorted { costs[$0] > costs[$1] }
        let light = files.indices.filter { costs[$0] <= 16 }
        return heavy.map { [files[$0]] } + stride(from: 0, to: light.count, by: 16).map { start in
            light[start..<min(start + 16, light.count)].map { files[$0] }
        }
    }

    /// Every folder holding one of `paths` (relative, without the root itself).
    static func folders(of paths: some Sequence<String>) -> Set<String> {
        var result = Set<String>()
        for path in paths {
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                guard result.insert(String(folder)).inserted else { break }
            }
        }
        return result
    }

    /// Hard-links `source` to `target`, making `target`'s folder if needed; false on failure.
    static func link(_ source: String, _ target: String) -> Bool {
        if systemLink(source, target) == 0 { return true }
        guard errno == ENOENT else { return false }
        StagingFolder.makeDirectories((target as NSString).deletingLastPathComponent)
        return systemLink(source, target) == 0
    }

    /// The path of the previous `search.json` and its size, when it is exactly the file the
    /// cache describes.
    func previousSearchIndex(_ previous: BuildCache?, writer: SiteWriter) -> (path: String, size: Int)? {
        guard let previous else { return nil }
        let path = writer.outputDirectory + "/search.json"
        let stamp = FileStamp.of(path).withoutChangeTime
        guard stamp == previous.searchIndexStamp, stamp != .missing else { return nil }
        return (path, Int(stamp.size))
    }

    /// The whole explainers of the entries at `indices`: made by this build, or made again
    /// from their (unchanged) files.
    func fullExplainers(_ indices: [Int]) async throws -> [Int: PublishedExplainer] {
        let records = Dictionary(
            content.records.compactMap { record in record.info.map { ($0.slug, record) } }, uniquingKeysWith: { first, _ in first })
        let markdown = MarkdownRenderer(options: model.config.rawHTML ? [.standard, .unsafe] : .standard)
        let contentFolder = paths.content
        let fresh = content.fresh
        let entries = model.entries
        let made = try await ParallelWork.map(indices, maxConcurrency: concurrency) { index -> (Int, PublishedExplainer) in
            let slug = entries[index].summary.slug
            var item: PublishedExplainer
            if let known = fresh[slug] {
                item = known
            } else {
                guard let record = records[slug] else { preconditionFailure("an entry without a record") }
                let path = (contentFolder as NSString).appendingPathComponent(record.relativePath)
                let changed = Diagnostic(
                    at: SourceLocation(file: path, line: 0, column: 0), "the file changed while the site was being built",
                    hint: "build again")
                guard let article = try? ArticleLoader().load(fileAt: path) else { throw changed }
                item = SiteBuilder.publish(article, contentFolder: contentFolder, markdown: markdown)
                guard item.slug == slug else { throw changed }
            }
            item.tags = entries[index].tags
            return (index, item)
        }
        return Dictionary(uniqueKeysWithValues: made)
    }

    /// The bytes of `file` (any product but the search index).
    func produce(_ file: PlannedFile, renderer: PageRenderer, explainers: [Int: PublishedExplainer]) throws -> Data {
        let config = model.config
        switch file.product {
        case .page(let page):
            if case .explainer(let index) = page {
                return Data(try renderer.render(page, explainer: explainers[index]!).utf8)
            }
            return Data(try renderer.render(page).utf8)
        case .explainerJSON(let index):
            return Data((try ExplainerWriter.json(explainers[index]!.explainer) + "\n").utf8)
        case .feed:
            let shown = (0..<min(Self.feedLimit, model.entries.count)).map { explainers[$0]! }
            return FeedWriter(config: config).xml(for: shown, newest: model.entries.compactMap(\.summary.date).max())
        case .sitemap:
            return SitemapWriter(config: config).xml(for: sitemapPages())
        case .robots:
            return SitemapWriter(config: config).robots()
        case .asset(let index):
            return assets[index].data
        case .searchIndex:
            preconditionFailure("the search index is assembled from fragments")
        }
    }
}

extension FileStamp {
    /// The stamp without the inode change time, which a rename into place updates.
    var withoutChangeTime: FileStamp {
        var stamp = self
        stamp.changed = 0
        return stamp
    }
}

/// The C library's `link`, which the method named `link` hides.
private func systemLink(_ source: String, _ target: String) -> Int32 {
    link(source, target)
}
