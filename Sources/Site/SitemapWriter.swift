import Foundation

/// Writes `sitemap.xml` (every page of the site) and `robots.txt` (which points to it).
struct SitemapWriter: Sendable {
    struct Page: Hashable, Sendable {
        /// Relative to the site root: `""` for the home page, `slug/`, `tags/`.
        var path: String
        var lastModified: Date?
    }

    var config: SiteConfig

    func xml(for pages: [Page]) -> Data {
        var lines = [
            #"<?xml version="1.0" encoding="utf-8"?>"#,
            #"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">"#,
        ]
        for page in pages.sorted(by: { $0.path < $1.path }) {
            var entry = "  <url><loc>\(XMLEscaping.escape(config.absoluteURL(page.path)))</loc>"
            if let date = page.lastModified { entry += "<lastmod>\(SiteDate.day(date))</lastmod>" }
            lines.append(entry + "</url>")
        }
        lines.append("</urlset>")
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }

    func robots() -> Data {
        Data("User-agent: *\nAllow: /\n\nSitemap: \(config.absoluteURL("sitemap.xml"))\n".utf8)
    }
}
