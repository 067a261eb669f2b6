import Content
import Foundation
import Testing

@testable import Site

/// Builds that reuse the build cache must write exactly what a first build writes.
@Suite("Incremental builds: the same bytes as a cold build, and nothing touched when nothing changed")
struct IncrementalBuildTests {
    /// A cold build of the fixture's current content, on one core, without the cache.
    func coldSnapshot(_ site: SiteFixture, theme: String? = nil) async throws -> [String: Data] {
        let folder = site.root.appendingPathComponent("cold-\(UUID().uuidString)").path
        var options = site.options(output: folder, theme: theme)
        options.incremental = false
        options.maxConcurrency = 1
        options.cacheDirectory = site.root.appendingPathComponent("cold-cache").path
        try await SiteBuilder(options: options).build()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        return SiteFixture.snapshot(folder)
    }

    func expectSameAsCold(_ site: SiteFixture, theme: String? = nil, _ step: String) async throws {
        let cold = try await coldSnapshot(site, theme: theme)
        let built = SiteFixture.snapshot(site.output)
        #expect(built.keys.sorted() == cold.keys.sorted(), "\(step): the files differ")
        for (path, data) in cold where built[path] != data {
            Issue.record("\(step): \(path) differs from a cold build")
        }
    }

    @Test("after each kind of edit, the incremental output equals a cold build of the same content")
    func editsMatchColdBuilds() async throws {
        let site = try SiteFixture()
        defer { site.remove() }
        try await site.build()
        try await expectSameAsCold(site, "first build")

        let steps: [(String, () throws -> Void)] = [
            ("an answer edited", {
                try site.write("content/ferry-wind.md", SiteFixture.defaultArticles["ferry-wind.md"]! + "\n\nThe operator apologised.\n")
            }),
            ("a title and a summary changed", {
                try site.write("content/bridge-vote.md", SiteFixture.defaultArticles["bridge-vote.md"]!
                    .replacingOccurrences(of: "title: Harbor Street bridge vote", with: "title: Harbor Street bridge approved")
                    .replacingOccurrences(of: "5 votes to 2.", with: "five votes to two."))
            }),
            ("a tag spelled differently by the first article that uses it", {
                try site.write("content/bridge-vote.md", SiteFixture.defaultArticles["bridge-vote.md"]!
                    .replacingOccurrences(of: "[City Hall, Transport]", with: "[City Hall, TRANSPORT, Budget]"))
            }),
            ("an article added, newest of all", {
                try site.write("content/zoo-opening.md", """
                    ---
                    title: The zoo reopens
                    summary: After two years of works.
                    date: 2024-12-01
                    tags: [transport, Leisure]
                    ---

                    ## When does it reopen?

                    On Saturday.

                    ## What changed?

                    A new aviary and a bus stop at the gate.
                    """)
            }),
            ("an article removed", {
                try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/notes.txt"))
            }),
            ("a draft published", {
                try site.write("content/draft-story.md", SiteFixture.defaultArticles["draft-story.md"]!
                    .replacingOccurrences(of: "draft: true", with: "draft: false"))
            }),
            ("an article broken and another one renamed", {
                try site.write("content/broken.md", "---\ntitle: [unclosed\n---\n\n## Why?\n\nBecause.\n")
                try FileManager.default.moveItem(
                    at: site.root.appendingPathComponent("content/ferry-wind.md"),
                    to: site.root.appendingPathComponent("content/ferries.md"))
            }),
            ("the settings changed", {
                try site.write("site.yml", SiteFixture.defaultSiteYAML.replacingOccurrences(of: "Test Desk", with: "Test Desk Weekly"))
            }),
        ]
        for (step, change) in steps {
            try change()
            if step.contains("broken") {
                var options = site.options()
                options.keepGoing = true
                let report = try await SiteBuilder(options: options).build()
                #expect(report.diagnostics.contains { $0.severity == .error })
                try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/broken.md"))
            }
            let before = SiteFixture.snapshot(site.output)
            let report = try await site.build()
            // The broken article was left out by the build that reported it: removing it changes nothing.
            #expect(report.filesWritten > 0 || step.contains("broken"), "\(step): nothing was written")
            try await expectSameAsCold(site, step)
            if report.filesWritten > 0 {
                #expect(SiteFixture.snapshot(previousFolder(site)) == before, "\(step): the previous site is not the one replaced")
            }
        }

        let report = try await site.build(theme: "cards")
        #expect(report.filesWritten > report.pagesWritten / 2)
        try await expectSameAsCold(site, theme: "cards", "the theme changed")
    }

