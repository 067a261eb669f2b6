/// A direct quotation and who said it.
struct Quotation: Sendable, Hashable {
    /// The quoted tokens, quotation marks included, sentence by sentence.
    var pieces: [Piece]
    var block: Int
    /// The speaker's entity, when the speaker is a name or a pronoun that refers to one.
    var speaker: Int?
    /// The speaker as text when it is not a known name ("officials").
    var speakerText: String?
    /// The tense of the attribution verb: "says" (present) or "said" (past).
    var present: Bool = false

    struct Piece: Sendable, Hashable {
        var sentence: Int
        var range: Range<Int>
    }
}

/// Finds the quotations in each block and marks quoted tokens.
///
/// Quotation marks are tracked across the sentences of a block, so a quotation may span
/// several sentences. The speaker is read from the narrative next to the quotation:
/// `"...," NAME said`, `"...," said NAME`, `"...," she said`, `NAME was blunt: "..."`.
/// A quotation with no attribution right after a quoted paragraph continues its speaker.
enum QuotationFinder {
    /// Sets `quoted` on every token inside double quotation marks, block by block.
    static func markQuoted(_ sentences: inout [AnalyzedSentence]) {
        var block = -1
        var open = false
        for sentenceIndex in sentences.indices {
            if sentences[sentenceIndex].block != block {
                block = sentences[sentenceIndex].block
                open = false
            }
            for tokenIndex in sentences[sentenceIndex].tokens.indices {
                // Only quotation marks need their text looked at; no token is copied.
                let tag = sentences[sentenceIndex].tokens[tokenIndex].tag
                let double = (tag == .openQuote || tag == .closeQuote) && isDoubleQuote(sentences[sentenceIndex].tokens[tokenIndex].text)
                if double, tag == .openQuote {
                    open = true
                    sentences[sentenceIndex].tokens[tokenIndex].quoted = true
                    continue
                }
                if double, tag == .closeQuote {
                    sentences[sentenceIndex].tokens[tokenIndex].quoted = open
                    open = false
                    continue
                }
                sentences[sentenceIndex].tokens[tokenIndex].quoted = open
            }
        }
    }

    private static func isDoubleQuote(_ text: String) -> Bool {
        text == "\"" || text == "“" || text == "”"
    }
}
