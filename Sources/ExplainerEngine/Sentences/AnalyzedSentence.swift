/// One sentence of the article with its tokens and where it sits.
struct AnalyzedSentence: Sendable, Hashable {
    /// The sentence as written (after cleaning).
    var text: String
    var tokens: [Token]
    /// Position among all the article's sentences.
    var index: Int
    /// The block (paragraph, list item, interview line) the sentence is in.
    var block: Int
    var blockKind: ArticleStructure.Kind
    /// Position of the sentence inside its block.
    var positionInBlock: Int
    var section: String?

    /// The text of tokens `range`, as written (original spacing and punctuation).
    func text(_ range: Range<Int>) -> String {
        guard !range.isEmpty, range.lowerBound >= 0, range.upperBound <= tokens.count else { return "" }
        return String(text[tokens[range.lowerBound].range.lowerBound..<tokens[range.upperBound - 1].range.upperBound])
    }

    /// The text of several token ranges joined by single spaces (or nothing before punctuation).
    func text(pieces: [Range<Int>]) -> String {
        var result = ""
        for piece in pieces where !piece.isEmpty {
            let part = text(piece)
            if !result.isEmpty, let first = tokens[piece.lowerBound].text.first, !(",.;:?!'’)".contains(first) && tokens[piece.lowerBound].kind == .punctuation) {
                result += " "
            }
            result += part
        }
        return result
    }

    /// Whether the tokens are mostly inside quotation marks.
    var isMostlyQuoted: Bool {
        var words = 0
        var quoted = 0
        for index in tokens.indices where tokens[index].kind == .word || tokens[index].kind == .number {
            words += 1
            if tokens[index].quoted { quoted += 1 }
        }
        return words > 0 && quoted * 2 > words
    }

    /// The sentence ends with a question mark outside any quotation.
    var isQuestion: Bool {
        guard let last = tokens.last(where: { $0.kind != .quote }) else { return false }
        return last.text == "?" && !(tokens.last?.tag == .closeQuote)
    }
}
