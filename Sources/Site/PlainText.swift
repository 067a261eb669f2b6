import Foundation

/// Turns the renderer's HTML fragments into plain text, and cuts text to a length.
///
/// Only for HTML our Markdown renderer wrote: tags are dropped, block ends become spaces, and
/// the few entities cmark-gfm writes are decoded.
enum PlainText {
    static func fromHTML(_ html: String) -> String {
        var text = ""
        var inTag = false
        var tagName = ""
        for character in html {
            if inTag {
                if character == ">" {
                    inTag = false
                    let name = tagName.lowercased()
                    if ["/p", "br", "br /", "/li", "/h1", "/h2", "/h3", "/h4", "/h5", "/h6", "/blockquote", "/pre", "/tr", "/td", "/th"]
                        .contains(where: { name == $0 || name.hasPrefix($0 + " ") }) {
                        text.append(" ")
                    }
                } else {
                    tagName.append(character)
                }
            } else if character == "<" {
                inTag = true
                tagName = ""
            } else {
                text.append(character)
            }
        }
        return collapseWhitespace(decodeEntities(text))
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "&", let semicolon = text[index...].prefix(12).firstIndex(of: ";") {
                let entity = String(text[text.index(after: index)..<semicolon])
                if let decoded = decode(entity: entity) {
                    result.append(decoded)
                    index = text.index(after: semicolon)
                    continue
                }
            }
            result.append(text[index])
            index = text.index(after: index)
        }
        return result
    }

    private static func decode(entity: String) -> Character? {
        switch entity {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return "\u{A0}"
        default:
            var number: UInt32?
            if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                number = UInt32(entity.dropFirst(2), radix: 16)
            } else if entity.hasPrefix("#") {
                number = UInt32(entity.dropFirst())
            }
            return number.flatMap(Unicode.Scalar.init).map(Character.init)
        }
    }

    static func collapseWhitespace(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// `text` cut at a word boundary to at most `limit` characters, with "…" when cut.
    static func truncate(_ text: String, to limit: Int) -> String {
        let text = collapseWhitespace(text)
        guard text.count > limit else { return text }
        let cut = text.prefix(limit - 1)
        let boundary = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return boundary.trimmingCharacters(in: .punctuationCharacters.union(.whitespaces)) + "…"
    }
}
