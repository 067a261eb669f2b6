import Content
import Foundation
import Site
import Testing

/// Issue 7's input catalogue: each bad input with its outcome in the test's name.
///
/// A failing build must name the file (and line where there is one), and must leave the previous
/// site exactly as it was.
@Suite("Input catalogue")
struct InputCatalogueTests {
    /// Builds once (good content), adds `name`, builds again: returns the second build's
    /// diagnostics and checks the first site survived byte for byte.
    func expectRefused(_ name: String, _ data: Data) async throws -> [Diagnostic] {
        let site = try TemporarySite()
        defer { site.remove() }
        #expect(await site.build() == nil)
        let before = site.snapshot()
        try site.write(name, data)
        let diagnostics = try #require(await site.build(), "the build accepted \(name)")
        #expect(site.snapshot() == before, "the previous site changed")
        #expect(diagnostics.contains { $0.location.file.hasSuffix(name) }, "no diagnostic names \(name): \(diagnostics)")
        return diagnostics
    }

    @Test("empty file → error naming it, previous site kept")
    func emptyFile() async throws {
        let problems = try await expectRefused("empty.txt", Data())
        #expect(problems.first?.message == "the article is empty")
    }

    @Test("whitespace-only file → error naming it")
    func whitespaceOnly() async throws {
        let problems = try await expectRefused("blank.md", Data(" \n\t\n  \n".utf8))
        #expect(problems.contains { $0.message.contains("no text") || $0.message.contains("empty") })
    }

