/// The seventh stage: an answer's parts → the Markdown of the answer.
///
/// Each part becomes a sentence: its first letter capitalised, a trailing comma or dash made
/// a full stop (also inside a closing quotation mark: `image,"` → `image."`), a full stop
/// added when it has none, and Markdown-significant characters escaped so the answer renders
/// as the article's own text. Parts that repeat another part are left out.
enum AnswerBuilder {
    static func render(_ parts: [AnswerPart]) -> String {
        var seen = Set<String>()
        var pieces: [String] = []
        // Each piece lowercased, kept in step with `pieces`: lowercased once, compared with every later part.
        var loweredPieces: [String] = []
        for (index, part) in parts.enumerated() {
            if let name = part.relativeTo {
                // "The mayor, who does not vote ..." after a description; "NAME, who ..." alone.
                let piece: String
                if index > 0, var last = pieces.popLast() {
                    loweredPieces.removeLast()
                    while let end = last.last, ".!?".contains(end) { last.removeLast() }
                    piece = last + ", " + MarkdownEscaping.escape(sentence(from: part.text, capitalised: false))
                } else {
                    piece = MarkdownEscaping.escape(sentence(from: name + ", " + part.text))
                }
                pieces.append(piece)
                loweredPieces.append(piece.lowercased())
                continue
            }
            if part.isMarkdown {
                pieces.append(part.text)
                loweredPieces.append(part.text.lowercased())
                continue
            }
            let sentence = sentence(from: part.text, quotation: part.isQuotation)
            guard !sentence.isEmpty, seen.insert(sentence.lowercased()).inserted else { continue }
            let escaped = MarkdownEscaping.escape(sentence)
            let lowered = escaped.lowercased()
            // All but the last character (the escaped sentence is never empty).
            let core = lowered[..<lowered.index(before: lowered.endIndex)]
            if loweredPieces.contains(where: { $0.includes(core) }) { continue }
            pieces.append(escaped)
            loweredPieces.append(lowered)
        }
        return pieces.joined(separator: " ")
    }

    /// A comma inside a closing quotation mark, and the full stop that replaces it.
    private static let commasBeforeClosingQuote = [(",\"", ".\""), (",”", ".”"), (",’", ".’"), (",'", ".'")]
    /// The last characters of `commasBeforeClosingQuote`'s commas.
    private static let closingQuotes: Set<Character> = ["\"", "”", "’", "'"]
    /// Marks that may follow a sentence's final stop.
    private static let closingMarks: Set<Character> = ["\"", "”", "’", "'", ")", "]"]

    /// A comma, semicolon, colon, dash or space a sentence does not end with.
    private static func isTrailingPunctuation(_ character: Character) -> Bool {
        switch character {
        case ",", ";", ":", "–", "—", "-", " ": true
        default: false
        }
    }

    /// A quotation mark or parenthesis that may come before a sentence's first letter.
    private static func isOpeningMark(_ character: Character) -> Bool {
        switch character {
        case "\"", "“", "‘", "'", "(": true
        default: false
        }
    }

    /// One part as a sentence: capitalised (unless it continues another), ending in a stop.
    static func sentence(from text: String, quotation: Bool = false, capitalised: Bool = true) -> String {
        var result = text.trimmingCharactersInSet()
        while let last = result.last, isTrailingPunctuation(last) { result.removeLast() }
        guard !result.isEmpty else { return "" }
        // Each of the pairs ends in a closing quotation mark: the suffix tests only run after one.
        if let last = result.last, closingQuotes.contains(last) {
            for (comma, stop) in commasBeforeClosingQuote where result.hasSuffix(comma) {
                result = String(result.dropLast(2)) + stop
            }
        }
        if capitalised, let first = result.firstIndex(where: \.isLetter),
           result[result.startIndex..<first].allSatisfy({ isOpeningMark($0) }), result[first].isLowercase {
            result.replaceSubrange(first...first, with: result[first].uppercased())
        }
        var end = result.endIndex
        while end > result.startIndex, closingMarks.contains(result[result.index(before: end)]) { end = result.index(before: end) }
        if end > result.startIndex, ".!?…".contains(result[result.index(before: end)]) { return result }
        if quotation { return result }
        return result + "."
    }
}
