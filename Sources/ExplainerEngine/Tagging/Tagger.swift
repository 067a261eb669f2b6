/// The fifth stage, first half: parts of speech for the tokens of a sentence.
///
/// Closed-class words come from the word lists; open-class words get their possible readings
/// from the lexicon (or suffixes, when WordNet does not know them) and are decided by context:
/// after a determiner a word is a noun or adjective, after a modal or "to" a verb, after "has"
/// a participle; a word that can be a finite verb right after the subject is one. A capital
/// letter inside a sentence makes a proper noun; at the start of a sentence only when the word
/// is unknown or the article writes it with a capital elsewhere (its `names`).
struct Tagger {
    let lexicon: Lexicon
    /// Capitalised words the article uses inside sentences: names, even when WordNet knows the word.
    var names: WordSet = []
    /// Lexicon answers already looked up for this article (one tagger tags one article).
    private let memo = LookupMemo()

    init(lexicon: Lexicon, names: WordSet = []) {
        self.lexicon = lexicon
        self.names = names
    }

    /// A per-article cache of lexicon lookups; the tagger is not shared between threads.
    private final class LookupMemo {
        var readings = WordTable<[Reading]>(minimumCapacity: 512)
        var persons = WordTable<Bool>()
        var openClass = WordTable<OpenClassWord>(minimumCapacity: 512)
    }

    /// What an open-class word is before its context is looked at, worked out once per word.
    private struct OpenClassWord {
        /// The lexicon's readings, hyphenated compounds included; empty when it does not know the word.
        var known: [Reading]
        /// `known`, or the suffix guesses when it is empty.
        var readings: [Reading]
        /// The first tag, lemma and form: the most frequent reading, or the adverb of an -ly word.
        var tag: PartOfSpeech
        var lemma: String
        var form: WordForm
    }

    /// `lexicon.readings(of:)`, remembered.
    private func lexicalReadings(_ lower: String) -> [Reading] {
        if let known = memo.readings[lower] { return known }
        let result = lexicon.readings(of: lower)
        memo.readings[lower] = result
        return result
    }

    /// The open-class analysis of a word, remembered.
    private func openClassWord(_ lower: String) -> OpenClassWord {
        if let known = memo.openClass[lower] { return known }
        let known = readings(of: lower)
        let readings = known.isEmpty ? guessReadings(lower) : known
        // The most frequent reading by WordNet's tagged senses; context decides later.
        let first = readings[mostFrequentReading(readings)]
        var word = OpenClassWord(known: known, readings: readings, tag: Self.tag(for: first.wordClass), lemma: first.lemma, form: first.form)
        if lower.hasSuffix("ly"), let adverb = readings.first(where: { $0.wordClass == .adverb }) {
            word.tag = .adverb
            word.lemma = adverb.lemma
            word.form = .base
        }
        memo.openClass[lower] = word
        return word
    }

    /// Whether the noun names a person in WordNet, remembered.
    private func isPersonNoun(_ lemma: String) -> Bool {
        if let known = memo.persons[lemma] { return known }
        let result = lexicon.nouns?.isPerson(lemma) ?? false
        memo.persons[lemma] = result
        return result
    }

    private var words: WordLists { lexicon.words }

