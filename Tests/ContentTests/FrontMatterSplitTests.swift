import Testing

@testable import Content

@Suite("FrontMatterParser.split")
struct FrontMatterSplitTests {
    let parser = FrontMatterParser()

    @Test("fences with spaces or tabs around them, closed by --- or ...", arguments: ["---", "...", "  ---\t", "---   "])
    func fences(closing: String) throws {
        let split = try parser.split(" --- \ntitle: Bridge\n\(closing)\nBody line.\n", path: "a.md")
        #expect(split.frontMatter.title == "Bridge")
        #expect(split.body == "Body line.\n")
        #expect(split.bodyStartLine == 4)
    }

    @Test("no front matter: the whole text is the body from line 1; ... does not open one")
    func none() throws {
        for text in ["Title\n\nBody", "...\ntitle: x\n...\n", "----\ntitle: x\n----\n", ""] {
            let split = try parser.split(text, path: "a.md")
            #expect(split.body == text)
            #expect(split.bodyStartLine == 1)
            #expect(split.frontMatter.title == nil)
        }
    }

    @Test("empty front matter, a body without a final newline, and a file that ends at the fence")
    func edges() throws {
        let empty = try parser.split("---\n---\nBody", path: "a.md")
        #expect(empty.frontMatter.title == nil)
        #expect(empty.body == "Body")
        #expect(empty.bodyStartLine == 3)
        let endsAtFence = try parser.split("---\ntitle: T\n---", path: "a.md")
        #expect(endsAtFence.frontMatter.title == "T")
        #expect(endsAtFence.body == "")
        let unicode = try parser.split("---\ntitle: Café “Ø”\n---\nÆble 🍎\n", path: "a.md")
        #expect(unicode.frontMatter.title == "Café “Ø”")
        #expect(unicode.body == "Æble 🍎\n")
    }

    @Test("front matter never closed: an error at line 1", arguments: ["---\ntitle: T\n", "---", "---\n", "---\ntitle: T\n-- -\n"])
    func unterminated(text: String) {
        #expect(throws: Diagnostic.self) { try parser.split(text, path: "a.md") }
        do {
            _ = try parser.split(text, path: "a.md")
        } catch {
            #expect(error.location.line == 1)
            #expect(error.message.contains("never closed"))
        }
    }

    @Test("a YAML error is reported at its line in the file, counting the opening fence")
    func yamlLine() {
        do {
            _ = try parser.split("---\ntitle: T\ntags: [a, b\n---\nBody\n", path: "a.md")
            Issue.record("no error")
        } catch {
            #expect(error.location.line >= 3)
        }
    }
}