    @Test("binary file → error naming it as binary")
    func binaryFile() async throws {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]
        let problems = try await expectRefused("photo.txt", Data(png))
        #expect(problems.contains { $0.message.contains("binary") })
    }

    @Test("invalid UTF-8 → error with line, column and byte offset")
    func invalidUTF8() async throws {
        let bytes = Array("Headline\n\nCaf".utf8) + [0xE9] + Array(" closed.\n".utf8)
        let problems = try await expectRefused("latin1.txt", Data(bytes))
        let problem = try #require(problems.first { $0.location.file.hasSuffix("latin1.txt") })
        #expect(problem.location.line == 3 && problem.location.column == 4)
        #expect(problem.message.contains("byte offset 13"))
    }

    @Test("UTF-8 byte-order mark → accepted, not part of the headline")
    func byteOrderMark() async throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("bom.txt", Data([0xEF, 0xBB, 0xBF] + Array("Bridge Reopens\n\nThe bridge reopened on Monday after repairs.\n".utf8)))
        #expect(await site.build() == nil)
        #expect(try site.page("bom/index.html").contains("<h1") )
        #expect(!(try site.page("bom/index.html")).contains("\u{FEFF}"))
    }

    @Test("UTF-16 text with a byte-order mark → decoded and built")
    func utf16() async throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("wide.txt", "Zoë Müller Scores Twice\n\nZoë Müller scored twice on Saturday.\n".data(using: .utf16)!)
        #expect(await site.build() == nil)
        #expect(try site.page("wide/index.html").contains("Zoë Müller Scores Twice"))
    }

    @Test("a 50 MB article → refused with its size and the limit, quickly")
    func hugeArticle() async throws {
        let paragraph = String(repeating: "The council met again on Tuesday. ", count: 30) + "\n\n"
        let text = "Huge\n\n" + String(repeating: paragraph, count: 50 * 1_048_576 / paragraph.utf8.count)
        let problems = try await expectRefused("huge.txt", Data(text.utf8))
        #expect(problems.contains { $0.message.contains("articles may be at most 2.0 MB") })
    }

    @Test("a million one-word lines → refused by the size limit, quickly")
    func millionLines() async throws {
        let words = ["council", "bridge", "ferry", "vote", "river"]
        let text = "Lines\n\n" + (0..<1_000_000).map { words[$0 % words.count] }.joined(separator: "\n")
        let problems = try await expectRefused("lines.txt", Data(text.utf8))
        #expect(problems.contains { $0.message.contains("articles may be at most") })
    }

    @Test("a single 10 MB line → refused by the size limit")
    func tenMegabyteLine() async throws {
        let line = "Long\n\n" + String(repeating: "word ", count: 2 * 1_048_576)
        let problems = try await expectRefused("line.txt", Data(line.utf8))
        #expect(problems.contains { $0.message.contains("at most") })
    }

    @Test("unterminated front matter → error at line 1")
    func unterminatedFrontMatter() async throws {
        let problems = try await expectRefused("open.md", Data("---\ntitle: Open\n\nBody text.\n".utf8))
        #expect(problems.contains { $0.location.line == 1 && $0.message.contains("never closed") })
    }

    @Test("invalid YAML → error at the YAML's line and column")
    func invalidYAML() async throws {
        let problems = try await expectRefused("yaml.md", Data("---\ntitle: A\ntags: [a, b\n---\nBody.\n".utf8))
        #expect(problems.contains { $0.location.line >= 3 && $0.message.hasPrefix("invalid YAML") })
    }

    @Test("wrong types (date: yesterday, tags: 5, title: [a, b]) → one error each, at the value", arguments: [
        ("date: yesterday", 3, "`date` must be a date"), ("tags: 5", 3, "`tags` must be a list"),
        ("title: [a, b]", 2, "`title` must be text"),
    ])
    func wrongTypes(field: String, line: Int, message: String) async throws {
        let text = field.hasPrefix("title") ? "---\n\(field)\n---\nBody.\n" : "---\ntitle: T\n\(field)\n---\nBody.\n"
        let problems = try await expectRefused("types.md", Data(text.utf8))
        #expect(problems.contains { $0.location.line == line && $0.message.hasPrefix(message) }, "\(problems)")
    }

    @Test("two files with the same slug → both named, previous site kept")
    func duplicateSlugs() async throws {
        let problems = try await expectRefused("good.md", Data("---\ntitle: Other\n---\nBody text here.\n".utf8))
        #expect(problems.contains { $0.message.contains("good.txt") && $0.message.contains("good.md") })
    }

    @Test("slug from ../, slashes, backslashes, NUL, emoji, right-to-left and 300 characters → safe slugs only", arguments: [
        ("../../evil", "evil"), ("a/b\\\\c", "a-b-c"), ("nul\\u0000byte", "nul-byte"),
        ("🏆 Cup 🏆", "cup"), ("Zoë Müller", "zoe-muller"),
    ])
    func hostileSlugs(slug: String, expected: String) async throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("hostile.md", "---\ntitle: Hostile\nslug: \"\(slug)\"\n---\nThe council met on Tuesday.\n")
        #expect(await site.build() == nil)
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("\(expected)/index.html").path))
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("evil").path))
    }

    @Test("a slug of dots only, or only right-to-left letters → error asking for a usable slug", arguments: ["...", "مرحبا"])
    func unusableSlugs(slug: String) async throws {
        let problems = try await expectRefused("unusable.md", Data("---\ntitle: T\nslug: \"\(slug)\"\n---\nBody text.\n".utf8))
        #expect(problems.contains { $0.message.contains("cannot make a URL slug") })
    }

    @Test("a 300-character title and slug → a slug cut to 80 characters at a word")
    func longTitleSlug() async throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let long = String(repeating: "Council approves the harbor bridge plan ", count: 8)
        try site.write("long.md", "---\ntitle: \"\(long)\"\nslug: \"\(long)\"\n---\nThe council met on Tuesday.\n")
        #expect(await site.build() == nil)
        let folders = try FileManager.default.contentsOfDirectory(atPath: site.output.path).filter { $0.hasPrefix("council") }
        #expect(folders.count == 1)
        #expect((folders.first?.count ?? 0) <= Slug.maximumLength)
    }

    @Test("reserved slugs (tags, archive, search, assets) → error naming the site page", arguments: ["tags", "archive", "search", "assets"])
    func reservedSlugs(slug: String) async throws {
        let problems = try await expectRefused("\(slug).txt", Data("A Headline\n\nSome text for the article.\n".utf8))
        #expect(problems.contains { $0.message.contains("used by the site's own") })
    }

    @Test("a right-to-left title → built, text kept as written")
    func rightToLeftTitle() async throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("rtl.md", "---\ntitle: \"مرحبا بالعالم\"\n---\nThe council met on Tuesday.\n")
        #expect(await site.build() == nil)
        #expect(try site.page("rtl/index.html").contains("مرحبا بالعالم"))
    }

    @Test("raw HTML and javascript: links in Markdown → removed unless the site opts in")
    func rawHTMLAndJavascriptLinks() async throws {
        let article = "---\ntitle: Links\n---\n\n## What is here?\n\n<iframe src=\"https://evil.example\"></iframe> <b onclick=\"x()\">bold</b> [click](javascript:alert(1))\n"
        let safe = try TemporarySite()
        defer { safe.remove() }
        try safe.write("links.md", article)
        #expect(await safe.build() == nil)
        let page = try safe.page("links/index.html")
        #expect(!page.contains("<iframe"))
        #expect(!page.contains("<b onclick"))
        #expect(!page.contains("href=\"javascript:"))

        let trusting = try TemporarySite(siteYAML: "title: Trusting\nbase_url: https://example.org/\nraw_html: true\n")
        defer { trusting.remove() }
        try trusting.write("links.md", article)
        #expect(await trusting.build() == nil)
        #expect(try trusting.page("links/index.html").contains("<b onclick=\"x()\">bold</b>"))
    }

    @Test("pathological Markdown (100,000 nested brackets, list markers, block quotes) → built")
    func pathologicalMarkdown() async throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let bodies = [String(repeating: "[", count: 100_000), String(repeating: "- ", count: 100_000), String(repeating: ">", count: 100_000)]
        for (index, body) in bodies.enumerated() {
            try site.write("deep\(index).md", "---\ntitle: Deep \(index)\n---\n\n## What is inside?\n\n\(body)\n")
        }
        #expect(await site.build() == nil)
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("deep0/index.html").path))
    }

    @Test("a symlink in content/ pointing outside it → refused, previous site kept")
    func symlinkOutside() async throws {
        let site = try TemporarySite()
        defer { site.remove() }
        #expect(await site.build() == nil)
        let before = site.snapshot()
        let secret = site.root.appendingPathComponent("secret.txt")
        try "Secret\n\nPasswords here.\n".write(to: secret, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: site.content.appendingPathComponent("link.txt"), withDestinationURL: secret)
        let problems = try #require(await site.build())
        #expect(problems.contains { $0.message.contains("outside the content folder") })
        #expect(site.snapshot() == before)
    }

    @Test("an unreadable article (a dangling link) → error naming it")
    func unreadableFile() async throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try FileManager.default.createSymbolicLink(
            atPath: site.content.appendingPathComponent("gone.txt").path, withDestinationPath: site.content.appendingPathComponent("missing.txt").path)
        let problems = try #require(await site.build())
        #expect(problems.contains { $0.location.file.hasSuffix("gone.txt") && $0.message.contains("cannot read") })
    }

    @Test("an output folder that is a file, or cannot be created → error, the file untouched")
    func outputIsAFile() async throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let file = site.root.appendingPathComponent("not-a-folder")
        try "keep me".write(to: file, atomically: true, encoding: .utf8)
        #expect(await site.build(output: file.path) != nil)
        #expect(try String(contentsOf: file, encoding: .utf8) == "keep me")
        #expect(await site.build(output: file.appendingPathComponent("inside").path) != nil)
    }

    @Test("--keep-going → the valid articles are built and the errors still reported")
    func keepGoing() async throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("bad.md", "---\ndate: yesterday\n---\nText.\n")
        // The builder returns the errors in its report; `explainer build` exits 1 when there are any.
        let report = try await SiteBuilder(options: BuildOptions(sourceDirectory: site.root.path, keepGoing: true)).build()
        #expect(report.diagnostics.contains { $0.severity == .error && $0.location.file.hasSuffix("bad.md") })
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("good/index.html").path))
    }
}