    /// Tags `tokens` in place.
    func tag(_ tokens: inout [Token]) {
        markInitials(&tokens)
        for index in tokens.indices { assignLexical(&tokens, index) }
        var clauseHasVerb = false
        var subjectSeen = false
        var lastVerbForm: WordForm?
        var interruptionOpen = false
        // A relative clause inside the subject ("Putin, who is ..., and Kim drove") keeps its verbs to itself.
        var relativeSaved: Bool?
        var relativeVerbDone = false
        // An auxiliary still waiting for its verb: "did Putin [gift]", "have you [trained]".
        var pendingAuxiliary: Int?
        // "Before the trial began, the researchers sent ...": the first comma ends a fronted clause.
        var frontClause = tokens.first.map { $0.tag == .subordinator || words.clauseOpeners.contains($0.lower) } ?? false
        for index in tokens.indices {
            // The token is read in place, not copied: its fields change only where `decide` or an inversion sets them.
            let tag = tokens[index].tag
            let isComma = tokens[index].kind == .punctuation && tokens[index].text == ","
            if isComma, frontClause {
                frontClause = false
                clauseHasVerb = false
                subjectSeen = false
                interruptionOpen = false
                pendingAuxiliary = nil
                continue
            }
            if isComma, let saved = relativeSaved {
                clauseHasVerb = saved
                relativeVerbDone = false
                relativeSaved = nil
                interruptionOpen = false
                continue
            }
            if isComma, !clauseHasVerb, subjectSeen {
                interruptionOpen.toggle()
                continue
            }
            if tag == .relative, relativeSaved == nil {
                relativeSaved = clauseHasVerb
                relativeVerbDone = false
            }
            if tag == .conjunction, index > 0, tokens[index - 1].text == ",", relativeSaved == nil {
                // ", and several said ...": a new clause may start.
                clauseHasVerb = false
                subjectSeen = false
                interruptionOpen = false
                continue
            }
            switch tag {
            case .subordinator, .relative, .complementizer, .wh, .openQuote, .closeQuote:
                clauseHasVerb = false
                subjectSeen = tag == .relative
                continue
            case .punctuation where tokens[index].text == ";" || tokens[index].text == ":" || tokens[index].text == "—" || tokens[index].text == "–":
                clauseHasVerb = false
                subjectSeen = false
                continue
            case .auxiliary, .modal:
                clauseHasVerb = true
                // Only an auxiliary that opens a question inverts: "What did Putin gift", "Will you retire".
                pendingAuxiliary = opensQuestion(tokens, index) ? index : nil
                continue
            case .pronoun:
                // A subject pronoun starts a clause: "as he joined", "and they drove".
                if words.pronouns[tokens[index].lower]?.grammaticalCase == .subject, tokens[index].lower != "it" || index == 0 || tokens[index - 1].tag != .verb {
                    clauseHasVerb = false
                    interruptionOpen = false
                }
                subjectSeen = true
                continue
            case .properNoun, .number:
                subjectSeen = true
                continue
            case .preposition where tokens[index].lower == "because" || words.clausePrepositions.contains(tokens[index].lower):
                clauseHasVerb = false
                subjectSeen = false
                continue
            default:
                break
            }
            guard tokens[index].kind == .word, tag == .noun || tag == .verb || tag == .adjective || tag == .adverb,
                  !tokens[index].readings.isEmpty, !(tag == .properNoun)
            else { continue }
            var subjectEnd = index - 1
            while subjectEnd > 0, tokens[subjectEnd].readings.canBe(.adverb) || tokens[subjectEnd].tag == .adverb { subjectEnd -= 1 }
            if let pending = pendingAuxiliary, index >= 2, [.properNoun, .noun, .pronoun].contains(tokens[subjectEnd].tag),
               !(tokens[index - 1].tag == .noun && tokens[index].readings.canBe(.noun) && index + 1 < tokens.count && tokens[index + 1].tag != .punctuation && tokens[index + 1].tag != .preposition && tokens[index + 1].tag != .determiner),
               let reading = invertedVerb(tokens[index], after: tokens[pending]) {
                // Subject-auxiliary inversion: the verb after the subject takes the auxiliary's form.
                tokens[index].tag = .verb
                tokens[index].lemma = reading.lemma
                tokens[index].form = reading.form
                pendingAuxiliary = nil
                lastVerbForm = reading.form
                continue
            }
            // After a restrictive relative clause has its verb, the next verb may be the main one:
            // "A comparison group that kept normal settings gained only 3 minutes".
            let mainHasVerb = relativeVerbDone ? (relativeSaved ?? clauseHasVerb) : clauseHasVerb
            let decision = decide(tokens, index, clauseHasVerb: mainHasVerb, subjectSeen: subjectSeen, lastVerbForm: lastVerbForm,
                                  interruptionOpen: interruptionOpen)
            tokens[index].tag = decision.tag
            tokens[index].lemma = decision.lemma
            tokens[index].form = decision.form
            if tokens[index].tag == .verb, relativeSaved != nil, [.past, .thirdPerson, .base, .pastOrParticiple].contains(tokens[index].form) {
                if relativeVerbDone, previousContentTag(tokens, index) != .infinitive, previousContentTag(tokens, index) != .modal,
                   previousContentTag(tokens, index) != .auxiliary {
                    relativeSaved = nil
                    relativeVerbDone = false
                } else {
                    relativeVerbDone = true
                }
            }
            if tokens[index].tag == .verb, words.reportingVerbs.contains(tokens[index].lemma),
               [.past, .thirdPerson, .base, .pastOrParticiple].contains(tokens[index].form) {
                // "said most of his customers walk over": what a reporting verb reports is a clause.
                pendingAuxiliary = nil
                lastVerbForm = tokens[index].form
                clauseHasVerb = false
                subjectSeen = false
                interruptionOpen = false
                continue
            }
            if tokens[index].tag == .verb {
                pendingAuxiliary = nil
                let form = tokens[index].form
                if form == .past || form == .thirdPerson || form == .pastOrParticiple || form == .base {
                    if !(previousContentTag(tokens, index) == .infinitive) { clauseHasVerb = true }
                }
                lastVerbForm = form
            } else if tokens[index].tag == .noun {
                subjectSeen = true
            }
        }
        fixPastParticiples(&tokens)
    }

    // MARK: Lexical readings

    private func markInitials(_ tokens: inout [Token]) {
        var expectInitial = true
        for index in tokens.indices {
            let kind = tokens[index].kind
            if kind == .quote || (kind == .punctuation && (tokens[index].text == "(" || tokens[index].text == "[" || tokens[index].text == "—" || tokens[index].text == "–")) {
                if tokens[index].tag == .openQuote || tokens[index].text == "(" { expectInitial = true }
                continue
            }
            if kind == .punctuation, tokens[index].text == ":" {
                expectInitial = true
                continue
            }
            tokens[index].initial = expectInitial
            expectInitial = false
        }
    }

