import Foundation
import Yams

/// Splits a Markdown file into YAML front matter and body, and reads the front matter's fields.
///
/// Every problem names the file line and column (counted in the whole file, not the YAML
/// block) and says how to fix it.
public struct FrontMatterParser: Sendable {
    public struct Split: Sendable {
        public var frontMatter: FrontMatter
        public var body: String
        /// The file line on which the body starts.
        public var bodyStartLine: Int
    }

    public init() {}

    public func split(_ text: String, path: String) throws(Diagnostic) -> Split {
        // Byte by byte: this runs on every Markdown file of every build.
        let utf8 = text.utf8
        func endOfLine(from start: String.Index) -> String.Index { utf8[start...].firstIndex(of: 0x0A) ?? utf8.endIndex }
        let firstEnd = endOfLine(from: utf8.startIndex)
        guard Self.isFence(utf8[utf8.startIndex..<firstEnd], dots: false) else {
            return Split(frontMatter: FrontMatter(), body: text, bodyStartLine: 1)
        }
        var line = 1
        var lineEnd = firstEnd
        let yamlStart = firstEnd == utf8.endIndex ? firstEnd : utf8.index(after: firstEnd)
        while lineEnd < utf8.endIndex {
            let start = utf8.index(after: lineEnd)
            lineEnd = endOfLine(from: start)
            line += 1
            guard Self.isFence(utf8[start..<lineEnd], dots: true) else { continue }
            // The YAML is the lines between the fences, without the newline before the closing one.
            let yaml = start > yamlStart ? String(text[yamlStart..<utf8.index(before: start)]) : ""
            let frontMatter = try read(yaml, path: path, lineOffset: 1)
            let body = lineEnd < utf8.endIndex ? String(text[utf8.index(after: lineEnd)...]) : ""
            return Split(frontMatter: frontMatter, body: body, bodyStartLine: line + 1)
        }
        throw Diagnostic(
            at: SourceLocation(file: path, line: 1, column: 1),
            "the front matter that starts here is never closed",
            hint: "end the front matter with a line holding only `---`")
    }

    /// A line holding only `---` (or `...`, which may also close front matter), spaces and tabs around it.
    static func isFence(_ line: Substring.UTF8View, dots: Bool) -> Bool {
        var bytes = line[...]
        while let first = bytes.first, first == 0x20 || first == 0x09 { bytes = bytes.dropFirst() }
        while let last = bytes.last, last == 0x20 || last == 0x09 || last == 0x0D { bytes = bytes.dropLast() }
        guard bytes.count == 3, let first = bytes.first, first == 0x2D || (dots && first == 0x2E) else { return false }
        return bytes.allSatisfy { $0 == first }
    }

    /// Reads front matter fields from YAML whose first line is file line `lineOffset + 1`.
    public func read(_ yaml: String, path: String, lineOffset: Int) throws(Diagnostic) -> FrontMatter {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw Self.diagnostic(for: error, path: path, lineOffset: lineOffset)
        } catch {
            throw Diagnostic(at: SourceLocation(file: path, line: lineOffset + 1, column: 1), "invalid YAML: \(error)")
        }
        var result = FrontMatter()
        guard let root else { return result }
        guard let mapping = root.mapping else {
            throw Diagnostic(
                at: location(of: root, path: path, lineOffset: lineOffset),
                "the front matter must be `key: value` lines",
                hint: "write fields such as `title: My headline` and `tags: [news]`")
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let here = location(of: value, path: path, lineOffset: lineOffset)
            switch key {
            case "title": result.title = try text(value, key: key, at: here)
            case "author": result.author = try text(value, key: key, at: here)
            case "summary": result.summary = try text(value, key: key, at: here)
            case "slug":
                result.slug = try text(value, key: key, at: here)
                result.slugLine = here.line
            case "date": result.date = try date(value, at: here)
            case "draft":
                guard value.scalar != nil, let flag = value.bool else {
                    throw Diagnostic(at: here, "`draft` must be true or false", hint: "write `draft: true` or `draft: false`")
                }
                result.draft = flag
            case "tags": result.tags = try list(value, key: key, at: here, lineOffset: lineOffset, allowCommaSeparated: true)
            case "questions": result.questions = try list(value, key: key, at: here, lineOffset: lineOffset, allowCommaSeparated: false)
            default: continue  // other fields are the site's own business (themes may read them)
            }
        }
        return result
    }

    private func text(_ node: Node, key: String, at location: SourceLocation) throws(Diagnostic) -> String? {
        guard let scalar = node.scalar else {
            throw Diagnostic(
                at: location, "`\(key)` must be text, not a \(node.sequence != nil ? "list" : "mapping")",
                hint: "write `\(key): ...` on one line, quoting it if it contains a colon")
        }
        if node.null != nil && scalar.style == .plain { return nil }
        return scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func date(_ node: Node, at location: SourceLocation) throws(Diagnostic) -> Date? {
        if node.null != nil { return nil }
        if let date = node.timestamp { return date }
        throw Diagnostic(
            at: location, "`date` must be a date, not \"\(node.string ?? "a list")\"",
            hint: "write the date as `date: 2024-03-14` or `date: 2024-03-14T09:30:00Z`")
    }

    private func list(
        _ node: Node, key: String, at location: SourceLocation, lineOffset: Int, allowCommaSeparated: Bool
    ) throws(Diagnostic) -> [String] {
        if node.null != nil { return [] }
        if let sequence = node.sequence {
            var items: [String] = []
            for item in sequence {
                guard let scalar = item.scalar else {
                    throw Diagnostic(
                        at: self.location(of: item, path: location.file, lineOffset: lineOffset),
                        "each entry of `\(key)` must be text", hint: "write `\(key): [first, second]`")
                }
                let value = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
                if !value.isEmpty { items.append(value) }
            }
            return items
        }
        if allowCommaSeparated, let scalar = node.scalar, node.int == nil, node.float == nil, node.bool == nil {
            return scalar.string.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        throw Diagnostic(
            at: location, "`\(key)` must be a list of text, not \"\(node.string ?? "a mapping")\"",
            hint: key == "tags" ? "write `tags: [health, research]`" : "write each entry on its own `- ` line")
    }

    private func location(of node: Node, path: String, lineOffset: Int) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: path, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
    }

    private static func diagnostic(for error: YamlError, path: String, lineOffset: Int) -> Diagnostic {
        let hint = "check the front matter's YAML: `key: value` lines, lists as `[a, b]`, text with a colon in quotes"
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return Diagnostic(
                at: SourceLocation(file: path, line: mark.line + lineOffset, column: mark.column),
                "invalid YAML in the front matter: \(problem)", hint: hint)
        default:
            return Diagnostic(at: SourceLocation(file: path, line: lineOffset + 1, column: 1), "invalid YAML in the front matter: \(error)", hint: hint)
        }
    }
}
