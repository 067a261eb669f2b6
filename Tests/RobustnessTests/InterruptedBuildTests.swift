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

    func runBuild(_ site: TemporarySite, output: URL? = nil, killAfter delay: Double? = nil) throws -> Int32 {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["build", "--source", site.root.path] + (output.map { ["--output", $0.path] } ?? [])
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        if let delay {
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    func writeArticles(_ site: TemporarySite, count: Int, edition: Int) throws {
        for index in 0..<count {
            try site.write("story-\(index).txt", """
                Story \(index), Edition \(edition)

                The council met on Tuesday and voted \(index)-\(edition) to approve the plan after a long debate.

                "We waited long enough," said councillor Ana Ruiz, who backed the plan from the start.
                """)
        }
    }

    @Test("SIGKILL at many moments → public/ is always the whole old or the whole new site")
    func killedBuildsLeaveAWholeSite() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.binary.path) else {
            Issue.record("no explainer binary beside the tests at \(Self.binary.path)")
            return
        }
        let site = try TemporarySite()
        defer { site.remove() }
        try writeArticles(site, count: 150, edition: 1)
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
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains("staging") }
        #expect(leftovers.isEmpty, "staging folders left behind: \(leftovers)")
    }
}
