import Content
import Foundation
import Yams

/// One theme folder as found on disk: its `theme.yml`, template files and asset files.
///
/// A theme folder holds `theme.yml` (`name`, `description`, optional `extends: <other theme>`),
/// `templates/` (Mustache files; a template's name is its path under `templates/` without
/// `.mustache`, so `templates/partials/header.mustache` is the partial `partials/header`) and
/// `assets/` (files copied to the site under `assets/` with a content hash in their names).
/// Inheritance is resolved by `ThemeLibrary`; this type is one folder only.
public struct Theme: Sendable, Hashable {
    public var name: String
    public var description: String
    /// The parent theme's name, whose templates and assets this theme falls back to.
    public var extends: String?
    /// The theme folder, as given (used in messages).
    public var directory: String
    /// Template name → file path.
    public var templateFiles: [String: String]
    /// Asset path relative to `assets/` → file path.
    public var assetFiles: [String: String]

    public init(
        name: String, description: String = "", extends: String? = nil, directory: String,
        templateFiles: [String: String] = [:], assetFiles: [String: String] = [:]
    ) {
        self.name = name
        self.description = description
        self.extends = extends
        self.directory = directory
        self.templateFiles = templateFiles
        self.assetFiles = assetFiles
    }

    /// Where the template `name` would be in this theme (whether or not it exists).
    public func templatePath(for name: String) -> String {
        (directory as NSString).appendingPathComponent("templates/\(name).mustache")
    }
}

extension Theme {
    /// Reads the theme folder `directory`, whose folder name is the theme's name.
    public static func load(from directory: String) throws(DiagnosticList) -> Theme {
        let folderName = (directory as NSString).lastPathComponent
        let settingsPath = (directory as NSString).appendingPathComponent("theme.yml")
        guard let data = FileContents.data(atPath: settingsPath) else {
            throw DiagnosticList([Diagnostic(
                at: SourceLocation(file: settingsPath, line: 0, column: 0), "the theme `\(folderName)` has no theme.yml",
                hint: "add theme.yml with `name: \(folderName)` and a `description:`")])
        }
        var theme = Theme(name: folderName, directory: directory)
        try theme.readSettings(String(decoding: data, as: UTF8.self), path: settingsPath)
        theme.templateFiles = files(under: (directory as NSString).appendingPathComponent("templates"), extension: "mustache")
        theme.assetFiles = files(under: (directory as NSString).appendingPathComponent("assets"), extension: nil)
        return theme
    }

    private mutating func readSettings(_ text: String, path: String) throws(DiagnosticList) {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
                throw DiagnosticList([Diagnostic(at: SourceLocation(file: path, line: mark.line, column: mark.column), "invalid YAML: \(problem)")])
            default:
                throw DiagnosticList([Diagnostic(at: SourceLocation(file: path, line: 1, column: 1), "invalid YAML: \(error)")])
            }
        } catch {
            throw DiagnosticList([Diagnostic(at: SourceLocation(file: path, line: 1, column: 1), "invalid YAML: \(error)")])
        }
        guard let root else { return }
        guard let mapping = root.mapping else {
            throw DiagnosticList([Diagnostic(
                at: SourceLocation(file: path, line: root.mark?.line ?? 1, column: root.mark?.column ?? 1),
                "theme.yml must be `key: value` lines", hint: "write `name:`, `description:` and optionally `extends:`")])
        }
        for (keyNode, value) in mapping {
            let here = SourceLocation(file: path, line: value.mark?.line ?? 1, column: value.mark?.column ?? 1)
            guard let key = keyNode.string, ["name", "description", "extends"].contains(key) else { continue }
            guard value.scalar != nil else {
                throw DiagnosticList([Diagnostic(at: here, "`\(key)` must be text", hint: "write `\(key): ...` on one line")])
            }
            let text = (value.string ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            switch key {
            case "name":
                if text != name {
                    throw DiagnosticList([Diagnostic(
                        at: here, "the theme's name `\(text)` differs from its folder name `\(name)`",
                        hint: "themes are chosen by folder name: set `name: \(name)` or rename the folder")])
                }
            case "description": description = text
            case "extends": extends = value.null != nil || text.isEmpty ? nil : text
            default: break
            }
        }
    }

    /// Files under `root` (recursively, skipping dot-files), keyed by their path relative to
    /// `root`, without the extension when `extension` is given (and only files with it).
    static func files(under root: String, extension ext: String?) -> [String: String] {
        var result: [String: String] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return result }
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") {
                if (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory { enumerator.skipDescendants() }
                continue
            }
            guard (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeRegular else { continue }
            let full = (root as NSString).appendingPathComponent(relative)
            if let ext {
                guard (relative as NSString).pathExtension == ext else { continue }
                result[(relative as NSString).deletingPathExtension] = full
            } else {
                result[relative] = full
            }
        }
        return result
    }
}
