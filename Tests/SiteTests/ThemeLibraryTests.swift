import Content
import Foundation
import Testing

@testable import Site

@Suite("ThemeLibrary: themes, inheritance and template errors")
struct ThemeLibraryTests {
    /// A Themes/ folder holding a copy of the repository's default theme and a theme `broken`
    /// extending it with the given templates.
    func themes(broken templates: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("themes-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: URL(fileURLWithPath: SiteFixture.repositoryThemes).appendingPathComponent("default"),
            to: root.appendingPathComponent("default"))
        let broken = root.appendingPathComponent("broken")
        try FileManager.default.createDirectory(at: broken.appendingPathComponent("templates/partials"), withIntermediateDirectories: true)
        try Data("name: broken\ndescription: Test theme\nextends: default\n".utf8).write(to: broken.appendingPathComponent("theme.yml"))
        for (name, text) in templates {
            try Data(text.utf8).write(to: broken.appendingPathComponent("templates/\(name).mustache"))
        }
        return root
    }

    @Test("the repository's themes resolve, cards falling back to default")
    func repositoryThemes() throws {
        let library = ThemeLibrary(directory: SiteFixture.repositoryThemes)
        #expect(library.themeNames() == ["cards", "default"])
        let cards = try library.resolve("cards")
        #expect(cards.chain.map(\.name) == ["cards", "default"])
        #expect(cards.templateFiles["partials/question"]?.hasSuffix("cards/templates/partials/question.mustache") == true)
        #expect(cards.templateFiles["archive"]?.hasSuffix("default/templates/archive.mustache") == true)
        #expect(cards.assetFiles.keys.sorted() == ["cards.css", "favicon.svg", "search.js", "site.js", "style.css"])
    }

    @Test("a broken template is reported with its theme file, line and column")
    func brokenTemplate() throws {
        let root = try themes(broken: ["partials/question": "<section>\n  {{#question}}\n    <h2>{{question}}</h2>\n  {{/answer}}\n</section>\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let error = #expect(throws: DiagnosticList.self) { try ThemeLibrary(directory: root.path).resolve("broken") }
        let diagnostic = try #require(error?.diagnostics.first)
        #expect(diagnostic.location.file == root.appendingPathComponent("broken/templates/partials/question.mustache").path)
        #expect(diagnostic.location.line == 4)
        #expect(diagnostic.location.column == 6)
        #expect(diagnostic.message.contains("does not match the section that is open"))
        #expect(diagnostic.description.hasPrefix("\(root.path)/broken/templates/partials/question.mustache:4:6: error:"))
    }

    @Test("a missing partial names what was looked for and where it was used")
    func missingPartial() throws {
        let root = try themes(broken: ["partials/source": "<p>\n  {{> partials/attribution }}\n</p>\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let error = #expect(throws: DiagnosticList.self) { try ThemeLibrary(directory: root.path).resolve("broken") }
        let diagnostic = try #require(error?.diagnostics.first)
        #expect(diagnostic.location.file.hasSuffix("broken/templates/partials/source.mustache"))
        #expect(diagnostic.location.line == 2 && diagnostic.location.column == 3)
        #expect(diagnostic.message.contains("the partial `partials/attribution` does not exist"))
        #expect(diagnostic.message.contains("broken/templates/partials/attribution.mustache"))
        #expect(diagnostic.message.contains("default/templates/partials/attribution.mustache"))
    }

    @Test("an unknown asset reference and an unknown theme are reported")
    func missingAssetAndTheme() throws {
        let root = try themes(broken: ["partials/theme-head": "<link rel=\"stylesheet\" href=\"{{root}}{{assets.missing_css}}\">\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let error = #expect(throws: DiagnosticList.self) { try ThemeLibrary(directory: root.path).resolve("broken") }
        #expect(error?.diagnostics.first?.message.contains("assets.missing_css") == true)
        #expect(error?.diagnostics.first?.location.column == 38)

        let unknown = #expect(throws: DiagnosticList.self) { try ThemeLibrary(directory: root.path).resolve("nope") }
        #expect(unknown?.diagnostics.first?.message.contains("there is no theme `nope`") == true)
        #expect(unknown?.diagnostics.first?.hint?.contains("broken, default") == true)
    }

    @Test("a build with a broken theme fails before touching the output")
    func buildWithBrokenTheme() async throws {
        let root = try themes(broken: ["home": "{{<base}}{{$main}}{{#explainers}}{{/main}}{{/base}}\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let site = try SiteFixture()
        defer { site.remove() }
        await #expect(throws: DiagnosticList.self) { try await site.build(theme: "broken", themes: root.path) }
        #expect(!site.exists("index.html"))
    }

    @Test("TemplateReferences finds partials and assets with line and column")
    func references() {
        let text = "a\n  {{> partials/x}} {{<base}}{{/base}}\n{{{assets.style_css}}} {{assets.b_js}} {{>*dynamic}}"
        #expect(TemplateReferences.partials(in: text).map { "\($0.name)@\($0.line):\($0.column)" } == ["partials/x@2:3", "base@2:20"])
        #expect(TemplateReferences.assets(in: text).map { "\($0.name)@\($0.line):\($0.column)" } == ["style_css@3:1", "b_js@3:24"])
    }
}
