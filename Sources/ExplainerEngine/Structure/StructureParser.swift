import Foundation

/// The second stage: cleaned text → headline, dek, subheads, paragraphs, list items, interview lines.
///
/// Plain-text articles are blocks separated by blank lines: a one-line block of at most ten
/// words without final punctuation is a subhead, `Q:`/`A:` blocks are interview lines, and a
/// dateline ("PORT ELLIS, Norvania — ") is taken off the first paragraph. Markdown articles
/// lose their syntax: headings become subheads, list items become blocks of their own (with
/// the paragraph that introduces them), emphasis, code spans and links become their text, and
/// tables, code blocks, images and raw HTML are skipped.
struct StructureParser: Sendable {
    let words: WordLists

    func parse(_ text: String, headline: String, markdown: Bool) -> ArticleStructure {
        var blocks = markdown ? markdownBlocks(text) : plainBlocks(text)
        // Sections.
        var section: String?
        for index in blocks.indices {
            if blocks[index].kind == .subhead {
                section = blocks[index].text
            } else {
                blocks[index].section = section
            }
        }
        let dek = findDek(blocks)
        return ArticleStructure(headline: Self.fold(headline), dek: dek, blocks: blocks)
    }

    // MARK: Plain text

    private func plainBlocks(_ text: String) -> [ArticleStructure.Block] {
        var blocks: [ArticleStructure.Block] = []
        for raw in Self.blocks(of: text) {
            let lines = Self.lines(of: raw)
            guard !lines.isEmpty else { continue }
            // Interview lines may share a block; each Q:/A: starts a new one.
            var pending: [String] = []
            var kind = ArticleStructure.Kind.paragraph
            func flush() {
                guard !pending.isEmpty else { return }
                blocks.append(ArticleStructure.Block(kind: kind, text: Self.fold(pending.joined(separator: " "))))
                pending = []
            }
            for line in lines {
                if let rest = Self.interviewLine(line, marker: "Q") {
                    flush()
                    kind = .interviewQuestion
                    pending = [rest]
                } else if let rest = Self.interviewLine(line, marker: "A") {
                    flush()
                    kind = .interviewAnswer
                    pending = [rest]
                } else {
                    if pending.isEmpty { kind = .paragraph }
                    pending.append(line)
                }
            }
            flush()
        }
        for index in blocks.indices where blocks[index].kind == .paragraph && isSubhead(blocks[index].text) {
            blocks[index].kind = .subhead
            blocks[index].text = Self.subheadText(blocks[index].text)
        }
        if let first = blocks.firstIndex(where: { $0.kind == .paragraph }) {
            blocks[first].text = stripDateline(blocks[first].text)
        }
        return blocks
    }

