/// An open word class, as WordNet divides them.
enum WordClass: Int, Sendable, Hashable, CaseIterable {
    case noun = 0, verb, adjective, adverb

    /// WordNet's file name suffix for the class.
    var wordNetName: String {
        switch self {
        case .noun: "noun"
        case .verb: "verb"
        case .adjective: "adj"
        case .adverb: "adv"
        }
    }
}

/// The inflection a word shows.
enum WordForm: Sendable, Hashable {
    case base
    case plural
    case thirdPerson
    case past
    case pastParticiple
    /// A regular `-ed` form, past tense or participle by context.
    case pastOrParticiple
    case gerund
    case comparative
    case superlative
}

/// One way to read a word: its class, dictionary form and inflection.
struct Reading: Sendable, Hashable {
    var wordClass: WordClass
    var lemma: String
    var form: WordForm
}