    private func assignLexical(_ tokens: inout [Token], _ index: Int) {
        switch tokens[index].kind {
        case .quote:
            if tokens[index].tag != .possessive, tokens[index].tag != .openQuote, tokens[index].tag != .closeQuote { tokens[index].tag = .closeQuote }
            return
        case .punctuation:
            tokens[index].tag = .punctuation
            return
        case .symbol:
            tokens[index].tag = .symbol
            return
        case .number:
            tokens[index].tag = .number
            tokens[index].value = Double(tokens[index].text.filter { $0 != "," })
            return
        case .word:
            break
        }
        if tokens[index].tag == .possessive { return }
        let lower = tokens[index].lower
        if lower == "'s" || lower == "'" {
            // 's after it/he/she/that/there/what/who is "is"; otherwise the possessive.
            let previous = index > 0 ? tokens[index - 1].lower : ""
            if words.isContractors.contains(previous) {
                tokens[index].tag = .auxiliary
                tokens[index].lemma = "be"
                tokens[index].form = .thirdPerson
            } else {
                tokens[index].tag = .possessive
            }
            return
        }
        // Most words are open-class: one lookup decides that, and tells what the lists say of the rest.
        let closed = words.closedClassWords[lower]
        if closed == nil, !lower.utf8.contains(0x2D), lower.utf8.first != 0x27 {
            assignOpenClass(&tokens, index, lower)
            return
        }
        if let number = closed?.number ?? (lower.utf8.contains(0x2D) ? Self.hyphenatedNumber(lower, words) : nil) {
            tokens[index].tag = .number
            tokens[index].value = number
            return
        }
        if closed?.isNegation == true {
            tokens[index].tag = .negation
            return
        }
        if let auxiliary = closed?.auxiliary ?? Self.cliticAuxiliary(lower) {
            // "May" the month, "will" the noun: rare enough in news to treat by capital only.
            if lower == "may", tokens[index].capitalized, !tokens[index].initial {
                tokens[index].tag = .properNoun
                return
            }
            tokens[index].tag = auxiliary.tense == .modal ? .modal : .auxiliary
            tokens[index].lemma = auxiliary.lemma
            switch auxiliary.tense {
            case .past: tokens[index].form = .past
            case .participle: tokens[index].form = .pastParticiple
            case .gerund: tokens[index].form = .gerund
            case .present: tokens[index].form = auxiliary.number == "singular" ? .thirdPerson : .base
            case .base, .modal: tokens[index].form = .base
            }
            return
        }
        if let pronoun = closed?.pronoun, !(lower == "us" && tokens[index].text == "US") {
            tokens[index].tag = pronoun.grammaticalCase == .possessive ? .possessivePronoun : .pronoun
            if lower == "her" {
                // Possessive before a noun group, object otherwise.
                let next = index + 1 < tokens.count ? tokens[index + 1] : nil
                let nextIsNominal = next.map { $0.kind == .word && !words.prepositions.contains($0.lower)
                    && !words.determiners.contains($0.lower) && words.auxiliaries[$0.lower] == nil
                    && !words.conjunctions.contains($0.lower) && words.pronouns[$0.lower] == nil
                    && !(lexicalReadings($0.lower).allSatisfy { $0.wordClass == .verb } && !$0.capitalized) } ?? false
                    || next?.kind == .number
                tokens[index].tag = nextIsNominal ? .possessivePronoun : .pronoun
            }
            return
        }
        switch lower {
        case "that":
            tokens[index].tag = thatTag(tokens, index)
            return
        case "who", "whom", "whose", "which":
            let previous = previousContent(tokens, index)
            tokens[index].tag = previous.map { $0.isNominal || $0.canBe(.noun) || $0.text == "," || $0.tag == .closeQuote || $0.tag == .preposition } ?? false
                ? .relative : .wh
            if lower == "which", previous?.tag == .preposition { tokens[index].tag = .relative }
            return
        case "what", "when", "where", "why", "how":
            tokens[index].tag = .wh
            if lower == "when" || lower == "where" {
                let previous = previousContent(tokens, index)
                if previous != nil, previous?.tag != .openQuote { tokens[index].tag = .subordinator }
            }
            return
        case "there":
            let next = index + 1 < tokens.count ? tokens[index + 1].lower : ""
            if words.auxiliaries[next]?.lemma == "be" || next == "'s" || words.auxiliaries[next]?.tense == .modal {
                tokens[index].tag = .existential
            } else {
                tokens[index].tag = .adverb
            }
            return
        case "to":
            tokens[index].tag = infinitiveFollows(tokens, index) ? .infinitive : .preposition
            return
        default:
            break
        }
        if closed?.isDeterminer == true {
            if lower == "a" || lower == "an" || lower == "the" {
                tokens[index].tag = .determiner
                return
            }
            // "the second half", "a nervous first half": a noun after a determiner or adjective.
            if index > 0, tokens[index - 1].tag == .determiner || tokens[index - 1].tag == .adjective || tokens[index - 1].tag == .possessivePronoun,
               !lexicalReadings(lower).isEmpty {
                tokens[index].readings = lexicalReadings(lower)
                tokens[index].tag = .noun
                return
            }
            tokens[index].tag = determinerOrPronoun(tokens, index)
            return
        }
        if closed?.isConjunction == true {
            if lower == "yet", index > 0,
               tokens[index - 1].tag == .negation || tokens[index - 1].tag == .auxiliary || tokens[index - 1].lower == "not" {
                tokens[index].tag = .adverb
                return
            }
            tokens[index].tag = .conjunction
            return
        }
        if lower == "so" {
            let next = index + 1 < tokens.count ? tokens[index + 1].lower : ""
            let nextReadings = lexicalReadings(next)
            let modifies = words.degreeWords.contains(next)
                || (!nextReadings.isEmpty && nextReadings.allSatisfy { $0.wordClass == .adjective || $0.wordClass == .adverb })
            tokens[index].tag = modifies || next.isEmpty || tokens[index + 1].kind == .punctuation ? .adverb : .subordinator
            return
        }
        if closed?.isSubordinator == true && closed?.isPreposition != true {
            tokens[index].tag = .subordinator
            return
        }
        if closed?.isPreposition == true {
            tokens[index].tag = .preposition
            return
        }
        assignOpenClass(&tokens, index, lower)
    }

    /// Readings and a first tag for a noun, verb, adjective, adverb or name.
    private func assignOpenClass(_ tokens: inout [Token], _ index: Int, _ lower: String) {
        let word = openClassWord(lower)
        if tokens[index].capitalized {
            let text = tokens[index].text
            let initial = tokens[index].initial
            let isAcronym = Self.isAcronym(text)
            let known = !word.known.isEmpty
            // "Anna Lind" at the start of a sentence: a capitalised word before a name is part of it,
            // unless it is a role ("Mayor", "Substitute") or only an adjective ("Former").
            let nextIsName = initial && index + 1 < tokens.count && tokens[index + 1].capitalized && tokens[index + 1].kind == .word
                && names.contains(tokens[index + 1].text) && words.titles[lower] == nil && !words.honorifics.contains(lower)
                && !word.known.allSatisfy { $0.wordClass == .adjective || $0.wordClass == .adverb }
                && !isPersonNoun(lower)
            let name = names.contains(text) || isAcronym || (initial && nextIsName)
            if !initial || !known || name {
                // Titles before a name stay common nouns so "Mayor Benedikt Orr" reads as title + name.
                if !(initial && words.titles[lower] != nil && !name) {
                    tokens[index].readings = word.known
                    tokens[index].tag = .properNoun
                    tokens[index].lemma = text
                    return
                }
            }
        }
        tokens[index].readings = word.readings
        tokens[index].tag = word.tag
        tokens[index].lemma = word.lemma
        tokens[index].form = word.form
    }