    /// Where builds keep the site the output held before.
    func previousFolder(_ site: SiteFixture) -> String {
        SiteWriter(outputDirectory: site.output).previousDirectory
    }

    @Test("the previous site stays beside the output, shares its unchanged files, and the next build updates it")
    func previousSiteIsKept() async throws {
        let site = try SiteFixture()
        defer { site.remove() }
        try await site.build()
        let first = SiteFixture.snapshot(site.output)
        #expect(!FileManager.default.fileExists(atPath: previousFolder(site)), "a first build has no previous site")
        try site.write("content/ferry-wind.md", SiteFixture.defaultArticles["ferry-wind.md"]! + "\n\nThe operator apologised.\n")
        try await site.build()
        let second = SiteFixture.snapshot(site.output)
        #expect(SiteFixture.snapshot(previousFolder(site)) == first)
        var shared = 0
        for (path, data) in second where path != SiteWriter.markerName {
            let same = FileStamp.of(site.output + "/" + path).inode == FileStamp.of(previousFolder(site) + "/" + path).inode
            // A changed file is a new one; a shared one was never written over.
            if first[path] != data { #expect(!same, "\(path) changed but is shared with the previous site") }
            if same { shared += 1 }
        }
        #expect(shared > second.count / 2)

        // Now the previous site is known: the build brings it up to date and swaps again.
        try site.write("content/ferry-wind.md", SiteFixture.defaultArticles["ferry-wind.md"]! + "\n\nThe operator apologised twice.\n")
        try await site.build()
        #expect(SiteFixture.snapshot(previousFolder(site)) == second)
        try await expectSameAsCold(site, "after two edits")
    }

    @Test("a previous site changed since it was recorded, and files gone from the output, are not trusted")
    func changedPreviousSiteIsNotTrusted() async throws {
        let site = try SiteFixture()
        defer { site.remove() }
        try await site.build()
        try site.write("content/ferry-wind.md", SiteFixture.defaultArticles["ferry-wind.md"]! + "\n\nThe operator apologised.\n")
        try await site.build()
        let previous = previousFolder(site)
        #expect(site.exists("robots.txt") && site.exists("bridge-vote/index.html"))
        // What a build killed while updating the previous site leaves: other bytes, and a new
        // marker (each build replaces it first).
        try FileManager.default.removeItem(atPath: previous + "/robots.txt")
        try Data("User-agent: *\nDisallow: /\n".utf8).write(to: URL(fileURLWithPath: previous + "/robots.txt"))
        try FileManager.default.removeItem(atPath: previous + "/" + SiteWriter.markerName)
        try Data(SiteWriter.markerText.utf8).write(to: URL(fileURLWithPath: previous + "/" + SiteWriter.markerName))
        // And a page the cache says is in the output, removed by hand.
        try FileManager.default.removeItem(atPath: site.output + "/bridge-vote/index.html")

        try site.write("content/ferry-wind.md", SiteFixture.defaultArticles["ferry-wind.md"]! + "\n\nThe operator apologised twice.\n")
        try await site.build()
        try await expectSameAsCold(site, "after the previous site changed")
    }

    @Test("a build on one core and a build on all cores write the same bytes")
    func coresDoNotMatter() async throws {
        var articles = SiteFixture.defaultArticles
        for index in 0..<40 {
            articles["story-\(index).md"] = """
                ---
                title: Story number \(index)
                date: 2024-0\(index % 9 + 1)-1\(index % 10)
                tags: [tag-\(index % 5), tag-\(index % 3), Transport]
                ---

                ## Question \(index)?

                Answer \(index) with **bold** text.

                ## Another question \(index)?

                Another answer.
                """
        }
        let site = try SiteFixture(articles: articles)
        defer { site.remove() }
        var one = site.options(output: site.root.appendingPathComponent("one").path)
        one.maxConcurrency = 1
        var many = site.options(output: site.root.appendingPathComponent("many").path)
        many.maxConcurrency = 8
        try await SiteBuilder(options: one).build()
        try await SiteBuilder(options: many).build()
        let a = SiteFixture.snapshot(one.outputDirectory!), b = SiteFixture.snapshot(many.outputDirectory!)
        #expect(a.count > 100)
        #expect(a == b)
    }

    @Test("a build with nothing changed touches no file and reports the previous build")
    func noOpTouchesNothing() async throws {
        let site = try SiteFixture()
        defer { site.remove() }
        let first = try await site.build()
        let before = SiteFixture.stamps(site.output)
        let cacheFolder = site.root.appendingPathComponent(".explainer-cache").path
        let cacheBefore = SiteFixture.stamps(cacheFolder)
        let second = try await site.build()
        #expect(second.filesWritten == 0 && second.filesRemoved == 0)
        #expect(second.articleCount == first.articleCount && second.pagesWritten == first.pagesWritten)
        #expect(second.diagnostics == first.diagnostics)
        #expect(SiteFixture.stamps(site.output) == before)
        #expect(SiteFixture.stamps(cacheFolder) == cacheBefore)
    }

    @Test("an edited answer that no card shows rewrites its page, its JSON, the search index and the feed, nothing else")
    func oneEditWritesLittle() async throws {
        var articles = SiteFixture.defaultArticles
        let long = """
            ---
            title: Four questions on the tram
            date: 2024-04-01
            tags: [transport]
            ---

            ## Where will it run?

            From the port to the university.

            ## When will it open?

            In 2027.

            ## How much will it cost?

            Ninety million.

            ## Who pays?

            The region and the city.
            """
        articles["tram.md"] = long
        let site = try SiteFixture(articles: articles)
        defer { site.remove() }
        try await site.build()
        // Twice: first with no previous site beside the output, then updating the one kept.
        for edit in ["The state chips in.", "The state chips in again."] {
            // A file left as it was keeps its inode and modification time (a link to it changes
            // only its change time).
            let before = SiteFixture.stamps(site.output).mapValues(\.withoutChangeTime)
            try site.write("content/tram.md", long + " \(edit)\n")
            let report = try await site.build()
            let after = SiteFixture.stamps(site.output).mapValues(\.withoutChangeTime)
            let changed = after.keys.filter { after[$0] != before[$0] && $0.contains(".") && $0 != SiteWriter.markerName }.sorted()
            #expect(changed == ["feed.xml", "search.json", "tram/index.html", "tram/index.json"])
            #expect(report.filesWritten == 4)
            #expect(try site.read("tram/index.html").contains(edit))
            #expect(try site.read("search.json").contains(edit))
        }
    }

    @Test("an article dated in the future appears once its date has passed, though no file changed")
    func futureArticleAppears() async throws {
        let site = try SiteFixture()
        defer { site.remove() }
        try await site.build()
        #expect(!site.exists("future-story/index.html"))
        var options = site.options()
        options.now = ISO8601DateFormatter().date(from: "3000-01-01T00:00:00Z")!
        let report = try await SiteBuilder(options: options).build()
        #expect(report.filesWritten > 0)
        #expect(site.exists("future-story/index.html"))
        // A clock set back hides it again.
        try await site.build()
        #expect(!site.exists("future-story/index.html"))
        try await expectSameAsCold(site, "after the clock went back")
    }

    @Test("a damaged cache, a deleted output or a replaced output folder lead to a full build")
    func untrustedCache() async throws {
        let site = try SiteFixture()
        defer { site.remove() }
        try await site.build()
        let complete = SiteFixture.snapshot(site.output)
        let cacheFolder = site.root.appendingPathComponent(".explainer-cache")
        let cacheFile = try #require(FileManager.default.enumerator(at: cacheFolder, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.first { $0.lastPathComponent == "build-cache" })
        try Data("not a cache".utf8).write(to: cacheFile)
        #expect(try await site.build().filesWritten == complete.count - 1)
        #expect(SiteFixture.snapshot(site.output) == complete)

        try FileManager.default.removeItem(atPath: site.output)
        try await site.build()
        #expect(SiteFixture.snapshot(site.output) == complete)

        // Another tool's site in the same place (a new folder, marker and all).
        try FileManager.default.removeItem(atPath: site.output)
        try FileManager.default.createDirectory(atPath: site.output, withIntermediateDirectories: true)
        try Data(SiteWriter.markerText.utf8).write(to: URL(fileURLWithPath: site.output + "/" + SiteWriter.markerName))
        try Data("stale".utf8).write(to: URL(fileURLWithPath: site.output + "/index.html"))
        try await site.build()
        #expect(SiteFixture.snapshot(site.output) == complete)
    }

    @Test("a failed build leaves the cache describing the output in place")
    func failedBuildKeepsCache() async throws {
        let site = try SiteFixture()
        defer { site.remove() }
        try await site.build()
        try site.write("content/ferry-wind.md", SiteFixture.defaultArticles["ferry-wind.md"]! + "\nMore.\n")
        try site.write("content/broken.md", "---\ntitle: [unclosed\n---\n\n## Why?\n\nBecause.\n")
        await #expect(throws: DiagnosticList.self) { try await site.build() }
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/broken.md"))
        try await site.build()
        try await expectSameAsCold(site, "after a failed build")
    }
}
