import Foundation
import Testing

@testable import Preview

@Suite("SiteWatcher")
struct SiteWatcherTests {
    @Test("snapshots see added, changed and removed files under content/, Themes/ and site.yml")
    func changesAreSeen() throws {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("watch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: site) }
        try FileManager.default.createDirectory(at: site.appendingPathComponent("content"), withIntermediateDirectories: true)
        try "title: A".write(to: site.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
        let article = site.appendingPathComponent("content/a.txt")
        try "Head\n\nBody.".write(to: article, atomically: true, encoding: .utf8)
        let watcher = SiteWatcher(siteDirectory: site.path)
        let first = watcher.snapshot()
        #expect(SiteWatcher.changes(from: first, to: watcher.snapshot()).isEmpty)

        try "Head\n\nA longer body.".write(to: article, atomically: true, encoding: .utf8)
        let second = watcher.snapshot()
        #expect(SiteWatcher.changes(from: first, to: second) == [article.path])

        try FileManager.default.removeItem(at: article)
        let added = site.appendingPathComponent("content/b.md")
        try "# B\n\nText.".write(to: added, atomically: true, encoding: .utf8)
        let third = watcher.snapshot()
        #expect(SiteWatcher.changes(from: second, to: third) == [article.path, added.path])
    }
}