    /// "US", "U.N.", "NATO": two or more characters, all capitals (and dots or hyphens), at least one letter.
    static func isAcronym(_ text: String) -> Bool {
        var count = 0
        var letters = 0
        for byte in text.utf8 {
            count += 1
            switch byte {
            case 0x41...0x5A: letters += 1
            case 0x2E, 0x2D: break
            default: return byte >= 0x80 ? text.count >= 2 && text.allSatisfy { $0.isUppercase || $0 == "." || $0 == "-" } && text.contains(where: \.isLetter) : false
            }
        }
        return count >= 2 && letters > 0
    }

    /// The index of the reading with the most tagged senses (the first of equals).
    private func mostFrequentReading(_ readings: [Reading]) -> Int {
        guard readings.count > 1 else { return 0 }
        var best = 0
        var bestWeight = lexicon.taggedSenses(readings[0].lemma, as: readings[0].wordClass)
        for index in readings.indices.dropFirst() {
            let weight = lexicon.taggedSenses(readings[index].lemma, as: readings[index].wordClass)
            if weight > bestWeight {
                best = index
                bestWeight = weight
            }
        }
        return best
    }

    /// Readings from the lexicon, made sure to include hyphenated compounds by their last part.
    private func readings(of lower: String) -> [Reading] {
        var result = lexicalReadings(lower)
        if result.isEmpty, lower.contains("-"), let last = lower.split(separator: "-").last {
            let lastReadings = lexicalReadings(String(last))
            // warm-coloured, Russian-built, ten-player: adjectives made of a compound.
            if lastReadings.contains(where: { $0.wordClass == .verb && ($0.form == .pastOrParticiple || $0.form == .pastParticiple) })
                || lastReadings.contains(where: { $0.wordClass == .adjective }) {
                result = [Reading(wordClass: .adjective, lemma: lower, form: .base)]
            } else if let noun = lastReadings.first(where: { $0.wordClass == .noun }) {
                let prefix = lower.dropLast(last.count)
                result = [Reading(wordClass: .noun, lemma: prefix + noun.lemma, form: noun.form)]
                if Self.hyphenatedNumber(String(lower.split(separator: "-").first ?? ""), words) != nil
                    || lower.split(separator: "-").count > 2 {
                    result = [Reading(wordClass: .adjective, lemma: lower, form: .base)]
                }
            }
        }
        return result
    }

    /// Suffix guesses for words WordNet does not know.
    private func guessReadings(_ lower: String) -> [Reading] {
        if lower.hasSuffix("ly") { return [Reading(wordClass: .adverb, lemma: lower, form: .base)] }
        if lower.hasSuffix("ing") { return [Reading(wordClass: .verb, lemma: String(lower.dropLast(3)), form: .gerund)] }
        if lower.hasSuffix("ed") { return [Reading(wordClass: .verb, lemma: String(lower.dropLast(2)), form: .pastOrParticiple)] }
        for suffix in words.adjectiveSuffixes where lower.hasSuffix(suffix) {
            return [Reading(wordClass: .adjective, lemma: lower, form: .base)]
        }
        if lower.hasSuffix("s"), !lower.hasSuffix("ss"), lower.count > 3 {
            return [Reading(wordClass: .noun, lemma: String(lower.dropLast()), form: .plural)]
        }
        return [Reading(wordClass: .noun, lemma: lower, form: .base)]
    }

    static func tag(for wordClass: WordClass) -> PartOfSpeech {
        switch wordClass {
        case .noun: .noun
        case .verb: .verb
        case .adjective: .adjective
        case .adverb: .adverb
        }
    }

    /// "twenty-three", "forty-five" → the number.
    static func hyphenatedNumber(_ lower: String, _ words: WordLists) -> Double? {
        let parts = lower.split(separator: "-")
        guard parts.count == 2, let tens = words.numberWords[String(parts[0])], let units = words.numberWords[String(parts[1])],
              tens >= 20, tens < 100, units < 10 else { return nil }
        return tens + units
    }

    static func cliticAuxiliary(_ lower: String) -> WordLists.Auxiliary? {
        switch lower {
        case "'m": WordLists.Auxiliary(lemma: "be", tense: .present, number: "1")
        case "'re": WordLists.Auxiliary(lemma: "be", tense: .present, number: "plural")
        case "'ve": WordLists.Auxiliary(lemma: "have", tense: .present, number: "plural")
        default: nil
        }
    }

    // MARK: Context

    /// The token before `index`, skipping adverbs that are words.
    private func previousContent(_ tokens: [Token], _ index: Int) -> Token? {
        previousContentIndex(tokens, index).map { tokens[$0] }
    }

    private func previousContentIndex(_ tokens: [Token], _ index: Int) -> Int? {
        var position = index - 1
        while position >= 0 {
            if tokens[position].tag != .adverb || tokens[position].kind != .word { return position }
            position -= 1
        }
        return nil
    }

    /// The token before `index`, skipping adverbs and negations.
    private func previousContentPosition(_ tokens: [Token], _ index: Int) -> Int? {
        var position = index - 1
        while position >= 0, tokens[position].tag == .adverb || tokens[position].tag == .negation { position -= 1 }
        return position >= 0 ? position : nil
    }

    private func previousContentTag(_ tokens: [Token], _ index: Int) -> PartOfSpeech? {
        previousContentPosition(tokens, index).map { tokens[$0].tag }
    }

