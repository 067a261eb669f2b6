import Foundation
import Testing

/// Killing `explainer build` at any moment leaves `public/` the complete old site or the
/// complete new one, and the next build cleans up what the killed one left.
@Suite("Interrupted builds", .serialized)
struct InterruptedBuildTests {
    /// The `explainer` binary SwiftPM built beside this test bundle.
    static var binary: URL {
        URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).deletingLastPathComponent().appendingPathComponent("explainer")
    }

    func runBuild(_ site: TemporarySite, output: URL? = nil, killAfter delay: Double? = nil, signal: Int32 = SIGKILL) throws -> Int32 {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["build", "--source", site.root.path] + (output.map { ["--output", $0.path] } ?? [])
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        if let delay {
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, signal)
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    func writeArticles(_ site: TemporarySite, count: Int, edition: Int, only: Int? = nil) throws {
        for index in 0..<count where only == nil || only == index {
            try site.write("story-\(index).txt", """
                Story \(index), Edition \(edition)

                The council met on Tuesday and voted \(index)-\(edition) to approve the plan after a long debate.

                "We waited long enough," said councillor Ana Ruiz, who backed the plan from the start.
                """)
        }
    }

    /// A site of 150 articles, or nil (with an issue recorded) when the binary is missing.
    func siteOf150Articles() throws -> TemporarySite? {
        guard FileManager.default.isExecutableFile(atPath: Self.binary.path) else {
            Issue.record("no explainer binary beside the tests at \(Self.binary.path)")
            return nil
        }
        let site = try TemporarySite()
        try writeArticles(site, count: 150, edition: 1)
        return site
    }

    func expectNoStagingFolders(_ site: TemporarySite) throws {
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains("staging") }
        #expect(leftovers.isEmpty, "staging folders left behind: \(leftovers)")
    }

    @Test("SIGKILL at many moments → public/ is always the whole old or the whole new site")
    func killedBuildsLeaveAWholeSite() throws {
        guard let site = try siteOf150Articles() else { return }
        defer { site.remove() }
        #expect(try runBuild(site) == 0)
        let old = site.snapshot()
        try writeArticles(site, count: 150, edition: 2)
        let reference = site.root.appendingPathComponent("reference")
        #expect(try runBuild(site, output: reference) == 0)
        let new = site.snapshot(reference)
        #expect(old != new)

        var sawOld = false, sawNew = false
        for delay in [0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.45, 0.7, 1.0, 1.5] {
            _ = try runBuild(site, killAfter: delay)
            let now = site.snapshot()
            #expect(now == old || now == new, "after a kill at \(delay) s public/ is neither the old nor the new site")
            if now == old { sawOld = true }
            if now == new { sawNew = true }
            if sawNew { break }
        }
        #expect(sawOld || sawNew)
        // A complete build afterwards gives the new site and removes the killed builds' staging folders.
        #expect(try runBuild(site) == 0)
        #expect(site.snapshot() == new)
        try expectNoStagingFolders(site)
    }

    @Test("SIGKILL, SIGTERM or SIGINT during a one-article rebuild → public/ is always the whole old or the whole new site")
    func interruptedSmallRebuildsLeaveAWholeSite() throws {
        guard let site = try siteOf150Articles() else { return }
        defer { site.remove() }
        // Two versions of the site that differ in one article (its page, JSON, the feed and the search index).
        let referenceA = site.root.appendingPathComponent("reference-a")
        #expect(try runBuild(site, output: referenceA) == 0)
        try writeArticles(site, count: 150, edition: 2, only: 75)
        let referenceB = site.root.appendingPathComponent("reference-b")
        #expect(try runBuild(site, output: referenceB) == 0)
        let versions = [site.snapshot(referenceA), site.snapshot(referenceB)]
        #expect(versions[0] != versions[1])
        try writeArticles(site, count: 150, edition: 1, only: 75)
        #expect(try runBuild(site) == 0)
        #expect(site.snapshot() == versions[0])
        // How long an uninterrupted rebuild takes here, to spread the interruptions over it.
        try writeArticles(site, count: 150, edition: 2, only: 75)
        let started = Date()
        #expect(try runBuild(site) == 0)
        let duration = Date().timeIntervalSince(started)
        #expect(site.snapshot() == versions[1])

        // Each round switches the article to the other version and interrupts the rebuild
        // somewhere between its start and a while after it would have finished.
        var current = 1, sawOld = 0, sawNew = 0
        let signals = [SIGKILL, SIGTERM, SIGINT]
        for round in 0..<36 {
            let target = 1 - current
            try writeArticles(site, count: 150, edition: target + 1, only: 75)
            let delay = duration * Double(round % 12) / 8
            _ = try runBuild(site, killAfter: delay, signal: signals[round % signals.count])
            let now = site.snapshot()
            #expect(now == versions[current] || now == versions[target],
                    "after signal \(signals[round % signals.count]) at \(delay) s public/ is neither the old nor the new site")
            if now == versions[target] {
                sawNew += 1
                current = target
            } else {
                sawOld += 1
            }
        }
        #expect(sawOld > 0 && sawNew > 0, "old \(sawOld), new \(sawNew): the interruptions did not land on both sides of the swap")
        // A complete build afterwards gives the current content's site and leaves no staging folder.
        #expect(try runBuild(site) == 0)
        #expect(site.snapshot() == versions[1 - current] || site.snapshot() == versions[current])
        try writeArticles(site, count: 150, edition: 1, only: 75)
        #expect(try runBuild(site) == 0)
        #expect(site.snapshot() == versions[0])
        try expectNoStagingFolders(site)
    }
}
