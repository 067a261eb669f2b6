import Foundation

/// Turns the renderer's HTML fragments into plain text, and cuts text to a length.
///
/// Only for HTML our Markdown renderer wrote: tags are dropped, block ends become spaces, and
/// the few entities cmark-gfm writes are decoded.
enum PlainText {
    /// Tags after which a space separates the text (block ends and line breaks).
    private static let spacedTags: [[UInt8]] = ["/p", "br", "br /", "/li", "/h1", "/h2", "/h3", "/h4", "/h5", "/h6", "/blockquote", "/pre", "/tr", "/td", "/th"]
        .map { Array($0.utf8) }

    /// The text of `html`: tags dropped (a space after block ends), entities decoded, runs of
    /// white space folded into one space. Works on UTF-8 bytes, as `<`, `>` and `&` are ASCII.
    static func fromHTML(_ html: String) -> String {
        var html = html
        let text = html.withUTF8 { bytes -> [UInt8] in
            var text: [UInt8] = []
            text.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                guard byte == UInt8(ascii: "<") else {
                    text.append(byte)
                    index += 1
                    continue
                }
                // An unclosed tag runs to the end of the text.
                guard let close = bytes[(index + 1)...].firstIndex(of: UInt8(ascii: ">")) else { break }
                if isSpacedTag(bytes[(index + 1)..<close]) { text.append(UInt8(ascii: " ")) }
                index = close + 1
            }
            return text
        }
        return collapseWhitespace(decodeEntities(String(decoding: text, as: UTF8.self)))
    }

    private static func isSpacedTag(_ name: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        let lowered = name.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        return spacedTags.contains { tag in
            lowered.count >= tag.count && lowered.starts(with: tag)
                && (lowered.count == tag.count || lowered[tag.count] == UInt8(ascii: " "))
        }
    }

    /// `text` with the entities cmark-gfm writes decoded (`&amp;`, `&quot;`, `&#39;`, `&#x2014;`…);
    /// anything else that starts with `&` is kept as written.
    static func decodeEntities(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard var ampersand = bytes.firstIndex(of: UInt8(ascii: "&")) else { return nil }
            var result: [UInt8] = Array(bytes[..<ampersand])
            result.reserveCapacity(bytes.count)
            var index = ampersand
            while index < bytes.count {
                ampersand = index
                guard bytes[index] == UInt8(ascii: "&") else {
                    result.append(bytes[index])
                    index += 1
                    continue
                }
                let window = bytes[index..<min(index + 12, bytes.count)]
                if let semicolon = window.firstIndex(of: UInt8(ascii: ";")),
                   let decoded = decode(entity: String(decoding: bytes[(index + 1)..<semicolon], as: UTF8.self)) {
                    result.append(contentsOf: String(decoded).utf8)
                    index = semicolon + 1
                    continue
                }
                result.append(bytes[ampersand])
                index += 1
            }
            return String(decoding: result, as: UTF8.self)
        } ?? text
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

    /// `text` with leading and trailing white space removed and every run inside folded to
    /// one space. White space is Unicode's (`Character.isWhitespace`), found in the UTF-8 bytes.
    static func collapseWhitespace(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String in
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            var pendingSpace = false
            var index = 0
            while index < bytes.count {
                let length = whitespaceLength(bytes, at: index)
                if length > 0 {
                    pendingSpace = !result.isEmpty
                    index += length
                    continue
                }
                if pendingSpace {
                    result.append(UInt8(ascii: " "))
                    pendingSpace = false
                }
                result.append(bytes[index])
                index += 1
            }
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// The length in bytes of the white-space character at `index`, or 0: U+0009–U+000D, space,
    /// U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F and U+3000.
    @inline(__always)
    private static func whitespaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x80 { return byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) ? 1 : 0 }
        let next = index + 1 < bytes.count ? bytes[index + 1] : 0
        switch byte {
        case 0xC2:
            return next == 0x85 || next == 0xA0 ? 2 : 0
        case 0xE1, 0xE2, 0xE3:
            guard index + 2 < bytes.count else { return 0 }
            let last = bytes[index + 2]
            switch (byte, next) {
            case (0xE1, 0x9A): return last == 0x80 ? 3 : 0
            case (0xE2, 0x80): return (last >= 0x80 && last <= 0x8A) || last == 0xA8 || last == 0xA9 || last == 0xAF ? 3 : 0
            case (0xE2, 0x81): return last == 0x9F ? 3 : 0
            case (0xE3, 0x80): return last == 0x80 ? 3 : 0
            default: return 0
            }
        default:
            return 0
        }
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