    /// "that": complementizer after a verb or adjective, relative after a noun, else determiner or pronoun.
    private func thatTag(_ tokens: [Token], _ index: Int) -> PartOfSpeech {
        let previous = previousContent(tokens, index)
        let next = index + 1 < tokens.count ? tokens[index + 1] : nil
        if let previous {
            if previous.lower == "so" || previous.lower == "now" || previous.lower == "such" { return .complementizer }
            // "told the council that ...", "warned investors that ...".
            var back = index - 1
            while back >= 0, index - back <= 8, [.determiner, .adjective, .noun, .properNoun, .possessive, .possessivePronoun, .number, .pronoun, .preposition].contains(tokens[back].tag) {
                // "said on Thursday that", "told staff in an email that the company": a preposition only
                // before a time, a name, or a short phrase right before "that" and a new subject.
                let shortPhrase = index - back <= 3 && back + 1 < index && tokens[back + 1].tag == .determiner
                    && next.map { words.determiners.contains($0.lower) || words.pronouns[$0.lower] != nil || $0.capitalized || $0.kind == .number } == true
                if tokens[back].tag == .preposition, !shortPhrase, !(back + 1 < index && (tokens[back + 1].tag == .properNoun
                    || lexicon.words.weekdays.contains(tokens[back + 1].lower) || lexicon.words.months.contains(tokens[back + 1].lower))) {
                    break
                }
                back -= 1
            }
            if back >= 0, back < index - 1, tokens[back].tag == .verb || tokens[back].kind == .word,
               let lemma = lexicon.verbLemma(of: tokens[back].lower), words.reportingVerbs.contains(lemma) {
                return .complementizer
            }
            if previous.tag == .verb || previous.tag == .adjective || previous.tag == .auxiliary || previous.text == "," {
                if let next, next.kind == .word || next.kind == .number || next.tag == .openQuote || next.text == "," {
                    if previous.tag == .verb || previous.tag == .adjective || previous.text == "," { return .complementizer }
                }
            }
            if previous.tag == .noun || previous.tag == .properNoun || previous.tag == .number || previous.tag == .pronoun {
                return .relative
            }
        }
        if let next, next.kind == .word, words.auxiliaries[next.lower] == nil, words.prepositions.contains(next.lower) == false,
           !lexicalReadings(next.lower).isEmpty, lexicalReadings(next.lower).contains(where: { $0.wordClass == .noun || $0.wordClass == .adjective }) {
            return .determiner
        }
        return .pronoun
    }

    /// Determiners that stand alone ("Half were asked", "all of whom") are pronouns.
    private func determinerOrPronoun(_ tokens: [Token], _ index: Int) -> PartOfSpeech {
        let next = index + 1 < tokens.count ? tokens[index + 1] : nil
        guard let next else { return .pronoun }
        if next.kind == .number || (next.kind == .symbol && words.currencies.contains(next.text)) { return .determiner }
        if next.kind != .word { return .pronoun }
        if next.lower == "of" || words.auxiliaries[next.lower] != nil || words.prepositions.contains(next.lower) { return .pronoun }
        if words.determiners.contains(next.lower) || words.pronouns[next.lower]?.grammaticalCase == .possessive {
            return words.predeterminers.contains(tokens[index].lower) ? .determiner : .pronoun
        }
        let nextReadings = lexicalReadings(next.lower)
        if !nextReadings.isEmpty, nextReadings.allSatisfy({ $0.wordClass == .verb }), !next.capitalized { return .pronoun }
        if !nextReadings.contains(where: { $0.wordClass == .noun }), !next.capitalized,
           nextReadings.contains(where: { $0.wordClass == .verb && [.past, .pastOrParticiple, .thirdPerson].contains($0.form) }) {
            return .pronoun
        }
        return .determiner
    }

    /// "to" before a verb's base form is the infinitive marker.
    private func infinitiveFollows(_ tokens: [Token], _ index: Int) -> Bool {
        var position = index + 1
        while position < tokens.count, tokens[position].kind == .word,
              tokens[position].lower.hasSuffix("ly") || tokens[position].lower == "not" || tokens[position].lower == "also" {
            position += 1
        }
        guard position < tokens.count else { return false }
        let next = tokens[position]
        guard next.kind == .word, !(next.capitalized && !next.initial) else { return false }
        let lower = next.lower
        if words.auxiliaries[lower]?.tense == .base || lower == "be" || lower == "have" || lower == "do" { return true }
        if words.determiners.contains(lower) || words.pronouns[lower] != nil || words.prepositions.contains(lower) { return false }
        let readings = lexicalReadings(lower)
        guard readings.contains(where: { $0.wordClass == .verb && $0.form == .base }) else { return false }
        if readings.allSatisfy({ $0.wordClass == .verb }) { return true }
        // Both noun and verb ("to work", "to court"): a verb when an object or complement follows.
        let after = position + 1 < tokens.count ? tokens[position + 1] : nil
        guard let after else { return false }
        if after.kind == .punctuation { return false }
        if words.determiners.contains(after.lower) || words.pronouns[after.lower] != nil || after.kind == .number
            || after.tag == .openQuote || after.lower.hasSuffix("ly") {
            return true
        }
        // "to work on" but "to traffic on Wednesday": before a preposition, the more frequent reading.
        if words.prepositions.contains(after.lower) {
            let noun = readings.first { $0.wordClass == .noun }.map { lexicon.taggedSenses($0.lemma, as: .noun) } ?? 0
            let verb = readings.first { $0.wordClass == .verb }.map { lexicon.taggedSenses($0.lemma, as: .verb) } ?? 0
            return verb > noun
        }
        let afterReadings = lexicalReadings(after.lower)
        return afterReadings.contains { $0.wordClass == .noun || $0.wordClass == .adjective } || after.capitalized
    }

    /// What `decide` makes of an open-class word.
    private struct Decision {
        var tag: PartOfSpeech
        var lemma: String
        var form: WordForm

