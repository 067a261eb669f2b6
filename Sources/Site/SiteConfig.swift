import Content
import Foundation
import Yams

/// The site's settings, read from `site.yml`.
///
/// Only `title` is required. `base_url` may carry a path (`https://example.org/news/explainers/`);
/// it is kept with a trailing slash so that page URLs are built by appending to it.
public struct SiteConfig: Sendable, Hashable {
    public var title: String
    public var description: String
    /// Absolute `http`/`https` URL of the site's root, always ending in `/`.
    public var baseURL: String
    /// BCP 47 language tag (`en`, `fr`, `pt-BR`): the pages' `lang` and the language of dates.
    public var language: String
    public var theme: String
    /// Lets raw HTML and unsafe links in answers' Markdown through.
    public var rawHTML: Bool

    public init(
        title: String, description: String = "", baseURL: String = "http://localhost:8000/",
        language: String = "en", theme: String = "default", rawHTML: Bool = false
    ) {
        self.title = title
        self.description = description
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        self.language = language
        self.theme = theme
        self.rawHTML = rawHTML
    }

    /// The path part of the base URL, with leading and trailing slashes (`/` at the root).
    public var basePath: String {
        guard let components = URLComponents(string: baseURL) else { return "/" }
        let path = components.percentEncodedPath
        if path.isEmpty { return "/" }
        return path.hasSuffix("/") ? path : path + "/"
    }

    /// The absolute URL of a path relative to the site root (`tags/`, `feed.xml`).
    public func absoluteURL(_ relativePath: String) -> String {
        baseURL + relativePath
    }
}

extension SiteConfig {
    /// The keys `site.yml` understands; others are reported as warnings.
    static let knownKeys: Set<String> = ["title", "description", "base_url", "language", "theme", "raw_html"]

    /// Reads `site.yml` at `path`; problems are thrown as diagnostics naming file, line and column.
    ///
    /// Unknown keys do not fail the build: they come back as warnings so a typo is noticed.
    public static func load(from path: String) throws(DiagnosticList) -> (SiteConfig, warnings: [Diagnostic]) {
        guard let data = FileContents.data(atPath: path) else {
            throw DiagnosticList([Diagnostic(
                at: SourceLocation(file: path, line: 0, column: 0), "cannot read the site configuration",
                hint: "create site.yml with at least `title: My site`, or pass --source with the site folder")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DiagnosticList([Diagnostic(
                at: SourceLocation(file: path, line: 1, column: 1), "site.yml is not UTF-8 text",
                hint: "save the file as UTF-8")])
        }
        return try parse(text, path: path)
    }

    /// Parses the text of a `site.yml`; `path` is what messages name.
    public static func parse(_ text: String, path: String) throws(DiagnosticList) -> (SiteConfig, warnings: [Diagnostic]) {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw DiagnosticList([yamlDiagnostic(error, path: path)])
        } catch {
            throw DiagnosticList([Diagnostic(at: SourceLocation(file: path, line: 1, column: 1), "invalid YAML: \(error)")])
        }
        guard let root, let mapping = root.mapping else {
            throw DiagnosticList([Diagnostic(
                at: SourceLocation(file: path, line: root?.mark?.line ?? 1, column: root?.mark?.column ?? 1),
                "site.yml must be `key: value` lines", hint: "write at least `title: My site`")])
        }
        var errors: [Diagnostic] = []
        var warnings: [Diagnostic] = []
        var fields: [String: (Node, SourceLocation)] = [:]
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let here = location(of: keyNode, path: path)
            if knownKeys.contains(key) {
                fields[key] = (value, location(of: value, path: path))
            } else {
                let suggestion = knownKeys.sorted().first { editDistance($0, key) <= 2 }
                warnings.append(Diagnostic(
                    .warning, at: here, "unknown setting `\(key)` is ignored",
                    hint: suggestion.map { "did you mean `\($0)`?" } ?? "known settings: \(knownKeys.sorted().joined(separator: ", "))"))
            }
        }

        func string(_ key: String) -> String? {
            guard let (node, here) = fields[key] else { return nil }
            guard let scalar = node.scalar, node.null == nil || scalar.style != .plain else {
                if node.null != nil { return nil }
                errors.append(Diagnostic(at: here, "`\(key)` must be text", hint: "write `\(key): ...` on one line"))
                return nil
            }
            return scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        }

        let title = string("title")
        if title?.isEmpty ?? true, errors.isEmpty {
            errors.append(Diagnostic(
                at: fields["title"]?.1 ?? SourceLocation(file: path, line: 1, column: 1),
                "the site has no title", hint: "add `title: My site` to site.yml"))
        }
        var config = SiteConfig(title: title ?? "")
        if let description = string("description") { config.description = description }
        if let baseURL = string("base_url") {
            if let components = URLComponents(string: baseURL), let scheme = components.scheme?.lowercased(),
               scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty,
               components.query == nil, components.fragment == nil {
                config.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
            } else {
                errors.append(Diagnostic(
                    at: fields["base_url"]!.1, "`base_url` must be an absolute http or https URL, not \"\(baseURL)\"",
                    hint: "write for example `base_url: https://example.org/` or `https://example.org/news/explainers/`"))
            }
        }
        if let language = string("language") {
            let valid = !language.isEmpty && language.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
            if valid {
                config.language = language.replacingOccurrences(of: "_", with: "-")
            } else {
                errors.append(Diagnostic(
                    at: fields["language"]!.1, "`language` must be a language tag such as `en` or `pt-BR`, not \"\(language)\""))
            }
        }
        if let theme = string("theme") {
            if theme.isEmpty || theme.contains("/") || theme.hasPrefix(".") {
                errors.append(Diagnostic(
                    at: fields["theme"]!.1, "`theme` must be the name of a folder in Themes/, not \"\(theme)\""))
            } else {
                config.theme = theme
            }
        }
        if let (node, here) = fields["raw_html"] {
            if node.scalar != nil, let flag = node.bool {
                config.rawHTML = flag
            } else if node.null == nil {
                errors.append(Diagnostic(at: here, "`raw_html` must be true or false", hint: "write `raw_html: false`"))
            }
        }
        guard errors.isEmpty else { throw DiagnosticList(errors) }
        return (config, warnings)
    }

    private static func location(of node: Node, path: String) -> SourceLocation {
        SourceLocation(file: path, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    private static func yamlDiagnostic(_ error: YamlError, path: String) -> Diagnostic {
        let hint = "site.yml is YAML: `key: value` lines, text with a colon in quotes"
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return Diagnostic(at: SourceLocation(file: path, line: mark.line, column: mark.column), "invalid YAML: \(problem)", hint: hint)
        default:
            return Diagnostic(at: SourceLocation(file: path, line: 1, column: 1), "invalid YAML: \(error)", hint: hint)
        }
    }

    /// Levenshtein distance, for "did you mean" hints on misspelt keys.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
