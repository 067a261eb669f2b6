import Foundation

/// The first stage: article text as typed, minus the debris of copying it from a web page.
///
/// Characters: Windows and old Mac line endings become `\n`; HTML character references
/// (`&amp;`, `&#39;`, `&#x2019;`) are decoded; non-breaking spaces become spaces; zero-width
/// characters and soft hyphens go. Curly quotes, dashes, accents and emoji stay: they are
/// typography, not noise.
///
/// Lines: scraping noise is dropped — "Advertisement", "Share this article" and social
/// buttons, "Read more: ..." links, wire credits such as "(Reporting by ...; Editing by ...)",
/// repeated "By NAME" bylines, and photo-caption residue: a caption line that ends in a credit
/// ("... next to the limousine X", "... last month. Courier staff") together with the short
/// line of names that often precedes it. Paragraphs repeated verbatim are kept once.
struct TextCleaner: Sendable {
    /// Cleaned text and what was taken out of it.
    struct Result: Sendable, Hashable {
        /// The text: blocks separated by one blank line, lines by `\n`.
        var text: String
        /// The lines dropped as noise, in order.
        var removedLines: [String]
        /// The paragraphs dropped as verbatim repeats.
        var removedRepeats: [String]
    }

    let words: WordLists
    private static let noiseEdges = CharacterSet(charactersIn: " .:!|•·»›>-–—")

    init(words: WordLists) {
        self.words = words
    }

    func clean(_ text: String) -> Result {
        let characters = Self.needsNormalizing(text) ? normalizeCharacters(text) : text
        var removed: [String] = []
        var blocks: [[String]] = []
        var current: [String] = []
        var text = characters
        text.withUTF8 { bytes in
            // Lines, each without the spaces and tabs at its ends, split on the contiguous bytes.
            var lineStart = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x0A {
                var start = lineStart
                var end = index
                lineStart = index + 1
                while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
                while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
                if start == end {
                    if !current.isEmpty { blocks.append(current) }
                    current = []
                } else {
                    current.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                }
            }
        }
        if !current.isEmpty { blocks.append(current) }

        // Line noise, then captions (which may need the block before for their names line).
        var kept: [[String]] = []
        for block in blocks {
            var lines: [String] = []
            for line in block {
                if isNoise(line) { removed.append(line) } else { lines.append(line) }
            }
            var filtered: [String] = []
            for line in lines {
                if isCaption(line) {
                    if let last = filtered.last, isNamesLine(last) {
                        removed.append(filtered.removeLast())
                    } else if filtered.isEmpty, let previous = kept.last, previous.count == 1, isNamesLine(previous[0]) {
                        removed.append(previous[0])
                        kept.removeLast()
                    }
                    removed.append(line)
                } else {
                    filtered.append(line)
                }
            }
            if !filtered.isEmpty { kept.append(filtered) }
        }

        // Verbatim repeats.
        var seen = Set<String>()
        var repeats: [String] = []
        var output: [String] = []
        for block in kept {
            let paragraph = block.joined(separator: "\n")
            let key = block.joined(separator: " ")
            if key.utf8.count >= 40, !seen.insert(key).inserted {
                repeats.append(paragraph)
                continue
            }
            output.append(paragraph)
        }
        return Result(text: output.joined(separator: "\n\n"), removedLines: removed, removedRepeats: repeats)
    }

    /// Whether the text holds anything `normalizeCharacters` would change: CR, &, or a
    /// multi-byte character that might be a non-breaking or zero-width space.
    private static func needsNormalizing(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(needsNormalizing)
    }

