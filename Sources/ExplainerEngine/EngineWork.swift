/// How much work the engine did on one article, counted in steps of each stage rather than
/// time, so that a test can check the cost grows in proportion to the article.
///
/// A step is one unit a stage's loop handles: a byte cleaned, a token tagged, a clause or
/// complement parsed, a name mention linked, a pronoun resolved, a candidate question proposed,
/// an answer part merged, a candidate looked at while selecting, a sentence compared with an
/// editor's question. The standard library's sorts count one step per element sorted.
public struct EngineWork: Sendable, Equatable, CustomStringConvertible {
    public var bytes = 0
    public var tokens = 0
    public var clauses = 0
    public var mentions = 0
    public var pronouns = 0
    public var candidates = 0
    public var mergeSteps = 0
    public var selectionSteps = 0
    public var answerSteps = 0

    public init() {}

    /// Every step of every stage.
    public var total: Int {
        bytes + tokens + clauses + mentions + pronouns + candidates + mergeSteps + selectionSteps + answerSteps
    }

    public var description: String {
        "bytes \(bytes), tokens \(tokens), clauses \(clauses), mentions \(mentions), pronouns \(pronouns), "
            + "candidates \(candidates), merge \(mergeSteps), selection \(selectionSteps), answers \(answerSteps): total \(total)"
    }
}
