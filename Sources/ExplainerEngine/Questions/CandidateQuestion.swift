/// A question the generator proposes, with the parts of its answer and how much it is worth.
struct CandidateQuestion: Sendable, Hashable {
    /// Which rule made the question; ranking and merging use it.
    enum Kind: String, Sendable, Hashable {
        case selfAsked, interview, subhead, happened, next
        case who, what, knownFor, giving, object, subject, infinitive, passive
        case when, whereQuestion, howLong, howMuch, howMany, why
        case quote, reported, concern
        case editor
    }

    var kind: Kind
    /// The question, ending in "?".
    var question: String
    var parts: [AnswerPart]
    /// Story position: the sentence the question comes from.
    var sentence: Int
    var score: Double
    /// Questions with the same key are one question: their answers are merged.
    var mergeKey: String?
    var section: String?
    /// The role of the clause the question was made from, if any.
    var clauseRole: ClauseRole?
}

/// One piece of an answer: plain text from one sentence (escaped when rendered), or Markdown.
struct AnswerPart: Sendable, Hashable {
    var text: String
    var sentence: Int
    /// The answer's tokens in its sentence, when it is a span of one sentence.
    var range: Range<Int>?
    /// Already Markdown (a list): not escaped again.
    var isMarkdown = false
    /// Quoted speech: keep its quotation marks and wording as they are.
    var isQuotation = false
    /// A relative clause about the subject of the question ("who has run a bakery ..."): after
    /// another part it joins that part with a comma; alone it follows the name.
    var relativeTo: String?
}
