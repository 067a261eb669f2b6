/// A part of speech, as the tagger assigns it.
enum PartOfSpeech: Sendable, Hashable {
    case determiner
    /// Personal and indefinite pronouns (he, them, nobody), and demonstratives standing alone.
    case pronoun
    /// my, his, her, its, their ...
    case possessivePronoun
    case preposition
    case conjunction
    /// because, although, if, while ...
    case subordinator
    /// that opening a clause after a verb or adjective ("said that ...").
    case complementizer
    /// who, which, that opening a relative clause.
    case relative
    /// who, what, when, where, why, how (outside relative clauses).
    case wh
    /// Forms of be, have and do.
    case auxiliary
    /// will, would, can, could, may, might, must, shall, should.
    case modal
    case negation
    case verb
    case noun
    case properNoun
    case adjective
    case adverb
    case number
    /// The possessive 's or ’.
    case possessive
    /// to before a verb.
    case infinitive
    /// Existential "there".
    case existential
    case punctuation
    case openQuote
    case closeQuote
    case symbol
}

/// One token of a sentence: its text, where it is, and what the tagger made of it.
struct Token: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case word
        case number
        case punctuation
        case quote
        case symbol
    }

    /// The text as written.
    var text: String
    /// Lowercase, with curly apostrophes made straight.
    var lower: String
    /// Where the token is in its sentence's text.
    var range: Range<String.Index>
    var kind: Kind
    var tag: PartOfSpeech = .noun
    /// The dictionary form (verbs and nouns), else `lower`.
    var lemma: String
    var form: WordForm = .base
    /// Every open-class reading the lexicon has for the word.
    var readings: [Reading] = []
    /// Starts with a capital letter.
    var capitalized: Bool
    /// First word of its sentence (or of a quotation, or after a colon).
    var initial: Bool = false
    /// Inside quotation marks.
    var quoted: Bool = false
    /// Whether whitespace comes before the token in the text.
    var spaceBefore: Bool
    /// For a number: its value, when it is a plain number.
    var value: Double?

    init(text: String, range: Range<String.Index>, kind: Kind, spaceBefore: Bool) {
        self.text = text
        var ascii = true
        var hasUpper = false
        for byte in text.utf8 {
            if byte >= 0x80 { ascii = false; break }
            if byte >= 0x41 && byte <= 0x5A { hasUpper = true }
        }
        let lower: String
        if ascii {
            lower = hasUpper ? Self.asciiLowercased(text) : text
        } else {
            lower = text.lowercased().replacingApostrophes()
        }
        self.lower = lower
        self.lemma = lower
        self.range = range
        self.kind = kind
        if let first = text.unicodeScalars.first {
            self.capitalized = first.isASCII ? (first.value >= 0x41 && first.value <= 0x5A) : first.properties.isUppercase
        } else {
            self.capitalized = false
        }
        self.spaceBefore = spaceBefore
    }

    /// ASCII text with A–Z made a–z, written straight into the new string (no array in between).
    private static func asciiLowercased(_ text: String) -> String {
        String(unsafeUninitializedCapacity: text.utf8.count) { buffer in
            var count = 0
            for byte in text.utf8 {
                buffer[count] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                count += 1
            }
            return count
        }
    }

    var isVerbLike: Bool { tag == .verb || tag == .auxiliary || tag == .modal }
    var isNominal: Bool { tag == .noun || tag == .properNoun || tag == .pronoun || tag == .number }

    func canBe(_ wordClass: WordClass) -> Bool { readings.canBe(wordClass) }

    func reading(_ wordClass: WordClass) -> Reading? { readings.first { $0.wordClass == wordClass } }
}

extension [Reading] {
    /// Whether one of the readings is of `wordClass`.
    ///
    /// Asked of `tokens[index].readings` rather than of `tokens[index]`, it copies one array, not a whole token.
    func canBe(_ wordClass: WordClass) -> Bool { contains { $0.wordClass == wordClass } }
}

extension String {
    /// The text with ’ and ‘ made into '.
    func replacingApostrophes() -> String {
        guard unicodeScalars.contains(where: { $0 == "’" || $0 == "‘" }) else { return self }
        return String(map { $0 == "’" || $0 == "‘" ? "'" : $0 })
    }
}
