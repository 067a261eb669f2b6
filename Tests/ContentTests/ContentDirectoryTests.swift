import Foundation
import Testing

@testable import Content

@Suite("ContentDirectory")
struct ContentDirectoryTests {
    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("content-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("loads every article, keeps going past a bad one and reports it")
    func badFileDoesNotHideOthers() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "Good One\n\nText here.".write(to: folder.appendingPathComponent("good.txt"), atomically: true, encoding: .utf8)
        try "---\ntitle: [x\n---\nBody".write(to: folder.appendingPathComponent("bad.md"), atomically: true, encoding: .utf8)
        try "ignored".write(to: folder.appendingPathComponent("notes.pdf"), atomically: true, encoding: .utf8)
        let content = ContentDirectory.load(folder.path)
        #expect(content.articles.map(\.slug) == ["good"])
        #expect(content.diagnostics.count == 1)
        #expect(content.diagnostics.first?.location.file.hasSuffix("bad.md") == true)
    }

    @Test("two files with the same slug are both named")
    func duplicateSlugsNameBoth() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "A\n\nText.".write(to: folder.appendingPathComponent("same-name.txt"), atomically: true, encoding: .utf8)
        try "---\ntitle: B\nslug: same-name\n---\nText.".write(to: folder.appendingPathComponent("other.md"), atomically: true, encoding: .utf8)
        let content = ContentDirectory.load(folder.path)
        #expect(content.diagnostics.count == 2)
        for diagnostic in content.diagnostics {
            #expect(diagnostic.message.contains("same-name.txt"))
            #expect(diagnostic.message.contains("other.md"))
        }
    }

    @Test("a symlink that leads outside the content folder is refused")
    func symlinkOutsideIsRefused() throws {
        let folder = try temporaryFolder()
        let outside = try temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(at: outside)
        }
        try "Secret\n\nText.".write(to: outside.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("link.txt"), withDestinationURL: outside.appendingPathComponent("secret.txt"))
        let content = ContentDirectory.load(folder.path)
        #expect(content.articles.isEmpty)
        #expect(content.diagnostics.first?.message.contains("outside the content folder") == true)
    }

    @Test("a missing folder is one clear error")
    func missingFolder() {
        let content = ContentDirectory.load("/nonexistent/content-folder")
        #expect(content.articles.isEmpty)
        #expect(content.diagnostics.map(\.message) == ["the content folder does not exist"])
    }
}