    /// The non-empty lines of a block, split on its contiguous bytes.
    static func lines(of block: Substring) -> [String] {
        var block = block
        return block.withUTF8 { bytes in
            var lines: [String] = []
            var start = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x0A {
                if index > start { lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)) }
                start = index + 1
            }
            return lines
        }
    }

    /// `Q: text`, `Q. text` or `Q - text` → text.
    static func interviewLine(_ line: String, marker: Character) -> String? {
        guard line.count > 2, line.first == marker else { return nil }
        let second = line[line.index(after: line.startIndex)]
        guard ":.-–—".contains(second) else { return nil }
        return line.dropFirst(2).trimmingCharactersInSet()
    }

    /// A short line without final punctuation, not a quotation or a sentence fragment.
    func isSubhead(_ text: String) -> Bool {
        guard let last = text.last, !".!?,;:\"”’)".contains(last) else { return false }
        guard let first = text.first, first.isUppercase || first.isNumber else { return false }
        let count = text.split(separator: " ").count
        return count >= 1 && count <= 10
    }

    /// "NEW PLANT, OLD PLANT" → "New plant, old plant"; other subheads as written.
    static func subheadText(_ text: String) -> String {
        guard text.contains(where: \.isLetter), text == text.uppercased() else { return text }
        let lower = text.lowercased()
        return lower.prefix(1).uppercased() + lower.dropFirst()
    }

    /// "PORT ELLIS, Norvania — Corvane Foods said ..." → "Corvane Foods said ...".
    func stripDateline(_ text: String) -> String {
        for dash in [" — ", " – ", " -- ", " - "] {
            guard let range = text.firstRange(ofBytes: dash) else { continue }
            let head = text[..<range.lowerBound]
            let headWords = head.split(whereSeparator: { $0 == " " || $0 == "," })
            guard headWords.count >= 1, headWords.count <= 6, let firstWord = headWords.first,
                  firstWord.count >= 2, firstWord == firstWord.uppercased(), firstWord.contains(where: \.isLetter)
            else { return text }
            return String(text[range.upperBound...])
        }
        return text
    }

    /// The dek: a one-sentence first paragraph, not dated, followed by at least three more.
    private func findDek(_ blocks: [ArticleStructure.Block]) -> String? {
        let paragraphs = blocks.filter { $0.kind == .paragraph }
        guard paragraphs.count >= 4, let first = blocks.first, first.kind == .paragraph else { return nil }
        let text = first.text
        guard Self.sentenceEndCount(text) == 1, text.split(separator: " ").count <= 40 else { return nil }
        let lower = text.lowercased()
        let dated = words.weekdays.contains { lower.includes($0) } || lower.includes("yesterday") || lower.includes("today")
        return dated ? nil : text
    }

    /// How many characters of `text` are a full stop, question or exclamation mark followed by a space or the end.
    ///
    /// Candidates are found on the bytes and checked as characters, so the count is the one a
    /// walk over every character would give, at the cost of a byte scan.
    static func sentenceEndCount(_ text: String) -> Int {
        var count = 0
        let utf8 = text.utf8
        var position = utf8.startIndex
        while position < utf8.endIndex {
            let byte = utf8[position]
            if byte == 0x2E || byte == 0x21 || byte == 0x3F, let index = position.samePosition(in: text) {
                let next = text.index(after: index)
                if ".!?".contains(text[index]), next == text.endIndex || text[next] == " " { count += 1 }
            }
            utf8.formIndex(after: &position)
        }
        return count
    }

    // MARK: Markdown

    private func markdownBlocks(_ text: String) -> [ArticleStructure.Block] {
        var blocks: [ArticleStructure.Block] = []
        var paragraph: [String] = []
        var listItem: [String]?
        var inFence = false
        var lastIntro: Int?
        func flushParagraph() {
            if !paragraph.isEmpty {
                let joined = Self.fold(paragraph.joined(separator: " "))
                blocks.append(ArticleStructure.Block(kind: .paragraph, text: joined))
                lastIntro = joined.hasSuffix(":") ? blocks.count - 1 : nil
            }
            paragraph = []
        }
        func flushItem() {
            if let item = listItem {
                blocks.append(ArticleStructure.Block(kind: .listItem, text: Self.fold(item.joined(separator: " ")), listIntro: lastIntro))
            }
            listItem = nil
        }
        for rawBytes in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            let rawLine = Substring(rawBytes)
            let line = String(rawLine).trimmingCharactersInSet()
            if line.hasPrefix("```") || line.hasPrefix("~~~") {
                flushParagraph(); flushItem()
                inFence.toggle()
                continue
            }
            if inFence { continue }
            if line.isEmpty {
                flushParagraph()
                if listItem != nil { flushItem() }
                continue
            }
            if line.hasPrefix("|") || line.hasPrefix("<") || line.hasPrefix("![") || Self.isRule(line) {
                flushParagraph(); flushItem()
                continue
            }
            if line.hasPrefix("#") {
                flushParagraph(); flushItem()
                let heading = line.drop(while: { $0 == "#" }).trimmingCharactersInSet()
                let text = Self.stripInline(heading.replacingOccurrences(of: "#", with: "").trimmingCharactersInSet())
                if !text.isEmpty { blocks.append(ArticleStructure.Block(kind: .subhead, text: text)) }
                lastIntro = nil
                continue
            }
            if let item = Self.listItemText(line) {
                flushParagraph(); flushItem()
                listItem = [Self.stripInline(item)]
                continue
            }
            var content = line
            while content.hasPrefix(">") { content = content.dropFirst().trimmingCharactersInSet() }
            if listItem != nil, rawLine.first == " " || rawLine.first == "\t" {
                listItem?.append(Self.stripInline(content))
            } else {
                flushItem()
                paragraph.append(Self.stripInline(content))
            }
        }
        flushParagraph()
        flushItem()
        return blocks
    }

    /// A thematic break: three or more of one mark (-, * or _) and spaces, nothing else.
    private static func isRule(_ line: String) -> Bool {
        guard let first = line.utf8.first, first == 0x2D || first == 0x2A || first == 0x5F else { return false }
        var marks = 0
        for byte in line.utf8 {
            if byte == first {
                marks += 1
            } else if byte != 0x20 {
                return false
            }
        }
        return marks >= 3
    }

    /// "- text", "* text", "+ text", "1. text", "2) text" → text.
    static func listItemText(_ line: String) -> String? {
        if line.count > 2, "-*+".contains(line.first!), line.dropFirst().first == " " {
            return line.dropFirst(2).trimmingCharactersInSet()
        }
        let digits = line.prefix(while: \.isNumber)
        if !digits.isEmpty, digits.count <= 3 {
            let rest = line.dropFirst(digits.count)
            if let marker = rest.first, marker == "." || marker == ")", rest.dropFirst().first == " " {
                return rest.dropFirst(2).trimmingCharactersInSet()
            }
        }
        return nil
    }

    /// Inline Markdown → its text: emphasis, code spans, links, images, autolinks, escapes.
    static func stripInline(_ text: String) -> String {
        // Most lines have no inline syntax at all.
        guard text.utf8.contains(where: { [0x5C, 0x2A, 0x60, 0x7E, 0x5F, 0x21, 0x5B, 0x3C].contains($0) }) else { return text }
        var result = ""
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "\\" where index + 1 < characters.count && characters[index + 1].isPunctuation || index + 1 < characters.count && characters[index + 1].isSymbol:
                result.append(characters[index + 1])
                index += 2
                continue
            case "*", "`", "~":
                index += 1
                continue
            case "_":
                // Emphasis only at a word edge; snake_case stays.
                let before = index > 0 ? characters[index - 1] : " "
                let after = index + 1 < characters.count ? characters[index + 1] : " "
                if before.isLetter || before.isNumber, after.isLetter || after.isNumber {
                    result.append(character)
                }
                index += 1
                continue
            case "!" where index + 1 < characters.count && characters[index + 1] == "[":
                // An image: drop it entirely.
                if let close = characters[(index + 2)...].firstIndex(of: "]"), close + 1 < characters.count,
                   characters[close + 1] == "(", let end = characters[(close + 1)...].firstIndex(of: ")") {
                    index = end + 1
                    continue
                }
            case "[":
                // A link: keep its text.
                if let close = characters[(index + 1)...].firstIndex(of: "]"), close + 1 < characters.count,
                   characters[close + 1] == "(", let end = characters[(close + 1)...].firstIndex(of: ")") {
                    result.append(contentsOf: characters[(index + 1)..<close])
                    index = end + 1
                    continue
                }
            case "<":
                // An autolink or inline HTML tag.
                if let close = characters[(index + 1)...].firstIndex(of: ">") {
                    let inner = String(characters[(index + 1)..<close])
                    if inner.hasPrefix("http") || inner.contains("@") { result.append(inner) }
                    if inner.hasPrefix("http") || inner.contains("@") || inner.first?.isLetter == true || inner.hasPrefix("/") {
                        index = close + 1
                        continue
                    }
                }
            default:
                break
            }
            result.append(character)
            index += 1
        }
        return result
    }

    /// Whitespace runs → one space; ends trimmed.
    static func fold(_ text: String) -> String {
        // Most text needs nothing: no newline, tab, double space or space at either end.
        var copy = text
        let clean = copy.withUTF8 { bytes in
            var previousSpace = true
            for byte in bytes {
                if byte == 0x0A || byte == 0x09 || (byte == 0x20 && previousSpace) { return false }
                previousSpace = byte == 0x20
            }
            return !previousSpace
        }
        if clean { return text }
        return text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
    }

    /// The blocks of cleaned text: separated by a blank line (the cleaner writes exactly "\n\n").
    static func blocks(of text: String) -> [Substring] {
        // Byte offsets found on the contiguous bytes, then made into indices.
        var offsets: [Range<Int>] = []
        var copy = text
        copy.withUTF8 { bytes in
            var start = 0
            var index = 0
            while index < bytes.count {
                if bytes[index] == 0x0A, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                    offsets.append(start..<index)
                    index += 2
                    while index < bytes.count, bytes[index] == 0x0A { index += 1 }
                    start = index
                    continue
                }
                index += 1
            }
            if start < bytes.count { offsets.append(start..<bytes.count) }
        }
        let utf8 = text.utf8
        return offsets.map { range in
            let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            return text[start..<utf8.index(start, offsetBy: range.count)]
        }
    }
}
