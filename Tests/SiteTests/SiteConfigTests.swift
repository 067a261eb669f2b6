import Content
import Foundation
import Testing

@testable import Site

@Suite("SiteConfig: site.yml")
struct SiteConfigTests {
    @Test("reads every setting; the base URL gets a trailing slash and gives the base path")
    func reads() throws {
        let (config, warnings) = try SiteConfig.parse("""
            title: "News: Explained"
            description: Our desk
            base_url: https://example.org/news/explainers
            language: pt_BR
            theme: cards
            raw_html: true
            """, path: "site.yml")
        #expect(warnings.isEmpty)
        #expect(config == SiteConfig(
            title: "News: Explained", description: "Our desk", baseURL: "https://example.org/news/explainers/",
            language: "pt-BR", theme: "cards", rawHTML: true))
        #expect(config.basePath == "/news/explainers/")
        #expect(config.absoluteURL("tags/") == "https://example.org/news/explainers/tags/")
        #expect(SiteConfig(title: "x", baseURL: "https://example.org").basePath == "/")
    }

    @Test("errors name the file, line and column")
    func errors() throws {
        let error = #expect(throws: DiagnosticList.self) {
            try SiteConfig.parse("title: Site\nbase_url: example.org\nraw_html: maybe\n", path: "site.yml")
        }
        #expect(error?.diagnostics.map(\.location.description) == ["site.yml:2:11", "site.yml:3:11"])
        let yaml = #expect(throws: DiagnosticList.self) { try SiteConfig.parse("title: [oops\n", path: "site.yml") }
        #expect(yaml?.diagnostics.first?.message.hasPrefix("invalid YAML") == true)
        let missing = #expect(throws: DiagnosticList.self) { try SiteConfig.parse("description: no title\n", path: "site.yml") }
        #expect(missing?.diagnostics.first?.message == "the site has no title")
    }

    @Test("an unknown key is a warning with a suggestion")
    func unknownKey() throws {
        let (_, warnings) = try SiteConfig.parse("title: Site\nbase_ulr: https://example.org/\n", path: "site.yml")
        #expect(warnings.count == 1)
        #expect(warnings.first?.severity == .warning)
        #expect(warnings.first?.location.description == "site.yml:2:1")
        #expect(warnings.first?.hint == "did you mean `base_url`?")
    }
}
