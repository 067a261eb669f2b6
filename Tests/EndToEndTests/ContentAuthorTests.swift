import Content
import Foundation
import Testing

@testable import ExplainerCLICore

@Suite("ContentAuthor (explainer new / add)")
struct ContentAuthorTests {
    func temporarySite() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("author-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("new writes a draft whose front matter loads back with the title, date and draft flag")
    func newDraftLoadsBack() throws {
        let site = try temporarySite()
        defer { try? FileManager.default.removeItem(at: site) }
        let author = ContentAuthor(contentDirectory: site.appendingPathComponent("content").path)
        let day = ISO8601DateFormatter().date(from: "2026-03-04T10:00:00Z")!
        let path = try author.newDraft(title: "Why \"The Bridge\" Is: Closing", today: day)
        #expect(path.hasSuffix("content/why-the-bridge-is-closing.md"))
        let article = try ArticleLoader().load(fileAt: path)
        #expect(article.title == "Why \"The Bridge\" Is: Closing")
        #expect(article.draft)
        #expect(article.date == ISO8601DateFormatter().date(from: "2026-03-04T00:00:00Z"))
    }

    @Test("new refuses to overwrite and leaves the existing file as it was")
    func newRefusesToOverwrite() throws {
        let site = try temporarySite()
        defer { try? FileManager.default.removeItem(at: site) }
        let author = ContentAuthor(contentDirectory: site.appendingPathComponent("content").path)
        let path = try author.newDraft(title: "Same")
        try "edited by hand".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: Diagnostic.self) { try author.newDraft(title: "Same") }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "edited by hand")
    }

    @Test("add copies a raw article under a slug made from its headline, byte for byte")
    func addImportsUnderHeadlineSlug() throws {
        let site = try temporarySite()
        defer { try? FileManager.default.removeItem(at: site) }
        let raw = site.appendingPathComponent("download.txt")
        let text = "Harbour Ferry Cancelled Again\r\n\r\nThe ferry did not sail on Friday.\r\n"
        try text.write(to: raw, atomically: true, encoding: .utf8)
        let author = ContentAuthor(contentDirectory: site.appendingPathComponent("content").path)
        let (path, article) = try author.importArticle(at: raw.path)
        #expect(path.hasSuffix("content/harbour-ferry-cancelled-again.txt"))
        #expect(article.title == "Harbour Ferry Cancelled Again")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(text.utf8))
        #expect(throws: Diagnostic.self) { try author.importArticle(at: raw.path) }
    }
}
