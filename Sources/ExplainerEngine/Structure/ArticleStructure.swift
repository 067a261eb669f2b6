/// The article's parts after cleaning: headline, dek, subheads, paragraphs, list items and
/// interview lines, in reading order.
struct ArticleStructure: Sendable, Hashable {
    /// What one block of the article is.
    enum Kind: Sendable, Hashable {
        case paragraph
        /// A short line without final punctuation that heads a section.
        case subhead
        /// One item of a bulleted or numbered list (Markdown articles).
        case listItem
        /// `Q: ...` in an interview.
        case interviewQuestion
        /// `A: ...` in an interview.
        case interviewAnswer
    }

    /// One block of text, with the subhead it sits under.
    struct Block: Sendable, Hashable {
        var kind: Kind
        /// Plain text: Markdown syntax removed, whitespace folded.
        var text: String
        /// The subhead of the section the block is in, if any.
        var section: String?
        /// For a list item, the index of the paragraph that introduces the list (ending in ":").
        var listIntro: Int?
    }

    var headline: String
    /// A short standfirst right after the headline, also kept as the first block.
    var dek: String?
    var blocks: [Block]

    /// Whether the article is an interview: it has both `Q:` and `A:` lines.
    var isInterview: Bool {
        blocks.contains { $0.kind == .interviewQuestion } && blocks.contains { $0.kind == .interviewAnswer }
    }
}