    private static func needsNormalizing(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for byte in bytes {
            if byte == 0x0D || byte == 0x26 { return true }
            // U+00A0 (C2 A0) and U+00AD (C2 AD).
            if previous == 0xC2, byte == 0xA0 || byte == 0xAD { return true }
            // U+200B–U+200D (E2 80 8B–8D), U+2007 (E2 80 87), U+202F (E2 80 AF), U+2060 (E2 81 A0), U+FEFF (EF BB BF).
            if beforePrevious == 0xE2, previous == 0x80, byte == 0x8B || byte == 0x8C || byte == 0x8D || byte == 0x87 || byte == 0xAF {
                return true
            }
            if beforePrevious == 0xE2, previous == 0x81, byte == 0xA0 { return true }
            if beforePrevious == 0xEF, previous == 0xBB, byte == 0xBF { return true }
            beforePrevious = previous
            previous = byte
        }
        return false
    }

    // MARK: Characters

    /// Line endings, character references, non-breaking and zero-width characters.
    func normalizeCharacters(_ text: String) -> String {
        var result: [UInt8] = []
        var text = text
        text.withUTF8 { bytes in
            result.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x0D {  // CR or CRLF
                    result.append(0x0A)
                    index += index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
                    continue
                }
                if byte == 0x26, let (decoded, length) = characterReference(bytes, at: index) {
                    // A reference may itself be a space or zero-width character.
                    Self.appendNormalized(decoded, to: &result)
                    index += length
                    continue
                }
                if byte < 0x80 {
                    result.append(byte)
                    index += 1
                    continue
                }
                // One multi-byte scalar: decode it, map it, copy it.
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                let end = min(bytes.count, index + length)
                var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for position in (index + 1)..<max(index + 1, end) { value = value << 6 | UInt32(bytes[position] & 0x3F) }
                switch value {
                case 0x00A0, 0x2007, 0x202F: result.append(0x20)
                case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD: break
                default: result.append(contentsOf: bytes[index..<end])
                }
                index = end
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The UTF-8 of `scalar`, with spaces and zero-width characters normalised as in the text.
    private static func appendNormalized(_ scalar: Unicode.Scalar, to result: inout [UInt8]) {
        switch scalar.value {
        case 0x0D: result.append(0x0A)
        case 0x00A0, 0x2007, 0x202F: result.append(0x20)
        case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD: break
        default: result.append(contentsOf: String(scalar).utf8)
        }
    }

    /// `&name;`, `&#123;` or `&#x1F;` at `index`: the scalar and the bytes it spans.
    private func characterReference(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int)? {
        var end = index + 1
        while end < bytes.count, end - index <= 10, bytes[end] != 0x3B {
            let byte = bytes[end]
            let isAlphanumeric = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            guard isAlphanumeric || byte == 0x23 else { return nil }
            end += 1
        }
        guard end < bytes.count, bytes[end] == 0x3B, end > index + 1 else { return nil }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end]), as: UTF8.self)
        let length = end - index + 1
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X"
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value, let decoded = Unicode.Scalar(value) else { return nil }
            return (decoded, length)
        }
        guard let decoded = words.htmlEntities[name], let scalar = decoded.unicodeScalars.first,
              decoded.unicodeScalars.count == 1 else { return nil }
        return (scalar, length)
    }

    // MARK: Lines

    /// "Advertisement", "Share this article", "Read more: ...", wire credits, repeated bylines.
    func isNoise(_ line: String) -> Bool {
        // Noise lines are short; a long line can only be a wire credit or start like a link line.
        if line.utf8.count > 160 {
            guard line.hasPrefix("(") || line.first.map({ "RrPpIi".contains($0) }) == true else { return false }
        }
        let lower = line.utf8.count > 80 ? String(line.prefix(40)).lowercased() : line.lowercased()
        if line.utf8.count <= 80 {
            let bare = Self.trimmingNoiseEdges(lower)
            if words.noiseLines.contains(bare) { return true }
        }
        if let first = lower.utf8.first, words.noisePrefixFirstBytes.contains(first),
           words.noisePrefixes.contains(where: { lower.hasPrefix($0) }) {
            return true
        }
        if line.utf8.count > 80 {
            // Long lines: only a wire credit in parentheses is noise.
            guard line.hasPrefix("("), line.hasSuffix(")") else { return false }
            let full = line.lowercased()
            return full.includes(" by ") && full.dropFirst().dropLast().split(separator: ";").allSatisfy { $0.includes(" by ") }
        }
        // Wire credits in parentheses: "(Reporting by A; Editing by B)".
        if lower.hasPrefix("("), lower.hasSuffix(")"), lower.contains(" by ") {
            let inner = lower.dropFirst().dropLast()
            if inner.split(separator: ";").allSatisfy({ $0.trimmingCharacters(in: .whitespaces).contains(" by ") }) {
                return true
            }
        }
        // A timestamp: "Updated 14:32, 3 March", "Published 9:42 a.m. Oct. 7, 2024 | Updated 11:15 a.m.".
        if line.utf8.count <= 80, !line.hasSuffix("."), line.contains(where: \.isNumber),
           words.stampPrefixes.contains(where: { lower.hasPrefix($0) }) {
            return true
        }
        // A byline: "By Jane Doe" or "By Jane Doe and John Roe".
        let tokens = line.split(separator: " ")
        if tokens.count >= 2, tokens.count <= 7, tokens[0] == "By",
           tokens.dropFirst().allSatisfy({ $0.first?.isUppercase == true || $0 == "and" }),
           !line.hasSuffix(".") {
            return true
        }
        // A row of social buttons: "Facebook Twitter Email".
        if tokens.count >= 2, tokens.count <= 6,
           tokens.allSatisfy({ words.noiseLines.contains($0.lowercased().trimmingCharacters(in: .punctuationCharacters)) }) {
            return true
        }
        return false
    }

    /// `text` without `noiseEdges` at either end: on the bytes when the text is ASCII, through Foundation otherwise.
    private static func trimmingNoiseEdges(_ text: String) -> String {
        var copy = text
        let ascii: String? = copy.withUTF8 { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            // The ASCII members of `noiseEdges`: space . : ! | > -
            func isEdge(_ byte: UInt8) -> Bool {
                byte == 0x20 || byte == 0x2E || byte == 0x3A || byte == 0x21 || byte == 0x7C || byte == 0x3E || byte == 0x2D
            }
            var start = 0
            var end = bytes.count
            while start < end, isEdge(bytes[start]) { start += 1 }
            while end > start, isEdge(bytes[end - 1]) { end -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        return ascii ?? text.trimmingCharacters(in: noiseEdges)
    }

    /// A photo caption: a sentence-like line that ends in a credit instead of a full stop.
    func isCaption(_ line: String) -> Bool {
        guard let last = line.last, !".!?\"”’:;)".contains(last) else { return false }
        let tokens = line.split(separator: " ")
        guard tokens.count >= 6 else { return false }
        // "... gifted to him X" / "... Getty Images" / "... Reuters".
        for length in 1...2 where tokens.count > length {
            let tail = tokens.suffix(length).joined(separator: " ").lowercased()
            if words.credits.contains(tail) { return true }
        }
        // "... last month. Courier staff" / "... at Brook Lane. Ferrow Gazette": a short credit after the last stop.
        guard let stop = line.lastIndex(where: { ".!?".contains($0) }) else { return false }
        let credit = line[line.index(after: stop)...].split(separator: " ")
        let before = line[..<stop].split(separator: " ")
        guard !credit.isEmpty, credit.count <= 4, before.count >= 5 else { return false }
        return credit.allSatisfy { word in
            word.first?.isUppercase == true || words.credits.contains(word.lowercased())
        }
    }

    /// A short line of names above a caption: "Putin Kim Jong-un", "Odile Varga Ruth Abernathy".
    func isNamesLine(_ line: String) -> Bool {
        guard line.utf8.count <= 120 else { return false }
        let tokens = line.split(separator: " ")
        guard tokens.count >= 1, tokens.count <= 8 else { return false }
        return tokens.allSatisfy { token in
            token.first?.isUppercase == true && token.allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" || $0 == "’" || $0 == "." }
        }
    }
}
