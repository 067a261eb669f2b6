/// A verb group: auxiliaries, adverbs and negation, and the main verb.
struct VerbGroup: Sendable, Hashable {
    /// From the first auxiliary (or the verb) to the main verb, inclusive.
    var range: Range<Int>
    /// Auxiliaries and modals in order (forms of be, have, do, will ...).
    var auxiliaries: [Int]
    /// The main verb; for a copula or a lone "have", the auxiliary itself.
    var main: Int
    var negation: Int?
    /// "believed to", "expected to", "scheduled to": raising words between the first auxiliary and the main verb.
    var raising: [Int] = []
    /// A particle after the verb: "gave away", "held up".
    var particle: Int?
    /// "have to" before the main verb ("has to reach"): the index of "have".
    var haveTo: Int?
    /// For a second verb sharing the first one's modal ("would publish ... and hold"): that modal.
    var inheritedAuxiliary: Int?
}

/// One part of a clause after (or before) its verb.
struct Constituent: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case nounGroup
        case prepositional(String)
        /// to + verb: "to demolish the bridge".
        case infinitive
        /// in order to / so that: "in order to move production".
        case purpose
        /// because, because of, amid, due to, as a result of, after (a clause): the word that opens it.
        case reason(String)
        /// a that-clause (or a reported clause without "that").
        case complement
        /// a subordinate clause: when, while, if, although, as, before, until, since + clause.
        case subordinate(String)
        /// ", VERBing ..." or ", VERBed ...".
        case participle
        /// ", which ..." / ", who ...".
        case relative
        /// ", including ...".
        case including
        /// a bare time noun group: "last month", "Wednesday", "overnight".
        case time
        case adverb
        /// a quotation inside the clause.
        case quote
        /// ", and VERB ...": a second verb sharing the subject.
        case coordinatedVerb
        /// ", and SUBJECT VERB ...", ", but ...", ", while ...": another clause.
        case coordinatedClause
        /// an appositive after a complement: ", the second-lowest grade on the state's scale".
        case appositive
        /// ": ..." after the verb group.
        case colon
        case other
    }

    var kind: Kind
    var range: Range<Int>
    /// For a noun group (or the object of a prepositional phrase), the group.
    var group: NounGroup?
    /// Whether a comma comes between this and the verb: an aside, not the verb's own complement.
    var afterComma = false
}

/// What a clause is part of.
enum ClauseRole: Sendable, Hashable {
    case main
    /// The clause a reporting verb reports: "Corvane confirmed that [its new plant will open ...]".
    case reported(speaker: Int)
    /// A second verb of the same subject: "[the council] ... and gave the pupils the day off".
    case coordinated(parent: Int)
    /// ", which already includes ...": the relative's subject is the noun group before it.
    case relative(parent: Int)
    /// A clause after "and", "but" or "while" with a subject of its own.
    case joined(parent: Int)
    /// A clause inside a reason or time adjunct: "after [the Kremlin announced that ...]".
    case subordinate(parent: Int)
}

/// A clause: front adjuncts, subject (with what interrupts it), verb group, complements.
struct Clause: Sendable, Hashable {
    var sentence: Int
    var role: ClauseRole
    /// Adjuncts before the subject, without their comma.
    var front: [Constituent] = []
    /// The subject noun group (possibly coordinated), without interruptions.
    var subject: NounGroup
    /// The subject's token ranges without interruptions ("Putin ... and Kim Jong-un").
    var subjectPieces: [Range<Int>]
    /// Appositives, relative clauses and participle phrases inside the subject.
    var interruptions: [Constituent] = []
    var verb: VerbGroup
    var complements: [Constituent] = []
    /// ", the coastguard said" / ", according to the coastguard" at the end.
    var attribution: Range<Int>?
    /// The last token of the clause (exclusive).
    var end: Int
}
