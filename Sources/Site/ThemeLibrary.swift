import Content
import Foundation
import Mustache

/// The themes in a `Themes/` folder, and the resolution of one of them with its parents.
///
/// A theme that `extends` another falls back to the parent's templates and assets for every
/// name it does not define itself, and so on up the chain.
public struct ThemeLibrary: Sendable {
    /// The folder holding one sub-folder per theme.
    public var directory: String

    /// Templates every theme (with its parents) must provide: one per kind of page, plus the
    /// layout they extend.
    public static let requiredTemplates = ["base", "home", "explainer", "tag", "tags", "archive", "search", "404"]

    public init(directory: String) {
        self.directory = directory
    }

    /// Put before every template's text: a standalone pragma line, which renders as nothing.
    static let contentTypePragma = "{{% CONTENT_TYPE: \(HTMLEscaping.ContentType.name) }}\n"

    /// The names of the themes in the folder, sorted.
    public func themeNames() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { name in
            !name.hasPrefix(".") && FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent("\(name)/theme.yml"))
        }.sorted()
    }

    /// Loads the theme `name` with its parents, parses every template and checks that every
    /// template, partial and asset the templates refer to exists.
    ///
    /// Every problem found is thrown together, each naming the theme file, line and column.
    public func resolve(_ name: String) throws(DiagnosticList) -> ResolvedTheme {
        let chain = try loadChain(name)
        var templateFiles: [String: String] = [:]
        var assetFiles: [String: String] = [:]
        for theme in chain.reversed() {
            templateFiles.merge(theme.templateFiles) { _, child in child }
            assetFiles.merge(theme.assetFiles) { _, child in child }
        }

        var diagnostics: [Diagnostic] = []
        HTMLEscaping.ContentType.register()
        var library = MustacheLibrary()
        var sources: [String: String] = [:]
        for (templateName, path) in templateFiles.sorted(by: { $0.key < $1.key }) {
            guard let data = FileContents.data(atPath: path) else {
                diagnostics.append(Diagnostic(at: SourceLocation(file: path, line: 0, column: 0), "cannot read the template"))
                continue
            }
            let text = String(decoding: data, as: UTF8.self)
            sources[templateName] = text
            do {
                // Parsed as written first, so errors name the theme file's own lines; then with
                // the pragma that selects the site's HTML escaping (see `HTMLEscaping.ContentType`).
                _ = try MustacheTemplate(string: text)
                library.register(try MustacheTemplate(string: Self.contentTypePragma + text), named: templateName)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(Self.diagnostic(for: error, path: path))
            } catch {
                diagnostics.append(Diagnostic(at: SourceLocation(file: path, line: 1, column: 1), "invalid template: \(error)"))
            }
        }

        let lookedFor = { (templateName: String) in
            chain.map { $0.templatePath(for: templateName) }.joined(separator: " and ")
        }
        for required in Self.requiredTemplates where templateFiles[required] == nil {
            diagnostics.append(Diagnostic(
                at: SourceLocation(file: (chain[0].directory as NSString).appendingPathComponent("templates"), line: 0, column: 0),
                "the theme `\(name)` has no `\(required)` template: looked for \(lookedFor(required))",
                hint: "add \(chain[0].templatePath(for: required)), or extend a theme that has it"))
        }
        let assetKeys = Set(assetFiles.keys.map(ResolvedTheme.assetKey))
        for (templateName, text) in sources.sorted(by: { $0.key < $1.key }) {
            let path = templateFiles[templateName]!
            for reference in TemplateReferences.partials(in: text) where templateFiles[reference.name] == nil {
                diagnostics.append(Diagnostic(
                    at: SourceLocation(file: path, line: reference.line, column: reference.column),
                    "the partial `\(reference.name)` does not exist: looked for \(lookedFor(reference.name))",
                    hint: "create the file, or fix the name after `{{>` or `{{<`"))
            }
            for reference in TemplateReferences.assets(in: text) where !assetKeys.contains(reference.name) {
                let known = assetKeys.sorted().joined(separator: ", ")
                diagnostics.append(Diagnostic(
                    at: SourceLocation(file: path, line: reference.line, column: reference.column),
                    "the asset `assets.\(reference.name)` does not exist in the assets/ folders of \(chain.map(\.name).joined(separator: ", "))",
                    hint: "an asset `css/site.css` is written `{{assets.css_site_css}}`; known: \(known)"))
            }
        }
        guard diagnostics.isEmpty else { throw DiagnosticList(diagnostics) }
        return ResolvedTheme(
            chain: chain, library: library, templateFiles: templateFiles, assetFiles: assetFiles,
            allowsSkeletons: PageSkeleton.isApplicable(to: sources.values))
    }

    /// The theme and its ancestors, the theme first.
    func loadChain(_ name: String) throws(DiagnosticList) -> [Theme] {
        var chain: [Theme] = []
        var next: String? = name
        var requestedBy: String?
        while let current = next {
            if let loop = chain.first(where: { $0.name == current }) {
                throw DiagnosticList([Diagnostic(
                    at: SourceLocation(file: (chain.last!.directory as NSString).appendingPathComponent("theme.yml"), line: 0, column: 0),
                    "themes extend each other in a loop: \((chain.map(\.name) + [loop.name]).joined(separator: " → "))",
                    hint: "remove `extends:` from one of them")])
            }
            let folder = (directory as NSString).appendingPathComponent(current)
            var isDirectory: ObjCBool = false
            guard !current.contains("/"), FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
                let known = themeNames()
                let file = requestedBy.map { ($0 as NSString).appendingPathComponent("theme.yml") } ?? folder
                throw DiagnosticList([Diagnostic(
                    at: SourceLocation(file: file, line: 0, column: 0),
                    "there is no theme `\(current)`: looked for the folder \(folder)",
                    hint: known.isEmpty ? "create \(folder) with theme.yml, templates/ and assets/" : "themes found: \(known.joined(separator: ", "))")])
            }
            let theme = try Theme.load(from: folder)
            chain.append(theme)
            requestedBy = folder
            next = theme.extends
        }
        return chain
    }

    static func diagnostic(for error: MustacheTemplate.ParserError, path: String) -> Diagnostic {
        let (message, hint): (String, String?) = switch error.error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect:
            ("this closing tag does not match the section that is open", "close sections in the reverse order they were opened: {{#a}}{{#b}}…{{/b}}{{/a}}")
        case MustacheTemplate.Error.unfinishedName:
            ("unfinished tag: expected a name followed by `}}`", "names are letters, digits, `.`, `_` and `-`")
        case MustacheTemplate.Error.expectedSectionEnd:
            ("a section is opened but never closed", "add the matching {{/name}}")
        case MustacheTemplate.Error.invalidSetDelimiter:
            ("invalid set-delimiter tag", "write {{=<% %>=}}")
        case MustacheTemplate.Error.transformAppliedToInheritanceSection:
            ("a block ({{$name}}) cannot take a transform", nil)
        case MustacheTemplate.Error.illegalTokenInsideInheritSection:
            ("only blocks ({{$name}}…{{/name}}) may appear inside {{<parent}}…{{/parent}}", "move this tag inside a {{$block}}")
        case MustacheTemplate.Error.textInsideInheritSection:
            ("only blocks may appear inside {{<parent}}…{{/parent}}", "move the text inside a {{$block}}")
        case MustacheTemplate.Error.invalidConfigVariableSyntax, MustacheTemplate.Error.unrecognisedConfigVariable:
            ("invalid {{% … }} pragma", "the only pragma is {{% CONTENT_TYPE: HTML }} or TEXT")
        default:
            ("invalid template: \(error.error)", nil)
        }
        return Diagnostic(
            at: SourceLocation(file: path, line: error.context.lineNumber, column: error.context.columnNumber),
            "template error: \(message) (in line `\(error.context.line.trimmingCharacters(in: .whitespaces))`)", hint: hint)
    }
}
