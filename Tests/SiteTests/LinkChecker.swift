import Foundation

/// Finds broken internal links and anchors in a built site, resolving every `href` and `src`
/// the way a browser would from the page's URL under the site's base URL.
struct LinkChecker {
    var folder: String
    /// With a trailing slash.
    var baseURL: String

    struct Problem: CustomStringConvertible, Equatable {
        var page: String
        var link: String
        var reason: String
        var description: String { "\(page): \(link): \(reason)" }
    }

    func problems() -> [Problem] {
        let files = SiteFixture.snapshot(folder)
        var problems: [Problem] = []
        for (page, data) in files.sorted(by: { $0.key < $1.key }) where page.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            let pageURL = URL(string: baseURL + (page.hasSuffix("index.html") ? String(page.dropLast("index.html".count)) : page))!
            for link in Self.links(in: html) {
                if link.hasPrefix("mailto:") { continue }
                guard let resolved = URL(string: link, relativeTo: pageURL)?.absoluteURL else {
                    problems.append(Problem(page: page, link: link, reason: "not a URL"))
                    continue
                }
                let absolute = resolved.absoluteString
                guard absolute.hasPrefix(baseURL) else {
                    if link.hasPrefix("http") { continue }  // an external link is not ours to check
                    problems.append(Problem(page: page, link: link, reason: "leads outside the site (\(absolute))"))
                    continue
                }
                var path = String(absolute.dropFirst(baseURL.count))
                var fragment: String?
                if let hash = path.firstIndex(of: "#") {
                    fragment = String(path[path.index(after: hash)...])
                    path = String(path[..<hash])
                }
                if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
                let file = path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
                guard let target = files[file] else {
                    problems.append(Problem(page: page, link: link, reason: "no file \(file)"))
                    continue
                }
                if let fragment, !fragment.isEmpty {
                    let targetHTML = String(decoding: target, as: UTF8.self)
                    if !targetHTML.contains("id=\"\(fragment)\"") {
                        problems.append(Problem(page: page, link: link, reason: "no element with id \(fragment) in \(file)"))
                    }
                }
            }
        }
        return problems
    }

    /// The values of every `href` and `src` attribute (entities decoded).
    static func links(in html: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: #"\s(?:href|src)="([^"]*)""#)
        let range = NSRange(html.startIndex..., in: html)
        return regex.matches(in: html, range: range).compactMap { match in
            Range(match.range(at: 1), in: html).map {
                String(html[$0]).replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                    .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                    .replacingOccurrences(of: "&amp;", with: "&")
            }
        }
    }
}
