import Foundation

/// Finds what a Mustache template refers to by name — partials and assets — with the line and
/// column of each reference, so a missing one can be reported where it is written.
///
/// swift-mustache renders a missing partial as nothing; scanning the source lets the build fail
/// instead. Only the standard `{{` `}}` delimiters are understood.
enum TemplateReferences {
    struct Reference: Hashable, Sendable {
        var name: String
        var line: Int
        var column: Int
    }

    /// `{{> name}}` and `{{< name}}` (dynamic `{{>*name}}` partials are skipped).
    static func partials(in text: String) -> [Reference] {
        tags(in: text).compactMap { tag in
            guard let first = tag.body.first, first == ">" || first == "<" else { return nil }
            let name = tag.body.dropFirst().trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, !name.hasPrefix("*") else { return nil }
            return Reference(name: name, line: tag.line, column: tag.column)
        }
    }

    /// `{{assets.key}}` and `{{{assets.key}}}`: the keys used.
    static func assets(in text: String) -> [Reference] {
        tags(in: text).compactMap { tag in
            var body = Substring(tag.body)
            if body.first == "{" || body.first == "&" { body = body.dropFirst() }
            if body.last == "}" { body = body.dropLast() }
            let name = body.trimmingCharacters(in: .whitespaces)
            guard name.hasPrefix("assets.") else { return nil }
            return Reference(name: String(name.dropFirst("assets.".count)), line: tag.line, column: tag.column)
        }
    }

    /// Every tag's inside (`#first(tags)`, `{answerHTML}` for a triple mustache).
    static func tagBodies(in text: String) -> [String] {
        tags(in: text).map(\.body)
    }

    /// Every `{{…}}` tag's inside, with the 1-based line and column of its `{{`.
    private static func tags(in text: String) -> [(body: String, line: Int, column: Int)] {
        var result: [(String, Int, Int)] = []
        let characters = Array(text)
        var index = 0
        var line = 1
        var column = 1
        while index < characters.count {
            if characters[index] == "{", index + 1 < characters.count, characters[index + 1] == "{" {
                let startLine = line, startColumn = column
                var end = index + 2
                // A triple mustache ends with "}}}".
                let triple = end < characters.count && characters[end] == "{"
                let closer = triple ? "}}}" : "}}"
                var body = ""
                while end < characters.count, !String(characters[end..<min(end + closer.count, characters.count)]).elementsEqual(closer) {
                    body.append(characters[end])
                    end += 1
                }
                result.append((triple ? body + "}" : body, startLine, startColumn))
                let consumed = characters[index..<min(end + closer.count, characters.count)]
                for character in consumed {
                    if character == "\n" { line += 1; column = 1 } else { column += 1 }
                }
                index = min(end + closer.count, characters.count)
                continue
            }
            if characters[index] == "\n" { line += 1; column = 1 } else { column += 1 }
            index += 1
        }
        return result
    }
}
