/// Puts HTML into a canonical form so that insignificant differences do not fail a comparison.
///
/// A Swift port, close but not exact, of cmark's `test/normalize.py`:
/// - runs of whitespace collapse to one space, except inside `<pre>`;
/// - whitespace around block-level tags is removed;
/// - self-closing tags lose their slash (`<br />` → `<br>`);
/// - tag and attribute names are lowercased and attributes sorted by name, then value;
/// - character references become the characters they stand for, except `<`, `>`, `&` and `"`,
///   which are written `&lt;`, `&gt;`, `&amp;` and `&quot;`.
///
/// Differences from the Python original: named references other than `amp`, `lt`, `gt`,
/// `quot`, `apos` and `nbsp` are kept as written (Python resolves the HTML 4 names), a `<`
/// that opens no tag is kept as text (Python drops it), and references need their `;`.
/// cmark writes only those few named references, so the spec comparisons are unaffected.
struct HTMLNormalizer {
    private enum Event { case startTag, endTag, data, comment, declaration, reference }

    private var output = ""
    private var last = Event.startTag
    private var lastTag = ""
    private var inPre = false
    /// Inside `<script>` or `<style>` everything up to the matching end tag is text.
    private var rawTextTag: String?

    /// The normalised form of `html`.
    static func normalize(_ html: String) -> String {
        var normalizer = HTMLNormalizer()
        for chunk in chunks(of: html) {
            normalizer.feed(chunk)
        }
        return normalizer.output
    }

    /// CDATA sections, `<...>` runs and text runs, the way `normalize.py` splits its input.
    private static func chunks(of html: String) -> [Substring] {
        var chunks: [Substring] = []
        var index = html.startIndex
        while index < html.endIndex {
            if html[index...].hasPrefix("<![CDATA["), let close = html[index...].firstRange(of: "]]>") {
                chunks.append(html[index..<close.upperBound])
                index = close.upperBound
            } else if html[index] == "<", let close = html[index...].firstIndex(of: ">") {
                let end = html.index(after: close)
                chunks.append(html[index..<end])
                index = end
            } else {
                // Text up to the next "<" (a "<" with no ">" after it is text too).
                let next = html[html.index(after: index)...].firstIndex(of: "<") ?? html.endIndex
                chunks.append(html[index..<next])
                index = next
            }
        }
        return chunks
    }

    private mutating func feed(_ chunk: Substring) {
        if chunk.hasPrefix("<![CDATA[") {
            output += chunk
            return
        }
        if let rawTextTag {
            if chunk.hasPrefix("</"), Self.tagName(in: chunk.dropFirst(2)) == rawTextTag {
                self.rawTextTag = nil
                handleEndTag(rawTextTag)
            } else {
                handleData(chunk)
            }
            return
        }
        guard chunk.hasPrefix("<"), chunk.hasSuffix(">"), chunk.count >= 2 else {
            handleText(chunk)
            return
        }
        let inner = chunk.dropFirst().dropLast()
        if inner.hasPrefix("!--") && inner.hasSuffix("--") && inner.count >= 4 {
            output += chunk
            last = .comment
        } else if inner.hasPrefix("!") || inner.hasPrefix("?") {
            output += chunk
            last = .declaration
        } else if inner.hasPrefix("/") {
            guard let name = Self.tagName(in: inner.dropFirst()) else {
                handleText(chunk)
                return
            }
            handleEndTag(name)
        } else if let name = Self.tagName(in: inner) {
            let selfClosing = inner.hasSuffix("/")
            let attributes = Self.attributes(in: inner.dropFirst(name.count))
            handleStartTag(name, attributes: attributes)
            if selfClosing {
                last = .endTag
            } else if name == "script" || name == "style" {
                rawTextTag = name
            }
        } else {
            handleText(chunk)
        }
    }

    /// Text with character references split out, as `HTMLParser` reports it.
    private mutating func handleText(_ text: Substring) {
        var pending = text[...]
        while let ampersand = pending.firstIndex(of: "&") {
            if ampersand > pending.startIndex {
                handleData(pending[..<ampersand])
            }
            let rest = pending[ampersand...]
            if let semicolon = rest.firstIndex(of: ";"), let character = Self.resolve(reference: rest[rest.index(after: ampersand)..<semicolon]) {
                outputCharacter(character, fallback: rest[...semicolon])
                last = .reference
                pending = rest[rest.index(after: semicolon)...]
            } else {
                handleData("&")
                pending = rest.dropFirst()
            }
        }
        if !pending.isEmpty {
            handleData(pending)
        }
    }

    private mutating func handleData(_ text: Substring) {
        var data = String(text)
        let afterTag = last == .endTag || last == .startTag
        let afterBlockTag = afterTag && Self.isBlockTag(lastTag)
        if afterTag && lastTag == "br" {
            data = String(data.drop(while: { $0 == "\n" }))
        }
        if !inPre {
            data = Self.collapsingWhitespace(data)
        }
        if afterBlockTag && !inPre {
            if last == .startTag {
                data = String(data.drop(while: \.isWhitespace))
            } else if last == .endTag {
                data = data.trimmingWhitespace()
            }
        }
        output += data
        last = .data
    }

