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
        for (index, part) in parts.enumerated() {
            if let name = part.relativeTo {
                // "The mayor, who does not vote ..." after a description; "NAME, who ..." alone.
                if index > 0, var last = pieces.popLast() {
                    while let end = last.last, ".!?".contains(end) { last.removeLast() }
                    pieces.append(last + ", " + MarkdownEscaping.escape(sentence(from: part.text, capitalised: false)))
                } else {
                    pieces.append(MarkdownEscaping.escape(sentence(from: name + ", " + part.text)))
                }
                continue
            }
            if part.isMarkdown {
                pieces.append(part.text)
                continue
            }
            let sentence = sentence(from: part.text, quotation: part.isQuotation)
            guard !sentence.isEmpty, seen.insert(sentence.lowercased()).inserted else { continue }
            let escaped = MarkdownEscaping.escape(sentence)
            let core = escaped.lowercased().dropLast()
            if pieces.contains(where: { $0.lowercased().includes(core) }) { continue }
            pieces.append(escaped)
        }
        return pieces.joined(separator: " ")
    }

    /// A comma inside a closing quotation mark, and the full stop that replaces it.
    private static let commasBeforeClosingQuote = [(",\"", ".\""), (",”", ".”"), (",’", ".’"), (",'", ".'")]
    /// Marks that may follow a sentence's final stop.
    private static let closingMarks: Set<Character> = ["\"", "”", "’", "'", ")", "]"]

    /// One part as a sentence: capitalised (unless it continues another), ending in a stop.
    static func sentence(from text: String, quotation: Bool = false, capitalised: Bool = true) -> String {
        var result = text.trimmingCharactersInSet()
        while let last = result.last, ",;:–—-".contains(last) || last == " " { result.removeLast() }
        guard !result.isEmpty else { return "" }
        for (comma, stop) in commasBeforeClosingQuote where result.hasSuffix(comma) {
            result = String(result.dropLast(2)) + stop
        }
        if capitalised, let first = result.firstIndex(where: \.isLetter),
           result[result.startIndex..<first].allSatisfy({ "\"“‘'(".contains($0) }), result[first].isLowercase {
            result.replaceSubrange(first...first, with: result[first].uppercased())
        }
        var end = result.endIndex
        while end > result.startIndex, closingMarks.contains(result[result.index(before: end)]) { end = result.index(before: end) }
        if end > result.startIndex, ".!?…".contains(result[result.index(before: end)]) { return result }
        if quotation { return result }
        return result + "."
    }
}
