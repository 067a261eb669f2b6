import Foundation
import Testing

@testable import Preview

/// The preview server for real: a socket on a free loopback port, a temporary site, a file edit.
@Suite("PreviewServer (live socket)", .serialized)
struct PreviewServerTests {
    /// The repository's Themes/ folder, which the temporary site links to.
    static let themes = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Themes")

    func makeSite() throws -> URL {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("content"), withIntermediateDirectories: true)
        try "title: Preview Test\nbase_url: https://example.org/\n".write(
            to: site.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: site.appendingPathComponent("Themes"), withDestinationURL: Self.themes)
        try """
            ---
            title: Ferry Timetable Changes
            date: 2024-05-01
            ---

            ## What changed?

            The first ferry now leaves at seven.
            """.write(to: site.appendingPathComponent("content/ferry.md"), atomically: true, encoding: .utf8)
        return site
    }

    @Test("serve on port 0: fetch a page, edit the article, get the reload event, fetch the change")
    func editReachesTheBrowser() async throws {
        let site = try makeSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let server = PreviewServer(configuration: .init(siteDirectory: site.path, port: 0))
        let (ready, readyContinuation) = AsyncStream<String>.makeStream()
        let serving = Task {
            try await server.run(onReady: { readyContinuation.yield($0) }, log: { _ in })
        }
        defer { serving.cancel() }
        var readyIterator = ready.makeAsyncIterator()
        let url = try #require(await readyIterator.next())
        let port = try #require(URLComponents(string: url)?.port)
        #expect(url.hasPrefix("http://127.0.0.1:"))
        let client = LoopbackHTTPClient(port: UInt16(port))

        let before = try await client.request("/ferry/")
        #expect(before.status == 200)
        #expect(before.body.contains("The first ferry now leaves at seven."))
        #expect(before.body.contains("/__explainer/events"))  // the live-reload script is in the page

        let events = try client.openStream("/__explainer/events")
        #expect(await events.waitFor(": connected", seconds: 10))
        try """
            ---
            title: Ferry Timetable Changes
            date: 2024-05-01
            ---

            ## What changed?

            The first ferry now leaves at half past six.
            """.write(to: site.appendingPathComponent("content/ferry.md"), atomically: true, encoding: .utf8)
        #expect(await events.waitFor("event: reload", seconds: 30))
        let after = try await client.request("/ferry/")
        #expect(after.body.contains("The first ferry now leaves at half past six."))

        // A broken edit: the terminal and the browser hear about it, the last good page stays.
        try "---\ntitle: [unclosed\n---\nBody".write(to: site.appendingPathComponent("content/ferry.md"), atomically: true, encoding: .utf8)
        #expect(await events.waitFor("event: failure", seconds: 30))
        #expect(events.received.contains("content/ferry.md:3:1: error: invalid YAML"))
        #expect(try await client.request("/ferry/").body.contains("half past six"))
    }

    @Test("path escapes against the real socket get 400 or 404, never the file")
    func pathEscapesOnTheSocket() async throws {
        let site = try makeSite()
        defer { try? FileManager.default.removeItem(at: site) }
        try "top secret".write(to: site.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
        let server = PreviewServer(configuration: .init(siteDirectory: site.path, port: 0))
        try FileManager.default.createDirectory(atPath: server.previewFolder, withIntermediateDirectories: true)
        let (ready, readyContinuation) = AsyncStream<String>.makeStream()
        let serving = Task { try await server.run(onReady: { readyContinuation.yield($0) }, log: { _ in }) }
        defer { serving.cancel() }
        var readyIterator = ready.makeAsyncIterator()
        let url = try #require(await readyIterator.next())
        let port = try #require(URLComponents(string: url)?.port)
        let client = LoopbackHTTPClient(port: UInt16(port))
        for path in [
            "/../../secret.txt", "/%2e%2e/%2e%2e/secret.txt", "/..%2f..%2fsecret.txt", "/..\\..\\secret.txt",
            "/%2E%2E%5C%2E%2E%5Csecret.txt", "/index.html%00", "/%00", "/../../../../../../etc/passwd",
        ] {
            let response = try await client.request(path)
            #expect([400, 404].contains(response.status), "\(path) → \(response.status)")
            #expect(!response.body.contains("top secret") && !response.body.contains("root:x:0"), "\(path) leaked")
        }
        #expect(try await client.request("/", method: "POST").status == 405)
        #expect(try await client.request("/", method: "DELETE").status == 405)
        #expect(try await client.request("/no-such-page/").status == 404)
    }
}