        init(tag: PartOfSpeech, lemma: String, form: WordForm) {
            self.tag = tag
            self.lemma = lemma
            self.form = form
        }

        /// The reading's class, lemma and form, or `form` instead of its form.
        init(_ reading: Reading, form: WordForm? = nil) {
            self.init(tag: Tagger.tag(for: reading.wordClass), lemma: reading.lemma, form: form ?? reading.form)
        }
    }

    /// Noun, verb, adjective or adverb for an open-class word, from its neighbours.
    ///
    /// The tokens are read in place, not copied: copying a token costs more than the test it serves.
    private func decide(
        _ tokens: [Token], _ index: Int, clauseHasVerb: Bool, subjectSeen: Bool, lastVerbForm: WordForm?,
        interruptionOpen: Bool
    ) -> Decision {
        let readings = tokens[index].readings
        let lower = tokens[index].lower
        let noun = readings.first { $0.wordClass == .noun }
        let adjective = readings.first { $0.wordClass == .adjective }
        let adverb = readings.first { $0.wordClass == .adverb }
        let previous = previousContentIndex(tokens, index)
        let previousTag = previousContentTag(tokens, index)
        let next: Int? = index + 1 < tokens.count ? index + 1 : nil
        let nextTag = next.map { tokens[$0].tag }
        let nextKind = next.map { tokens[$0].kind }
        let nextCanBeNoun = next.map { tokens[$0].kind == .number || tokens[$0].tag == .properNoun || tokens[$0].readings.canBe(.noun) || tokens[$0].readings.canBe(.adjective) } ?? false
        func verb(_ forms: [WordForm]) -> Reading? { readings.first { $0.wordClass == .verb && forms.contains($0.form) } }

        // ", the coastguard said." — a speech verb closing the sentence after its speaker.
        if let speech = verb([.past, .pastOrParticiple, .thirdPerson]), words.speechVerbs.contains(speech.lemma),
           [.noun, .properNoun, .pronoun].contains(previousTag ?? .punctuation),
           next == nil || [".", ",", "!", "?"].contains(tokens[index + 1].text) || nextTag == .preposition {
            return Decision(speech, form: speech.form == .pastOrParticiple ? .past : speech.form)
        }
        // '"... better than gravel," said Professor Elin Strand': a speech verb right after a quotation.
        if let speech = verb([.past, .pastOrParticiple, .thirdPerson]), words.speechVerbs.contains(speech.lemma),
           previousTag == .closeQuote {
            return Decision(speech, form: speech.form == .pastOrParticiple ? .past : speech.form)
        }
        // Adverbs that are only adverbs, and -ly adverbs.
        if let adverb, readings.count == 1 || (lower.hasSuffix("ly") && adjective == nil) {
            return Decision(adverb)
        }
        // "will now pay", "has also said": between a modal or auxiliary and a verb, an adverb.
        if let adverb, previousTag == .modal || previousTag == .auxiliary,
           let next, tokens[next].readings.contains(where: { $0.wordClass == .verb }), !tokens[next].capitalized {
            return Decision(adverb)
        }
        switch previousTag {
        case .determiner, .possessivePronoun, .possessive, .number, .adjective:
            // Inside a noun group: adjective before a noun, else noun; participles act as adjectives.
            if previousTag == .number, let verb = verb([.past, .pastOrParticiple, .thirdPerson]), subjectSeen, !clauseHasVerb,
               noun == nil || nextTag == .determiner || nextKind == .number {
                // "About 620 people work" is handled by the noun; "Revenue rose 7.4 percent" never gets here.
                return Decision(verb, form: verb.form == .pastOrParticiple ? .past : verb.form)  // "The club's eight won"
            }
            // "the first round takes place": a noun ends the group before a finite verb.
            if let noun, !clauseHasVerb, let next,
               tokens[next].readings.contains(where: { $0.wordClass == .verb && [.thirdPerson, .past].contains($0.form) }),
               !tokens[next].capitalized, index + 2 < tokens.count,
               [.determiner, .noun, .preposition].contains(tokens[index + 2].tag) || tokens[index + 2].readings.canBe(.noun) {
                return Decision(noun)
            }
            if let adjective, nextCanBeNoun || noun == nil {
                return Decision(adjective)
            }
            if let noun {
                return Decision(noun)  // also a noun modifier: "tea set", "support beams"
            }
            if let participle = verb([.pastOrParticiple, .pastParticiple, .gerund]) {
                return Decision(tag: .adjective, lemma: lower, form: participle.form)
            }
        case .modal, .infinitive:
            if let base = verb([.base]) {
                return Decision(base)
            }
        case .auxiliary:
            let auxiliary = previousContentPosition(tokens, index).map { tokens[$0].lemma }
            if auxiliary == "have", let participle = verb([.pastParticiple, .pastOrParticiple]) {
                return Decision(participle, form: .pastParticiple)
            }
            if auxiliary == "be" {
                if let gerund = verb([.gerund]) {
                    return Decision(gerund)
                }
                if let participle = verb([.pastParticiple, .pastOrParticiple]) {
                    return Decision(participle, form: .pastParticiple)
                }
            }
            if auxiliary == "do", let base = verb([.base]) {
                return Decision(base)
            }
        case .pronoun, .properNoun, .noun, .relative, .closeQuote:
            // Right after a subject: a finite verb when the clause has none yet.
            if !clauseHasVerb, subjectSeen || previousTag == .relative || previousTag == .pronoun || previousTag == .properNoun {
                // "Rooftop gardens in Bergvik doubled the number": a plural noun, its phrase, then the verb.
                if previousTag == .noun || previousTag == .properNoun, let noun, noun.form == .plural, verb([.thirdPerson]) != nil,
                   pastAfterPhrase(tokens, after: index) {
                    return Decision(noun)
                }
                let pluralSubject = previous.map { tokens[$0].form == .plural || words.pluralSubjectPronouns.contains(tokens[$0].lower) } ?? false
                let forms: [WordForm] = pluralSubject || previousTag == .relative ? [.past, .pastOrParticiple, .thirdPerson, .base]
                    : [.past, .pastOrParticiple, .thirdPerson]
                // A pronoun subject has no reduced relative clause, and a reporting verb expects a clause after it.
                let mayBeParticiple = previousTag != .pronoun && !words.reportingVerbs.contains(verb(forms)?.lemma ?? "")
                if let finite = verb(forms), !(finite.form == .pastOrParticiple && mayBeParticiple && laterFiniteVerb(tokens, after: index)) {
                    // "pilot schools asked the city", "school lunches raised attendance": before a past
                    // tense, a word no more often a verb than a plural noun is the noun, when the past
                    // tense cannot be an adjective or follows a modifier that is not a person ("the
                    // mayor opens renovated baths", "the minister wants improved roads" keep their verbs).
                    var pluralBeforePast = false
                    if finite.form == .thirdPerson, let noun, noun.form == .plural,
                       lexicon.taggedSenses(noun.lemma, as: .noun) >= lexicon.taggedSenses(finite.lemma, as: .verb),
                       let next, !tokens[next].capitalized,
                       tokens[next].readings.contains(where: { $0.wordClass == .verb && [.past, .pastOrParticiple].contains($0.form) }) {
                        let onlyVerb = tokens[next].readings.allSatisfy { $0.wordClass == .verb }
                        let modifier = previous.map { tokens[$0].tag == .noun && !isPersonNoun(tokens[$0].lemma) } ?? false
                        pluralBeforePast = onlyVerb || modifier
                    }
                    // "Lumiq shares closed down 8.3 percent": a past tense followed by a particle or a number,
                    // not by the noun it would describe, is the verb.
                    if !pluralBeforePast, finite.form == .thirdPerson, let noun, noun.form == .plural, let next, next + 1 < tokens.count,
                       !tokens[next].capitalized,
                       tokens[next].readings.contains(where: { $0.wordClass == .verb && [.past, .pastOrParticiple].contains($0.form) }),
                       words.prepositions.contains(tokens[next + 1].lower) || tokens[next + 1].kind == .number {
                        pluralBeforePast = true
                    }
                    let nextIsVerb = next.map { candidate in
                        tokens[candidate].tag == .auxiliary || tokens[candidate].tag == .modal
                            || (pluralBeforePast && !tokens[candidate].capitalized
                                && tokens[candidate].readings.contains { $0.wordClass == .verb && [.past, .pastOrParticiple].contains($0.form) })
                            || (tokens[candidate].readings.allSatisfy { $0.wordClass == .verb } && !tokens[candidate].readings.isEmpty
                                && tokens[candidate].readings.contains { [.past, .thirdPerson].contains($0.form) })
                            || (words.irregularPast[tokens[candidate].lower] != nil && !tokens[candidate].capitalized)
                    } ?? false
                    if !nextIsVerb || previousTag == .relative {
                        return Decision(finite, form: finite.form == .pastOrParticiple ? .past : finite.form)
                    }
                }
                // A base form after a plural subject followed by an object: "shop owners say they".
                if let base = verb([.base]), nextTag == .pronoun || nextTag == .determiner || nextTag == .complementizer {
                    return Decision(base)
                }
            }
        case .conjunction:
            // Coordinated verbs: "... and build a wider crossing", "... and gave the pupils".
            if let lastVerbForm, let coordinated = verb(lastVerbForm == .base ? [.base] : [lastVerbForm, .past, .pastOrParticiple, .thirdPerson]),
               next.map({ (tokens[$0].readings.canBe(.noun) && !tokens[$0].capitalized && noun == nil && coordinated.form != .base) || tokens[$0].tag == .determiner || tokens[$0].tag == .pronoun || tokens[$0].tag == .possessivePronoun || tokens[$0].tag == .properNoun || tokens[$0].kind == .number || tokens[$0].tag == .number || tokens[$0].tag == .preposition || tokens[$0].tag == .infinitive || tokens[$0].tag == .adverb }) ?? false {
                return Decision(coordinated, form: coordinated.form == .pastOrParticiple ? .past : coordinated.form)
            }
        case .punctuation where previous.map({ tokens[$0].text == "," || tokens[$0].text == "–" || tokens[$0].text == "—" }) == true:
            // After a comma: a participle opens a phrase that another comma closes before the
            // main verb ("Kim, known for ..., beamed"); otherwise, with no verb yet, it is the verb.
            let participle = verb([.pastParticiple, .pastOrParticiple])
            // A base form only with an object or phrase after it, not before another noun ("league president").
            let baseAllowed = nextTag.map { [.determiner, .pronoun, .possessivePronoun, .preposition, .adverb, .infinitive].contains($0) } ?? false
            let finite = verb([.past, .pastOrParticiple, .thirdPerson]) ?? (baseAllowed ? verb([.base]) : nil)
            if let participle, clauseHasVerb || interruptionCloses(tokens, after: index) || finite == nil {
                return Decision(participle, form: .pastParticiple)
            }
            if !clauseHasVerb, let finite {
                return Decision(finite, form: finite.form == .pastOrParticiple ? .past : finite.form)
            }
            if let gerund = verb([.gerund]), noun == nil || nextTag == .determiner || clauseHasVerb {
                return Decision(gerund)
            }
        default:
            break
        }
        // A role between a noun and a name: "Fire chief Erik Holm", "union official Selma Haug".
        if let noun, previousTag == .noun || previousTag == .properNoun, nextTag == .properNoun {
            return Decision(noun)
        }
        // Defaults: a noun, else an adjective, else the first reading.
        let nextIsBareNoun = next.map { tokens[$0].kind == .word && tokens[$0].tag != .properNoun && !tokens[$0].capitalized && tokens[$0].readings.canBe(.noun)
            && !words.determiners.contains(tokens[$0].lower) && words.pronouns[tokens[$0].lower] == nil } ?? false
        if let participle = verb([.pastOrParticiple, .pastParticiple, .gerund]), nextIsBareNoun || nextTag == .adjective,
           participle.form != .gerund || adjective != nil || previousTag == nil,
           previousTag == .preposition || previousTag == .conjunction || previousTag == nil || previousTag == .adjective {
            // "Sales of chilled ready meals", "frozen and chilled food", "Operating margin", "to operating profit".
            return Decision(tag: .adjective, lemma: lower, form: participle.form)
        }
        if lower.hasSuffix("ing"), let gerund = verb([.gerund]), previousTag == .preposition || previousTag == nil {
            return Decision(gerund)
        }
        if let adjective, nextCanBeNoun, nextTag != .preposition {
            return Decision(adjective)
        }
        if let noun {
            return Decision(noun)
        }
        if let adjective {
            return Decision(adjective)
        }
        return Decision(readings[0])
    }

