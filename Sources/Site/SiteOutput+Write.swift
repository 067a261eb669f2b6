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
    /// When at most half the files changed and the previous output is the one the cache
    /// describes, the changed files are committed in place (`SiteWriter.commit`); otherwise a
    /// whole new site is staged — unchanged files hard-linked from the old one — and swapped in.
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
        let inPlace = previous != nil && changed.count * 2 <= files.count

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

        let work = Work(
            files: files, changed: changed, removed: removed, planned: planned, oldOutputs: oldOutputs,
            explainers: explainers, searchEntries: searchChanged ? searchEntries : nil, previousIndex: oldIndex?.path,
            renderer: renderer, linkable: previous != nil)
        let staging = try writer.beginStaging()
        do {
            if inPlace {
                try await commitInPlace(work, staging: staging, writer: writer, cache: &cache, cachePath: cachePath)
            } else {
                try await stageWholeSite(work, staging: staging, writer: writer, cache: &cache, cachePath: cachePath)
            }
        } catch {
            staging.discard()
            throw error
        }
        return Written(filesWritten: changed.count, filesRemoved: removed.count, filesUnchanged: files.count - changed.count)
    }

    /// What a build writes: the site's files, the changed and removed ones, and what making
    /// them needs.
    struct Work: Sendable {
        var files: [PlannedFile]
        var changed: [PlannedFile]
        var removed: [String]
        var planned: Set<String>
        var oldOutputs: [String: StableHasher.Digest]
        var explainers: [Int: PublishedExplainer]
        /// The search index's entries when it changed, nil when it did not.
        var searchEntries: [(slug: String, key: StableHasher.Digest, source: SearchIndexFile.Source)]?
        var previousIndex: String?
        var renderer: PageRenderer
        /// Whether unchanged files may be hard-linked from the previous output.
        var linkable: Bool
    }

    /// Writes the changed files into `staging` and commits them into the output folder in place.
    func commitInPlace(
        _ work: Work, staging: StagingFolder, writer: SiteWriter, cache: inout BuildCache, cachePath: String
    ) async throws {
        let names = work.changed.indices.map { "f\($0)" }
        let searchName = work.changed.firstIndex { $0.product == .searchIndex }.map { names[$0] }
        async let searchFragments = searchName.map { name in
            try SearchIndexFile.write(to: staging.path + "/" + name, entries: work.searchEntries ?? [], previous: work.previousIndex)
        }
        let renderer = work.renderer, explainers = work.explainers
        try await ParallelWork.forEach(Array(zip(names, work.changed)), maxConcurrency: concurrency) { name, file in
            guard file.product != .searchIndex else { return }
            try staging.write(try produce(file, renderer: renderer, explainers: explainers), to: name)
        }
        if renderer.skeletons?.failed == true {
            let direct = renderer.withoutSkeletons
            try await ParallelWork.forEach(Array(zip(names, work.changed)).filter { $0.1.isExplainerPage }, maxConcurrency: concurrency) { name, file in
                try staging.write(try produce(file, renderer: direct, explainers: explainers), to: name)
            }
        }
        if let fragments = try await searchFragments, let searchName {
            cache.searchFragments = fragments
            cache.searchIndexStamp = FileStamp.of(staging.path + "/" + searchName).withoutChangeTime
        }
        var journal = CommitJournal()
        journal.moves = zip(names, work.changed).map { CommitJournal.Move(from: $0, to: $1.path) }
        journal.removals = work.removed
        // Every folder a changed file goes in is made (those that exist stay as they are);
        // folders that only removed files were in go.
        let depth = { (folder: String) in folder.utf8.count { $0 == UInt8(ascii: "/") } }
        journal.createFolders = Self.folders(of: work.changed.map(\.path)).sorted { (depth($0), $0) < (depth($1), $1) }
        if !work.removed.isEmpty {
            journal.removeFolders = Self.folders(of: work.removed).subtracting(Self.folders(of: work.planned))
                .sorted { (depth($0), $0) > (depth($1), $1) }
        }
        cache.output = writer.outputIdentity()
        let temporary = cachePath + ".new-\(getpid())"
        do {
            try cache.write(to: temporary)
            journal.cache = CommitJournal.Move(from: temporary, to: cachePath)
        } catch {
            // The old cache would describe files that are about to change.
            guard unlink(cachePath) == 0 || errno == ENOENT else { throw error }
        }
        BuildTrace.mark("staged; " + (renderer.skeletons?.statistics ?? ""))
        try writer.commit(journal, from: staging)
        BuildTrace.mark("committed")
    }

    /// Writes the whole site into `staging` (unchanged files hard-linked from the previous
    /// output when it can be trusted) and swaps it into place.
    func stageWholeSite(
        _ work: Work, staging: StagingFolder, writer: SiteWriter, cache: inout BuildCache, cachePath: String
    ) async throws {
        let output = writer.outputDirectory
        let renderer = work.renderer, explainers = work.explainers
        let linkable = work.linkable, oldOutputs = work.oldOutputs
        async let searchFragments = work.searchEntries.map { entries in
            try SearchIndexFile.write(to: staging.path + "/search.json", entries: entries, previous: work.previousIndex)
        }
        try await ParallelWork.forEach(batches(work.files), maxConcurrency: concurrency, chunkSize: 1) { batch in
            for file in batch {
                if linkable, oldOutputs[file.path] == file.key, Self.link(output + "/" + file.path, staging.path + "/" + file.path) {
                    continue
                }
                guard file.product != .searchIndex else { continue }
                try staging.write(try produce(file, renderer: renderer, explainers: explainers), to: file.path)
            }
        }
        if renderer.skeletons?.failed == true {
            // Every explainer page again, as new files (a hard-linked one is only unlinked).
            let redo = work.files.filter(\.isExplainerPage)
            let all = redo.contains { explainersNeeded($0, explainers) } ? try await fullExplainers(Array(model.entries.indices)) : explainers
            let direct = renderer.withoutSkeletons
            try await ParallelWork.forEach(redo, maxConcurrency: concurrency) { file in
                unlink(staging.path + "/" + file.path)
                try staging.write(try produce(file, renderer: direct, explainers: all), to: file.path)
            }
        }
        if let fragments = try await searchFragments {
            cache.searchFragments = fragments
            cache.searchIndexStamp = FileStamp.of(staging.path + "/search.json").withoutChangeTime
        }
        BuildTrace.mark("staged; " + (renderer.skeletons?.statistics ?? ""))
        var finished = cache
        try writer.finishStaging(staging) { identity in
            finished.output = identity
            let temporary = cachePath + ".new-\(getpid())"
            do {
                try finished.write(to: temporary)
                guard rename(temporary, cachePath) == 0 else { throw CocoaError(.fileWriteUnknown) }
            } catch {
                // Without a cache the next build starts from scratch; the identity check
                // already keeps an older cache from being trusted.
                unlink(temporary)
            }
        }
        cache = finished
        BuildTrace.mark("swapped")
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

    /// Whether making `file` needs an explainer that `explainers` lacks.
    func explainersNeeded(_ file: PlannedFile, _ explainers: [Int: PublishedExplainer]) -> Bool {
        if case .page(.explainer(let index)) = file.product { return explainers[index] == nil }
        return false
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