    private mutating func handleStartTag(_ name: String, attributes: [(name: String, value: String?)]) {
        if name == "pre" { inPre = true }
        if Self.isBlockTag(name) { trimOutputEnd() }
        output += "<" + name
        let sorted = attributes.sorted { ($0.name, $0.value ?? "") < ($1.name, $1.value ?? "") }
        for attribute in sorted {
            output += " " + attribute.name
            if let value = attribute.value {
                output += "=\"" + Self.escapeAttribute(value) + "\""
            }
        }
        output += ">"
        lastTag = name
        last = .startTag
    }

    private mutating func handleEndTag(_ name: String) {
        if name == "pre" {
            inPre = false
        } else if Self.isBlockTag(name) {
            trimOutputEnd()
        }
        output += "</" + name + ">"
        lastTag = name
        last = .endTag
    }

    private mutating func outputCharacter(_ character: Character?, fallback: Substring) {
        switch character {
        case "<": output += "&lt;"
        case ">": output += "&gt;"
        case "&": output += "&amp;"
        case "\"": output += "&quot;"
        case nil: output += fallback
        case let character?: output.append(character)
        }
    }

    private mutating func trimOutputEnd() {
        while let lastCharacter = output.last, lastCharacter.isWhitespace {
            output.removeLast()
        }
    }

    /// The lowercased tag name at the start of `text`, if it starts with one.
    private static func tagName(in text: Substring) -> String? {
        guard let first = text.first, first.isASCII, first.isLetter else { return nil }
        let name = text.prefix { !$0.isWhitespace && $0 != "/" && $0 != ">" && $0 != "\0" }
        return name.lowercased()
    }

    /// The attributes after a tag name: names lowercased, values unquoted and unescaped,
    /// `nil` for an attribute written without `=`.
    private static func attributes(in text: Substring) -> [(name: String, value: String?)] {
        var attributes: [(name: String, value: String?)] = []
        var rest = text[...]
        func skip(_ predicate: (Character) -> Bool) {
            rest = rest.drop(while: predicate)
        }
        while true {
            skip { $0.isWhitespace || $0 == "/" }
            guard !rest.isEmpty else { break }
            let name = rest.prefix { !$0.isWhitespace && $0 != "/" && $0 != "=" && $0 != ">" }
            guard !name.isEmpty else {
                rest = rest.dropFirst()
                continue
            }
            rest = rest.dropFirst(name.count)
            skip(\.isWhitespace)
            var value: String?
            if rest.first == "=" {
                skip { $0 == "=" }
                skip(\.isWhitespace)
                if let quote = rest.first, quote == "\"" || quote == "'" {
                    let body = rest.dropFirst().prefix { $0 != quote }
                    value = String(body)
                    rest = rest.dropFirst(body.count + 2)
                } else {
                    let body = rest.prefix { !$0.isWhitespace && $0 != ">" }
                    value = String(body)
                    rest = rest.dropFirst(body.count)
                }
            }
            attributes.append((name.lowercased(), value.map(unescape)))
        }
        return attributes
    }

    /// `value` with the character references this normaliser knows resolved.
    private static func unescape(_ value: String) -> String {
        var result = ""
        var rest = value[...]
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            let tail = rest[ampersand...]
            if let semicolon = tail.firstIndex(of: ";"), let character = resolve(reference: tail[tail.index(after: ampersand)..<semicolon]) {
                result.append(character)
                rest = tail[tail.index(after: semicolon)...]
            } else {
                result += "&"
                rest = tail.dropFirst()
            }
        }
        return result + rest
    }

    /// The character a reference (`#65`, `#x41`, `amp`, without `&` and `;`) stands for.
    private static func resolve(reference: Substring) -> Character? {
        if reference.hasPrefix("#x") || reference.hasPrefix("#X") {
            return UInt32(reference.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map(Character.init)
        }
        if reference.hasPrefix("#") {
            return UInt32(reference.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init).map(Character.init)
        }
        switch reference {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return "\u{A0}"
        default: return nil
        }
    }

    /// Python's `html.escape(value, quote=True)`.
    private static func escapeAttribute(_ value: String) -> String {
        var escaped = ""
        for character in value {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#x27;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    private static func collapsingWhitespace(_ text: String) -> String {
        var collapsed = ""
        var inWhitespace = false
        for character in text {
            if character.isWhitespace {
                if !inWhitespace { collapsed.append(" ") }
                inWhitespace = true
            } else {
                collapsed.append(character)
                inWhitespace = false
            }
        }
        return collapsed
    }

    private static let blockTags: Set<String> = [
        "article", "header", "aside", "hgroup", "blockquote", "hr", "iframe", "body", "li", "map",
        "button", "object", "canvas", "ol", "caption", "output", "col", "p", "colgroup", "pre", "dd",
        "progress", "div", "section", "dl", "table", "td", "dt", "tbody", "embed", "textarea",
        "fieldset", "tfoot", "figcaption", "th", "figure", "thead", "footer", "tr", "form", "ul",
        "h1", "h2", "h3", "h4", "h5", "h6", "video", "script", "style",
    ]

    private static func isBlockTag(_ name: String) -> Bool {
        blockTags.contains(name)
    }
}