    /// Whether an unmistakable finite verb comes later in the clause ("412 adults aged 25 to 60 took part"):
    /// then an -ed form before it is a participle.
    private func laterFiniteVerb(_ tokens: [Token], after index: Int) -> Bool {
        var position = index + 1
        while position < tokens.count {
            let token = tokens[position]
            if token.text == "," || token.text == ";" || token.tag == .relative || token.tag == .subordinator
                || token.tag == .complementizer || token.tag == .conjunction || token.tag == .openQuote {
                return false
            }
            if token.tag == .modal { return true }
            if token.tag == .auxiliary, position > 0, tokens[position - 1].tag != .infinitive, token.form != .gerund,
               token.form != .pastParticiple, token.lower != "be" {
                return true
            }
            if token.kind == .word, !token.capitalized, let base = words.irregularPast[token.lower],
               words.irregularParticiple[token.lower] != base, !token.canBe(.noun) {
                return true
            }
            position += 1
        }
        return false
    }

    /// Whether a short prepositional phrase follows `index` and then a past tense that opens an
    /// object ("in Bergvik doubled the number", "at the port rose 5 percent").
    private func pastAfterPhrase(_ tokens: [Token], after index: Int) -> Bool {
        guard index + 2 < tokens.count, tokens[index + 1].tag == .preposition else { return false }
        var position = index + 2
        while position < tokens.count, position <= index + 6,
              [.determiner, .adjective, .noun, .properNoun, .number, .possessive].contains(tokens[position].tag) {
            position += 1
        }
        guard position > index + 2, position + 1 < tokens.count else { return false }
        let candidate = tokens[position]
        let following = tokens[position + 1]
        return !candidate.capitalized && candidate.kind == .word
            && candidate.readings.contains { $0.wordClass == .verb && [.past, .pastOrParticiple].contains($0.form) }
            && (following.tag == .determiner || following.kind == .number || following.tag == .possessivePronoun)
    }

