/// The third stage, first half: a paragraph → its sentences.
///
/// A sentence ends at `.`, `?`, `!` or an ellipsis, after any closing quotes and brackets,
/// when whitespace and then a capital, a digit or an opening quote follow. It does not end
/// after a title or honorific (Mr., Dr., Gen.), an initial (J. K. Rowling), a month
/// abbreviation before a day (Dec. 12), or inside a number (1.93, $2.4 million); a question
/// mark inside a quotation followed by lowercase ("Why?" she asked) does not end one either.
struct SentenceSplitter: Sendable {
    let words: WordLists

    func split(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        var sentences: [String] = []
        var start = 0
        var index = 0
        func emit(_ end: Int) {
            var first = start
            var last = end
            while first < last, Self.isSpace(bytes[first]) { first += 1 }
            while last > first, Self.isSpace(bytes[last - 1]) { last -= 1 }
            if first < last { sentences.append(String(decoding: bytes[first..<last], as: UTF8.self)) }
        }
        while index < bytes.count {
            let terminalLength = Self.terminalLength(bytes, index)
            guard terminalLength > 0 else {
                index += 1
                continue
            }
            // The terminal run: more terminals, closing quotes and brackets.
            var end = index + terminalLength
            while end < bytes.count {
                let length = max(Self.terminalLength(bytes, end), Self.closingLength(bytes, end))
                if length == 0 { break }
                end += length
            }
            guard end < bytes.count else { break }
            guard Self.isSpace(bytes[end]) else {
                index = end
                continue
            }
            var next = end
            while next < bytes.count, Self.isSpace(bytes[next]) { next += 1 }
            guard next < bytes.count else { break }
            if isBoundary(bytes, terminal: index, runEnd: end, next: next) {
                emit(end)
                start = next
            }
            index = next
        }
        emit(bytes.count)
        return sentences
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }

    /// 1 for `.`, `?`, `!`; 3 for `…`; 0 otherwise.
    private static func terminalLength(_ bytes: [UInt8], _ index: Int) -> Int {
        switch bytes[index] {
        case 0x2E, 0x3F, 0x21: return 1
        case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0xA6: return 3
        default: return 0
        }
    }

    /// The length of a closing quotation mark or bracket at `index`: " ' ) ] ” ’.
    private static func closingLength(_ bytes: [UInt8], _ index: Int) -> Int {
        switch bytes[index] {
        case 0x22, 0x27, 0x29, 0x5D: return 1
        case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0x9D || bytes[index + 2] == 0x99): return 3
        default: return 0
        }
    }

    /// The Unicode scalar starting at `index`.
    private static func scalar(_ bytes: [UInt8], _ index: Int) -> Unicode.Scalar? {
        var iterator = bytes[index...].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }

    private func isBoundary(_ bytes: [UInt8], terminal: Int, runEnd: Int, next: Int) -> Bool {
        guard let following = Self.scalar(bytes, next) else { return true }
        let isLowercase = following.isASCII ? (0x61...0x7A).contains(following.value) : following.properties.isLowercase
        let isUppercase = following.isASCII ? (0x41...0x5A).contains(following.value) : following.properties.isUppercase
        let isDigit = (0x30...0x39).contains(following.value)
        let opensQuote = following == "\"" || following == "“" || following == "‘"
        let isEllipsis = bytes[terminal] == 0xE2 || (terminal + 2 < runEnd && bytes[terminal + 1] == 0x2E)
        if isLowercase { return false }
        if isEllipsis { return isUppercase || opensQuote }
        guard bytes[terminal] == 0x2E else { return true }
        // The word before the full stop.
        var wordStart = terminal
        while wordStart > 0, !Self.isSpace(bytes[wordStart - 1]) { wordStart -= 1 }
        var word = String(decoding: bytes[wordStart...terminal], as: UTF8.self).lowercased()
        while let first = word.first, "\"“‘'([".contains(first) { word.removeFirst() }
        if words.neverFinal.contains(word) { return false }
        // An initial: "J." (but not a closing quote or bracket run).
        if word.count == 2, word.first?.isLetter == true, runEnd == terminal + 1, terminal > 0,
           (0x41...0x5A).contains(bytes[terminal - 1]) {
            return false
        }
        if words.months.contains(word) {
            return !isDigit
        }
        if words.abbreviations.contains(word) || (word.count <= 5 && word.dropLast().contains(".")) {
            // "U.S." or "Inc." may end a sentence: only when a typical sentence opener follows.
            var wordEnd = next
            while wordEnd < bytes.count, (0x41...0x5A).contains(bytes[wordEnd]) || (0x61...0x7A).contains(bytes[wordEnd]) { wordEnd += 1 }
            let nextWord = String(decoding: bytes[next..<wordEnd], as: UTF8.self).lowercased()
            return words.sentenceStarters.contains(nextWord) || opensQuote
        }
        return true
    }
}

extension StringProtocol {
    /// The string without leading and trailing whitespace (no Foundation needed).
    func trimmingCharactersInSet() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
              let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
