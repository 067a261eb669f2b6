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
        let renderer = self.renderer
        let entryKeys = model.entries.indices.map(entryKey)
        let files = try await plan(renderer: renderer, site: siteDigest, entryKeys: entryKeys)
        BuildTrace.mark("planned \(files.count) files")
        let oldOutputs = previous?.outputs ?? [:]
        let changed = files.filter { oldOutputs[$0.path] != $0.key }
        let planned = Set(files.map(\.path))
        let removed = oldOutputs.keys.filter { !planned.contains($0) }.sorted()
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
        if searchChanged {
            for (index, entry) in model.entries.enumerated() {
                if let fragment = previous?.searchFragments[entry.summary.slug], fragment.key == entryKeys[index],
                   let oldIndex, fragment.offset >= 0, fragment.offset + fragment.length <= oldIndex.count {
                    continue
                }
                needed.insert(index)
            }
        }
        let explainers = try await fullExplainers(needed.sorted())
        BuildTrace.mark("\(explainers.count) explainers ready, \(changed.count) files changed")

        // The search index is assembled first: its parts come from many explainers.
        var madeIndex: Data?
        if searchChanged {
            let made = try await searchIndexBytes(entryKeys: entryKeys, explainers: explainers, previous: previous, oldIndex: oldIndex)
            madeIndex = Data(made.bytes)
            cache.searchFragments = made.fragments
        } else {
            cache.searchFragments = previous?.searchFragments ?? [:]
            cache.searchIndexStamp = previous?.searchIndexStamp ?? .missing
        }
        let searchIndex = madeIndex
        BuildTrace.mark("search index")
        cache.outputs = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.key) })
        cache.pagesWritten = files.filter { $0.path.hasSuffix(".html") }.count

        let staging = try writer.beginStaging()
        do {
            let output = writer.outputDirectory
            if inPlace {
                let names = try await ParallelWork.map(Array(changed.enumerated()), maxConcurrency: concurrency) { number, file -> String in
                    let name = "f\(number)"
                    let data = file.product == .searchIndex ? searchIndex! : try produce(file, renderer: renderer, explainers: explainers)
                    try staging.write(data, to: name)
                    return name
                }
                if searchChanged, let number = changed.firstIndex(where: { $0.product == .searchIndex }) {
                    cache.searchIndexStamp = FileStamp.of(staging.path + "/" + names[number]).withoutChangeTime
                }
                var journal = CommitJournal()
                journal.moves = zip(names, changed).map { CommitJournal.Move(from: $0, to: $1.path) }
                journal.removals = removed
                let oldFolders = Self.folders(of: oldOutputs.keys)
                let newFolders = Self.folders(of: planned)
                journal.createFolders = newFolders.subtracting(oldFolders).sorted { ($0.split(separator: "/").count, $0) < ($1.split(separator: "/").count, $1) }
                journal.removeFolders = oldFolders.subtracting(newFolders).sorted { ($0.split(separator: "/").count, $0) > ($1.split(separator: "/").count, $1) }
                cache.output = writer.outputIdentity()
                let temporary = cachePath + ".new-\(getpid())"
                do {
                    try cache.write(to: temporary)
                    journal.cache = CommitJournal.Move(from: temporary, to: cachePath)
                } catch {
                    // The old cache would describe files that are about to change.
                    guard unlink(cachePath) == 0 || errno == ENOENT else { throw error }
                }
                BuildTrace.mark("staged")
                try writer.commit(journal, from: staging)
                BuildTrace.mark("committed")
            } else {
                let linkable = previous != nil
                try await ParallelWork.forEach(files, maxConcurrency: concurrency) { file in
                    if linkable, oldOutputs[file.path] == file.key, Self.link(output + "/" + file.path, staging.path + "/" + file.path) {
                        return
                    }
                    let data = file.product == .searchIndex ? searchIndex! : try produce(file, renderer: renderer, explainers: explainers)
                    try staging.write(data, to: file.path)
                }
                BuildTrace.mark("staged")
                if searchChanged { cache.searchIndexStamp = FileStamp.of(staging.path + "/search.json").withoutChangeTime }
                var finished = cache
                try writer.finishStaging(staging) { identity in
                    finished.output = identity
                    let temporary = cachePath + ".new-\(getpid())"
                    do {
                        try finished.write(to: temporary)
                        guard rename(temporary, cachePath) == 0 else { throw CocoaError(.fileWriteUnknown) }
                    } catch {
                        // Without a cache the next build starts from scratch; the identity
                        // check already keeps an older cache from being trusted.
                        unlink(temporary)
                    }
                }
                cache = finished
                BuildTrace.mark("swapped")
            }
        } catch {
            staging.discard()
            throw error
        }
        return Written(filesWritten: changed.count, filesRemoved: removed.count, filesUnchanged: files.count - changed.count)
    }

    /// Every folder holding one of `paths` (relative, without the root itself).
    static func folders(of paths: some Sequence<String>) -> Set<String> {
        var result = Set<String>()
        for path in paths {
            var folder = (path as NSString).deletingLastPathComponent
            while !folder.isEmpty, result.insert(folder).inserted {
                folder = (folder as NSString).deletingLastPathComponent
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

    /// The previous `search.json`, when it is exactly the file the cache describes.
    func previousSearchIndex(_ previous: BuildCache?, writer: SiteWriter) -> Data? {
        guard let previous else { return nil }
        let path = writer.outputDirectory + "/search.json"
        guard FileStamp.of(path).withoutChangeTime == previous.searchIndexStamp, previous.searchIndexStamp != .missing else { return nil }
        return try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
    }

    /// `search.json` from each entry's fragment — copied from the previous index when its
    /// fingerprint is unchanged, made from the explainer otherwise — and where each fragment sits.
    func searchIndexBytes(
        entryKeys: [StableHasher.Digest], explainers: [Int: PublishedExplainer], previous: BuildCache?, oldIndex: Data?
    ) async throws -> (bytes: [UInt8], fragments: [String: BuildCache.SearchFragment]) {
        let made = try await ParallelWork.map(Array(explainers.keys.sorted()), maxConcurrency: concurrency) { index in
            (index, SearchIndexWriter().fragment(for: explainers[index]!))
        }
        let fresh = Dictionary(uniqueKeysWithValues: made)
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        var fragments: [String: BuildCache.SearchFragment] = [:]
        for (index, entry) in model.entries.enumerated() {
            let slug = entry.summary.slug
            let start = bytes.count + (bytes.count > 1 ? 1 : 0)
            var length = 0
            if let fragment = fresh[index] {
                if !fragment.isEmpty {
                    if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
                    bytes += fragment
                    length = fragment.count
                }
            } else if let old = previous?.searchFragments[slug], let oldIndex {
                if old.length > 0 {
                    if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
                    bytes += oldIndex[oldIndex.startIndex + old.offset..<oldIndex.startIndex + old.offset + old.length]
                    length = old.length
                }
            }
            fragments[slug] = BuildCache.SearchFragment(key: entryKeys[index], offset: length > 0 ? start : 0, length: length)
        }
        bytes.append(UInt8(ascii: "]"))
        return (bytes, fragments)
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