    /// Whether the next comma after `index` is followed by something that can be a finite verb.
    private func interruptionCloses(_ tokens: [Token], after index: Int) -> Bool {
        var position = index + 1
        var depth = 0
        while position < tokens.count {
            let token = tokens[position]
            if token.tag == .openQuote { depth += 1 }
            if token.tag == .closeQuote { depth = max(0, depth - 1) }
            if depth == 0, token.text == "," {
                var next = position + 1
                while next < tokens.count, tokens[next].tag == .adverb { next += 1 }
                guard next < tokens.count else { return false }
                let candidate = tokens[next]
                if candidate.tag == .auxiliary || candidate.tag == .modal { return true }
                return candidate.readings.contains { $0.wordClass == .verb && [.past, .pastOrParticiple, .thirdPerson, .base].contains($0.form) }
                    && !candidate.capitalized && candidate.tag != .determiner
            }
            position += 1
        }
        return false
    }

    /// Whether the auxiliary at `index` starts a question: first in the sentence, or after a wh-phrase.
    private func opensQuestion(_ tokens: [Token], _ index: Int) -> Bool {
        var position = index - 1
        while position >= 0, [.determiner, .adjective, .noun, .number, .adverb].contains(tokens[position].tag)
            || ["many", "much"].contains(tokens[position].lower) {
            position -= 1
        }
        if position < 0 { return true }
        return tokens[position].tag == .wh || tokens[position].tag == .openQuote
    }

    /// The verb form an auxiliary asks for, when `token` has it: do/modal → base, have → participle, be → -ing.
    private func invertedVerb(_ token: Token, after auxiliary: Token) -> Reading? {
        guard auxiliary.tag == .modal || auxiliary.form != .gerund else { return nil }
        let forms: [WordForm]
        switch auxiliary.lemma {
        case "have": forms = [.pastParticiple, .pastOrParticiple]
        case "be": forms = [.gerund]
        default: forms = [.base]
        }
        guard let reading = token.readings.first(where: { $0.wordClass == .verb && forms.contains($0.form) }) else { return nil }
        var result = reading
        if result.form == .pastOrParticiple { result.form = .pastParticiple }
        return result
    }

    /// A finite-looking -ed verb right after a noun and before "by" or "to" is a participle
    /// when the clause has another finite verb later: "the limousine gifted to him was ...".
    private func fixPastParticiples(_ tokens: inout [Token]) {
        for index in tokens.indices where tokens[index].tag == .verb && tokens[index].form == .past {
            guard index + 1 < tokens.count, tokens[index + 1].lower == "by" else { continue }
            if tokens[(index + 1)...].contains(where: { $0.tag == .auxiliary || ($0.tag == .verb && $0.form != .pastParticiple && $0.form != .gerund) }) {
                tokens[index].form = .pastParticiple
            }
        }
    }
}
