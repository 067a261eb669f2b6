import Foundation
import Testing

@testable import Content

@Suite("ArticleLoader")
struct ArticleLoaderTests {
    let loader = ArticleLoader()

    @Test("a .txt article: first non-empty line is the headline, the rest is the body")
    func plainTextHeadlineAndBody() throws {
        let article = try loader.parse("\n\nBig Headline Here\n\nFirst paragraph.\n\nSecond one.\n", path: "content/big-news.txt")
        #expect(article.title == "Big Headline Here")
        #expect(article.format == .plainText)
        #expect(article.slug == "big-news")
        #expect(article.body == "\nFirst paragraph.\n\nSecond one.\n")
        #expect(article.bodyStartLine == 4)
    }

    @Test("Windows line endings become \\n")
    func windowsLineEndingsAreNormalised() throws {
        let path = try #require(Bundle.module.path(forResource: "crlf", ofType: "txt", inDirectory: "Fixtures"))
        let article = try loader.load(fileAt: path)
        #expect(article.title == "Ferries Cancelled Again")
        #expect(!article.body.contains("\r"))
        #expect(article.body.contains("All ferries were cancelled on Friday.\n\nThey resume Saturday."))
    }

    @Test("a .md article reads every front matter field")
    func markdownFrontMatter() throws {
        let path = try #require(Bundle.module.path(forResource: "front-matter", ofType: "md", inDirectory: "Fixtures"))
        let article = try loader.load(fileAt: path)
        #expect(article.title == "Council Approves Bridge: What Comes Next")
        #expect(article.author == "Ana Ruiz")
        #expect(article.tags == ["city", "transport"])
        #expect(article.summary == "The vote, the cost and the closure.")
        #expect(article.editorQuestions == ["How much will it cost?"])
        #expect(article.draft == false)
        #expect(article.slug == "front-matter")
        #expect(article.bodyStartLine == 10)  // the line after the closing ---
        let date = try #require(article.date)
        #expect(ISO8601DateFormatter().string(from: date) == "2024-03-14T00:00:00Z")
        #expect(article.body.trimmingCharacters(in: .whitespacesAndNewlines) == "The council voted on Tuesday.")
    }

    @Test("a .md article without title takes its leading # heading")
    func markdownHeadingTitle() throws {
        let article = try loader.parse("# The Headline\n\nText.\n", path: "x/a-b.md")
        #expect(article.title == "The Headline")
        #expect(article.body.trimmingCharacters(in: .whitespacesAndNewlines) == "Text.")
        #expect(article.bodyStartLine == 2)
    }

    @Test("front matter slug wins over the file name, and is reduced to a safe slug")
    func frontMatterSlug() throws {
        let article = try loader.parse("---\ntitle: T\nslug: ../../Etc/Passwd Zoë\n---\nBody.\n", path: "c/x.md")
        #expect(article.slug == "etc-passwd-zoe")
    }

    @Test("draft: true is read")
    func draftFlag() throws {
        let article = try loader.parse("---\ntitle: T\ndraft: true\n---\nBody.\n", path: "c/x.md")
        #expect(article.draft)
    }

    @Test("an empty file is an error naming the file and line 1")
    func emptyFileIsAnError() {
        #expect(throws: Diagnostic.self) { try loader.parse("", path: "content/empty.txt") }
        do {
            _ = try loader.parse("   \n\t\n", path: "content/blank.txt")
            Issue.record("whitespace-only file was accepted")
        } catch {
            #expect(error.location == SourceLocation(file: "content/blank.txt", line: 1, column: 1))
            #expect(error.message == "the article is empty")
        }
    }

    @Test("a headline without text is an error on the headline's line")
    func headlineOnlyIsAnError() {
        do {
            _ = try loader.parse("\nOnly A Headline\n\n", path: "c/h.txt")
            Issue.record("accepted")
        } catch {
            #expect(error.location.line == 2)
        }
    }

    @Test("unterminated front matter is an error at line 1")
    func unterminatedFrontMatter() {
        do {
            _ = try loader.parse("---\ntitle: T\n\nBody\n", path: "c/u.md")
            Issue.record("accepted")
        } catch {
            #expect(error.location.line == 1)
            #expect(error.message.contains("never closed"))
        }
    }

    @Test("invalid YAML names the file line and column of the problem")
    func invalidYAMLHasLineAndColumn() {
        do {
            _ = try loader.parse("---\ntitle: ok\ntags: [a, b\n---\nBody\n", path: "c/y.md")
            Issue.record("accepted")
        } catch {
            #expect(error.location.file == "c/y.md")
            #expect(error.location.line >= 3)
            #expect(error.message.hasPrefix("invalid YAML"))
            #expect(error.hint != nil)
        }
    }

    @Test("wrong front matter types are errors at the value", arguments: [
        ("date: yesterday", "`date` must be a date"),
        ("tags: 5", "`tags` must be a list of text"),
        ("title: [a, b]", "`title` must be text, not a list"),
        ("draft: maybe", "`draft` must be true or false"),
    ])
    func wrongTypesAreErrors(line: String, message: String) {
        do {
            _ = try loader.parse("---\nauthor: A\n\(line)\n---\n# Title\n\nBody\n", path: "c/t.md")
            Issue.record("accepted \(line)")
        } catch {
            #expect(error.location.line == 3)
            #expect(error.message.hasPrefix(message))
        }
    }
}
