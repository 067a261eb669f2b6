import Content
import Foundation
import Testing

@testable import Site

@Suite("Build cache: fingerprints, its file, content scans and abandoned staging folders")
struct BuildCacheTests {
    func temporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cache-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("fingerprints are the same in every run and tell apart values that concatenate alike")
    func stableDigests() {
        let digest = StableHasher.digest { $0.combine("explainer") }
        #expect(digest.description == StableHasher.digest { $0.combine("explainer") }.description)
        #expect(digest.description.count == 32)
        #expect(StableHasher.digest { $0.combine("ab"); $0.combine("c") } != StableHasher.digest { $0.combine("a"); $0.combine("bc") })
        #expect(StableHasher.digest { $0.combine(Optional("")) } != StableHasher.digest { $0.combine(Optional<String>.none) })
        #expect(StableHasher.digest { $0.combine(Data(repeating: 0, count: 8)) } != StableHasher.digest { $0.combine(Data(repeating: 0, count: 9)) })
        // Recorded once: a change here means every cache on disk is invalid; bump BuildCache.formatVersion with it.
        #expect(digest.description == "ae5785e92f276b51a4846b7177b0d06f")
    }

    @Test("the cache file reads back exactly as written, and anything else is refused")
    func cacheRoundTrip() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let summary = ExplainerSummary(
            slug: "a", title: "Ä title", summary: "", date: Date(timeIntervalSince1970: 1_700_000_000), author: nil,
            tags: ["x", "Y"], contentPath: "content/a.md", questionCount: 4,
            leadQuestions: [.init(question: "Why?", anchor: "q-why", answerHTML: "<p>So.</p>\n", section: "Intro")],
            digest: StableHasher.digest { $0.combine(1) }, cardDigests: Array(repeating: .zero, count: 4))
        let stamp = FileStamp(device: 1, inode: 2, size: 3, modified: -4, changed: 5)
        let cache = BuildCache(
            environment: StableHasher.digest { $0.combine("e") }, articleKey: .zero, scanTime: 42,
            articles: [
                ArticleRecord(relativePath: "a.md", stamp: stamp, contentDigest: .zero,
                              outcome: .loaded(.init(sourcePath: "content/a.md", slug: "a", draft: false, date: nil), summary)),
                ArticleRecord(relativePath: "b.md", stamp: stamp, contentDigest: .zero,
                              outcome: .failed(Diagnostic(.warning, at: SourceLocation(file: "b.md", line: 3, column: 4), "odd", hint: nil))),
            ],
            outputs: [.init(path: "a/index.html", key: StableHasher.digest { $0.combine(2) }), .init(path: "index.html", key: .zero)],
            searchFragments: [.init(slug: "a", key: .zero, offset: 1, length: 20)], searchIndexStamp: stamp, futureBoundary: nil,
            relatedKey: StableHasher.digest { $0.combine(3) }, related: [[], [2, 0]],
            output: OutputIdentity(folder: stamp, marker: stamp),
            previousSite: PreviousSite(
                identity: OutputIdentity(folder: .missing, marker: stamp),
                differences: [.init(path: "a/index.html", key: .zero), .init(path: "b/index.html", key: nil)]),
            articleCount: 1, pagesWritten: 9,
            diagnostics: [Diagnostic(at: SourceLocation(file: "site.yml", line: 1, column: 1), "unknown key", hint: "typo?")])
        let path = folder + "/c/build-cache"
        try cache.write(to: path)
        let read = try #require(BuildCache.load(from: path))
        #expect(read.articles == cache.articles)
        #expect(read.outputs == cache.outputs)
        #expect(read.searchFragments == cache.searchFragments)
        #expect(read.output == cache.output && read.scanTime == 42 && read.pagesWritten == 9)
        #expect(read.previousSite == cache.previousSite)
        #expect(read.relatedKey == cache.relatedKey && read.related == cache.related)
        #expect(read.diagnostics == cache.diagnostics)

        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes.removeLast()
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(BuildCache.load(from: path) == nil)
    }

    @Test("the content scan lists what ContentDirectory loads and reports the same links")
    func scanMatchesContentDirectory() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let content = folder + "/content"
        let manager = FileManager.default
        for directory in ["sub/deeper", ".hidden", "notes.md"] {
            try manager.createDirectory(atPath: content + "/" + directory, withIntermediateDirectories: true)
        }
        try manager.createDirectory(atPath: folder + "/outside", withIntermediateDirectories: true)
        for file in ["a.md", "B.TXT", "c.markdown", "skip.html", ".dot.md", "sub/d.md", "sub/deeper/e.txt", ".hidden/f.md"] {
            try Data("Headline\n\nText.\n".utf8).write(to: URL(fileURLWithPath: content + "/" + file))
        }
        try Data("Outside\n\nText.\n".utf8).write(to: URL(fileURLWithPath: folder + "/outside/o.md"))
        try manager.createSymbolicLink(atPath: content + "/link-out.md", withDestinationPath: "../outside/o.md")
        try manager.createSymbolicLink(atPath: content + "/link-in.md", withDestinationPath: "a.md")
        try manager.createSymbolicLink(atPath: content + "/linked-folder", withDestinationPath: "../outside")

        let scan = ContentScan.run(content)
        let loaded = ContentDirectory.load(content)
        let outside = loaded.diagnostics.filter { $0.message.contains("outside the content folder") }
        let tried = Set(loaded.articles.map(\.sourcePath) + loaded.diagnostics.map(\.location.file)).subtracting(outside.map(\.location.file))
        #expect(scan.files.map { content + "/" + $0.relativePath }.sorted() == tried.sorted())
        #expect(scan.files.map(\.relativePath) == ["B.TXT", "a.md", "c.markdown", "link-in.md", "notes.md", "sub/d.md", "sub/deeper/e.txt"])
        #expect(scan.diagnostics == outside)
        #expect(scan.diagnostics.count == 1)
        #expect(ContentScan.run(folder + "/missing").diagnostics.first?.message == "the content folder does not exist")
    }

    @Test("the previous site is recorded as its differences from the output, and read back from them")
    func previousSiteDifferences() {
        let one = StableHasher.digest { $0.combine(1) }, two = StableHasher.digest { $0.combine(2) }
        let old = ["index.html": one, "gone/index.html": one, "same.css": two]
        let new = ["index.html": two, "added/index.html": one, "same.css": two]
        let previous = PreviousSite(identity: .none, old: old, new: new)
        #expect(previous.differences == [
            .init(path: "added/index.html", key: nil), .init(path: "gone/index.html", key: one), .init(path: "index.html", key: one),
        ])
        #expect(previous.outputKeys(from: new) == old)
    }

    @Test("a staging folder of a build that no longer runs is removed; the output is untouched")
    func partialStagingIsDropped() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let writer = SiteWriter(outputDirectory: root + "/public")
        _ = try writer.write([OutputFile(path: "index.html", text: "old")])
        let staging = StagingFolder(path: root + "/.public.staging-99999999")
        try FileManager.default.createDirectory(atPath: staging.path, withIntermediateDirectories: false)
        try staging.write(Data("new".utf8), to: "f0")
        writer.recoverAbandonedStagingFolders()
        #expect(writer.outputIdentity().marker != .missing)
        #expect(FileManager.default.contents(atPath: root + "/public/index.html") == Data("old".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["public"])
    }
}
