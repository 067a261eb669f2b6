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
        var best = WordTable<Int>(minimumCapacity: 256)
    }

    /// `lexicon.readings(of:)`, remembered.
    private func lexicalReadings(_ lower: String) -> [Reading] {
        if let known = memo.readings[lower] { return known }
        let result = lexicon.readings(of: lower)
        memo.readings[lower] = result
        return result
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
        var pendingAuxiliary: Token?
        // "Before the trial began, the researchers sent ...": the first comma ends a fronted clause.
        var frontClause = tokens.first.map { $0.tag == .subordinator || words.clauseOpeners.contains($0.lower) } ?? false
        for index in tokens.indices {
            let token = tokens[index]
            if token.text == ",", frontClause {
                frontClause = false
                clauseHasVerb = false
                subjectSeen = false
                interruptionOpen = false
                pendingAuxiliary = nil
                continue
            }
            if token.text == ",", let saved = relativeSaved {
                clauseHasVerb = saved
                relativeVerbDone = false
                relativeSaved = nil
                interruptionOpen = false
                continue
            }
            if token.text == ",", !clauseHasVerb, subjectSeen {
                interruptionOpen.toggle()
                continue
            }
            if token.tag == .relative, relativeSaved == nil {
                relativeSaved = clauseHasVerb
                relativeVerbDone = false
            }
            if token.tag == .conjunction, index > 0, tokens[index - 1].text == ",", relativeSaved == nil {
                // ", and several said ...": a new clause may start.
                clauseHasVerb = false
                subjectSeen = false
                interruptionOpen = false
                continue
            }
            switch token.tag {
            case .subordinator, .relative, .complementizer, .wh, .openQuote, .closeQuote:
                clauseHasVerb = false
                subjectSeen = token.tag == .relative
                continue
            case .punctuation where token.text == ";" || token.text == ":" || token.text == "—" || token.text == "–":
                clauseHasVerb = false
                subjectSeen = false
                continue
            case .auxiliary, .modal:
                clauseHasVerb = true
                // Only an auxiliary that opens a question inverts: "What did Putin gift", "Will you retire".
                pendingAuxiliary = opensQuestion(tokens, index) ? token : nil
                continue
            case .pronoun:
                // A subject pronoun starts a clause: "as he joined", "and they drove".
                if words.pronouns[token.lower]?.grammaticalCase == .subject, token.lower != "it" || index == 0 || tokens[index - 1].tag != .verb {
                    clauseHasVerb = false
                    interruptionOpen = false
                }
                subjectSeen = true
                continue
            case .properNoun, .number:
                subjectSeen = true
                continue
            case .preposition where token.lower == "because" || words.clausePrepositions.contains(token.lower):
                clauseHasVerb = false
                subjectSeen = false
                continue
            default:
                break
            }
            guard token.kind == .word, token.tag == .noun || token.tag == .verb || token.tag == .adjective || token.tag == .adverb,
                  !token.readings.isEmpty, !(token.tag == .properNoun)
            else { continue }
            var subjectEnd = index - 1
            while subjectEnd > 0, tokens[subjectEnd].canBe(.adverb) || tokens[subjectEnd].tag == .adverb { subjectEnd -= 1 }
            if let pending = pendingAuxiliary, index >= 2, [.properNoun, .noun, .pronoun].contains(tokens[subjectEnd].tag),
               !(tokens[index - 1].tag == .noun && tokens[index].canBe(.noun) && index + 1 < tokens.count && tokens[index + 1].tag != .punctuation && tokens[index + 1].tag != .preposition && tokens[index + 1].tag != .determiner),
               let reading = invertedVerb(tokens[index], after: pending) {
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
            decide(&tokens, index, clauseHasVerb: mainHasVerb, subjectSeen: subjectSeen, lastVerbForm: lastVerbForm,
                   interruptionOpen: interruptionOpen)
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
        var token = tokens[index]
        defer { tokens[index] = token }
        switch token.kind {
        case .quote:
            if token.tag != .possessive, token.tag != .openQuote, token.tag != .closeQuote { token.tag = .closeQuote }
            return
        case .punctuation:
            token.tag = .punctuation
            return
        case .symbol:
            token.tag = .symbol
            return
        case .number:
            token.tag = .number
            token.value = Double(token.text.filter { $0 != "," })
            return
        case .word:
            break
        }
        if token.tag == .possessive { return }
        let lower = token.lower
        if lower == "'s" || lower == "'" {
            // 's after it/he/she/that/there/what/who is "is"; otherwise the possessive.
            let previous = index > 0 ? tokens[index - 1].lower : ""
            if words.isContractors.contains(previous) {
                token.tag = .auxiliary
                token.lemma = "be"
                token.form = .thirdPerson
            } else {
                token.tag = .possessive
            }
            return
        }
        // Most words are open-class: one lookup decides that.
        let closed = words.closedClassWords.contains(lower)
        if !closed, !lower.utf8.contains(0x2D), lower.utf8.first != 0x27 {
            assignOpenClass(&token, tokens, index, lower)
            return
        }
        if let number = words.numberWords[lower] ?? (lower.utf8.contains(0x2D) ? Self.hyphenatedNumber(lower, words) : nil) {
            token.tag = .number
            token.value = number
            return
        }
        if words.negations.contains(lower) {
            token.tag = .negation
            return
        }
        if let auxiliary = words.auxiliaries[lower] ?? Self.cliticAuxiliary(lower) {
            // "May" the month, "will" the noun: rare enough in news to treat by capital only.
            if lower == "may", token.capitalized, !token.initial {
                token.tag = .properNoun
                return
            }
            token.tag = auxiliary.tense == .modal ? .modal : .auxiliary
            token.lemma = auxiliary.lemma
            switch auxiliary.tense {
            case .past: token.form = .past
            case .participle: token.form = .pastParticiple
            case .gerund: token.form = .gerund
            case .present: token.form = auxiliary.number == "singular" ? .thirdPerson : .base
            case .base, .modal: token.form = .base
            }
            return
        }
        if let pronoun = words.pronouns[lower], !(lower == "us" && token.text == "US") {
            token.tag = pronoun.grammaticalCase == .possessive ? .possessivePronoun : .pronoun
            if lower == "her" {
                // Possessive before a noun group, object otherwise.
                let next = index + 1 < tokens.count ? tokens[index + 1] : nil
                let nextIsNominal = next.map { $0.kind == .word && !words.prepositions.contains($0.lower)
                    && !words.determiners.contains($0.lower) && words.auxiliaries[$0.lower] == nil
                    && !words.conjunctions.contains($0.lower) && words.pronouns[$0.lower] == nil
                    && !(lexicalReadings($0.lower).allSatisfy { $0.wordClass == .verb } && !$0.capitalized) } ?? false
                    || next?.kind == .number
                token.tag = nextIsNominal ? .possessivePronoun : .pronoun
            }
            return
        }
        switch lower {
        case "that":
            token.tag = thatTag(tokens, index)
            return
        case "who", "whom", "whose", "which":
            let previous = previousContent(tokens, index)
            token.tag = previous.map { $0.isNominal || $0.canBe(.noun) || $0.text == "," || $0.tag == .closeQuote || $0.tag == .preposition } ?? false
                ? .relative : .wh
            if lower == "which", previous?.tag == .preposition { token.tag = .relative }
            return
        case "what", "when", "where", "why", "how":
            token.tag = .wh
            if lower == "when" || lower == "where" {
                let previous = previousContent(tokens, index)
                if previous != nil, previous?.tag != .openQuote { token.tag = .subordinator }
            }
            return
        case "there":
            let next = index + 1 < tokens.count ? tokens[index + 1].lower : ""
            if words.auxiliaries[next]?.lemma == "be" || next == "'s" || words.auxiliaries[next]?.tense == .modal {
                token.tag = .existential
            } else {
                token.tag = .adverb
            }
            return
        case "to":
            token.tag = infinitiveFollows(tokens, index) ? .infinitive : .preposition
            return
        default:
            break
        }
        if words.determiners.contains(lower) {
            let previous = index > 0 ? tokens[index - 1] : nil
            if ["a", "an", "the"].contains(lower) {
                token.tag = .determiner
                return
            }
            // "the second half", "a nervous first half": a noun after a determiner or adjective.
            if let previous, previous.tag == .determiner || previous.tag == .adjective || previous.tag == .possessivePronoun,
               !lexicalReadings(lower).isEmpty {
                token.readings = lexicalReadings(lower)
                token.tag = .noun
                return
            }
            token.tag = determinerOrPronoun(tokens, index)
            return
        }
        if words.conjunctions.contains(lower) {
            let previous = index > 0 ? tokens[index - 1] : nil
            if lower == "yet", let previous, previous.tag == .negation || previous.tag == .auxiliary || previous.lower == "not" {
                token.tag = .adverb
                return
            }
            token.tag = .conjunction
            return
        }
        if lower == "so" {
            let next = index + 1 < tokens.count ? tokens[index + 1].lower : ""
            let nextReadings = lexicalReadings(next)
            let modifies = words.degreeWords.contains(next)
                || (!nextReadings.isEmpty && nextReadings.allSatisfy { $0.wordClass == .adjective || $0.wordClass == .adverb })
            token.tag = modifies || next.isEmpty || tokens[index + 1].kind == .punctuation ? .adverb : .subordinator
            return
        }
        if words.subordinators[lower] != nil && !words.prepositions.contains(lower) {
            token.tag = .subordinator
            return
        }
        if words.prepositions.contains(lower) {
            token.tag = .preposition
            return
        }
        assignOpenClass(&token, tokens, index, lower)
    }

    /// Readings and a first tag for a noun, verb, adjective, adverb or name.
    private func assignOpenClass(_ token: inout Token, _ tokens: [Token], _ index: Int, _ lower: String) {
        token.readings = readings(of: lower)
        if token.capitalized {
            let isAcronym = Self.isAcronym(token.text)
            let known = !token.readings.isEmpty
            // "Anna Lind" at the start of a sentence: a capitalised word before a name is part of it,
            // unless it is a role ("Mayor", "Substitute") or only an adjective ("Former").
            let nextIsName = token.initial && index + 1 < tokens.count && tokens[index + 1].capitalized && tokens[index + 1].kind == .word
                && names.contains(tokens[index + 1].text) && words.titles[lower] == nil && !words.honorifics.contains(lower)
                && !token.readings.allSatisfy { $0.wordClass == .adjective || $0.wordClass == .adverb }
                && !isPersonNoun(lower)
            let name = names.contains(token.text) || isAcronym || (token.initial && nextIsName)
            if !token.initial || !known || name {
                // Titles before a name stay common nouns so "Mayor Benedikt Orr" reads as title + name.
                if !(token.initial && words.titles[lower] != nil && !name) {
                    token.tag = .properNoun
                    token.lemma = token.text
                    return
                }
            }
        }
        if token.readings.isEmpty {
            token.readings = guessReadings(lower)
        }
        // The most frequent reading by WordNet's tagged senses; context decides later.
        let first = token.readings[mostFrequentReading(token.readings, lower)]
        token.tag = Self.tag(for: first.wordClass)
        token.lemma = first.lemma
        token.form = first.form
        if lower.hasSuffix("ly"), let adverb = token.reading(.adverb) {
            token.tag = .adverb
            token.lemma = adverb.lemma
            token.form = .base
        }
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

    /// The index of the reading with the most tagged senses (the first of equals), remembered per word.
    private func mostFrequentReading(_ readings: [Reading], _ lower: String) -> Int {
        guard readings.count > 1 else { return 0 }
        if let known = memo.best[lower] { return known }
        var best = 0
        var bestWeight = lexicon.taggedSenses(readings[0].lemma, as: readings[0].wordClass)
        for index in readings.indices.dropFirst() {
            let weight = lexicon.taggedSenses(readings[index].lemma, as: readings[index].wordClass)
            if weight > bestWeight {
                best = index
                bestWeight = weight
            }
        }
        memo.best[lower] = best
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

    private func previousContent(_ tokens: [Token], _ index: Int) -> Token? {
        var position = index - 1
        while position >= 0 {
            if tokens[position].tag != .adverb || tokens[position].kind != .word { return tokens[position] }
            position -= 1
        }
        return nil
    }

    private func previousContentToken(_ tokens: [Token], _ index: Int) -> Token? {
        var position = index - 1
        while position >= 0, tokens[position].tag == .adverb || tokens[position].tag == .negation { position -= 1 }
        return position >= 0 ? tokens[position] : nil
    }

    private func previousContentTag(_ tokens: [Token], _ index: Int) -> PartOfSpeech? {
        var position = index - 1
        while position >= 0, tokens[position].tag == .adverb || tokens[position].tag == .negation { position -= 1 }
        return position >= 0 ? tokens[position].tag : nil
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

    /// Noun, verb, adjective or adverb for an open-class word, from its neighbours.
    private func decide(
        _ tokens: inout [Token], _ index: Int, clauseHasVerb: Bool, subjectSeen: Bool, lastVerbForm: WordForm?,
        interruptionOpen: Bool
    ) {
        var token = tokens[index]
        defer { tokens[index] = token }
        let readings = token.readings
        func use(_ reading: Reading) {
            token.tag = Self.tag(for: reading.wordClass)
            token.lemma = reading.lemma
            token.form = reading.form
        }
        let verbReadings = readings.filter { $0.wordClass == .verb }
        let noun = token.reading(.noun)
        let adjective = token.reading(.adjective)
        let adverb = token.reading(.adverb)
        let previous = previousContent(tokens, index)
        let previousTag = previousContentTag(tokens, index)
        let next = index + 1 < tokens.count ? tokens[index + 1] : nil
        let nextCanBeNoun = next.map { $0.kind == .number || $0.tag == .properNoun || $0.canBe(.noun) || $0.canBe(.adjective) } ?? false
        func verb(_ forms: [WordForm]) -> Reading? { verbReadings.first { forms.contains($0.form) } }

        // ", the coastguard said." — a speech verb closing the sentence after its speaker.
        if let speech = verb([.past, .pastOrParticiple, .thirdPerson]), words.speechVerbs.contains(speech.lemma),
           [.noun, .properNoun, .pronoun].contains(previousTag ?? .punctuation),
           next == nil || [".", ",", "!", "?"].contains(next!.text) || next!.tag == .preposition {
            use(speech)
            if speech.form == .pastOrParticiple { token.form = .past }
            return
        }
        // '"... better than gravel," said Professor Elin Strand': a speech verb right after a quotation.
        if let speech = verb([.past, .pastOrParticiple, .thirdPerson]), words.speechVerbs.contains(speech.lemma),
           previousTag == .closeQuote {
            use(speech)
            if speech.form == .pastOrParticiple { token.form = .past }
            return
        }
        // Adverbs that are only adverbs, and -ly adverbs.
        if let adverb, readings.count == 1 || (token.lower.hasSuffix("ly") && adjective == nil) {
            use(adverb)
            return
        }
        // "will now pay", "has also said": between a modal or auxiliary and a verb, an adverb.
        if let adverb, previousTag == .modal || previousTag == .auxiliary,
           let next, next.readings.contains(where: { $0.wordClass == .verb }), !next.capitalized {
            use(adverb)
            return
        }
        switch previousTag {
        case .determiner, .possessivePronoun, .possessive, .number, .adjective:
            // Inside a noun group: adjective before a noun, else noun; participles act as adjectives.
            if previousTag == .number, let verb = verb([.past, .pastOrParticiple, .thirdPerson]), subjectSeen, !clauseHasVerb,
               noun == nil || next?.tag == .determiner || next?.kind == .number {
                use(verb)  // "About 620 people work" is handled by the noun; "Revenue rose 7.4 percent" never gets here.
                if verb.form == .pastOrParticiple { token.form = .past }  // "The club's eight won the regatta"
                return
            }
            // "the first round takes place": a noun ends the group before a finite verb.
            if let noun, !clauseHasVerb, let next, next.readings.contains(where: { $0.wordClass == .verb && [.thirdPerson, .past].contains($0.form) }),
               !next.capitalized, index + 2 < tokens.count, [.determiner, .noun, .preposition].contains(tokens[index + 2].tag) || tokens[index + 2].canBe(.noun) {
                use(noun)
                return
            }
            if let adjective, nextCanBeNoun || noun == nil {
                use(adjective)
                return
            }
            if let noun {
                if nextCanBeNoun, next?.canBe(.noun) == true, next?.tag != .properNoun, adjective == nil, noun.form == .base,
                   next?.reading(.noun) != nil {
                    use(noun)  // noun modifier: "tea set", "support beams"
                    return
                }
                use(noun)
                return
            }
            if let participle = verb([.pastOrParticiple, .pastParticiple, .gerund]) {
                token.tag = .adjective
                token.lemma = token.lower
                token.form = participle.form
                return
            }
        case .modal, .infinitive:
            if let base = verb([.base]) {
                use(base)
                return
            }
        case .auxiliary:
            let auxiliary = previousContentToken(tokens, index)?.lemma
            if auxiliary == "have", let participle = verb([.pastParticiple, .pastOrParticiple]) {
                use(participle)
                token.form = .pastParticiple
                return
            }
            if auxiliary == "be" {
                if let gerund = verb([.gerund]) {
                    use(gerund)
                    return
                }
                if let participle = verb([.pastParticiple, .pastOrParticiple]) {
                    use(participle)
                    token.form = .pastParticiple
                    return
                }
            }
            if auxiliary == "do", let base = verb([.base]) {
                use(base)
                return
            }
        case .pronoun, .properNoun, .noun, .relative, .closeQuote:
            // Right after a subject: a finite verb when the clause has none yet.
            if !clauseHasVerb, subjectSeen || previousTag == .relative || previousTag == .pronoun || previousTag == .properNoun {
                // "Rooftop gardens in Bergvik doubled the number": a plural noun, its phrase, then the verb.
                if previousTag == .noun || previousTag == .properNoun, let noun, noun.form == .plural, verb([.thirdPerson]) != nil,
                   pastAfterPhrase(tokens, after: index) {
                    use(noun)
                    return
                }
                let pluralSubject = previous.map { $0.form == .plural || words.pluralSubjectPronouns.contains($0.lower) } ?? false
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
                       let next, !next.capitalized,
                       next.readings.contains(where: { $0.wordClass == .verb && [.past, .pastOrParticiple].contains($0.form) }) {
                        let onlyVerb = next.readings.allSatisfy { $0.wordClass == .verb }
                        let modifier = previous.map { $0.tag == .noun && !isPersonNoun($0.lemma) } ?? false
                        pluralBeforePast = onlyVerb || modifier
                    }
                    let nextIsVerb = next.map { candidate in
                        candidate.tag == .auxiliary || candidate.tag == .modal
                            || (pluralBeforePast && !candidate.capitalized
                                && candidate.readings.contains { $0.wordClass == .verb && [.past, .pastOrParticiple].contains($0.form) })
                            || (candidate.readings.allSatisfy { $0.wordClass == .verb } && !candidate.readings.isEmpty
                                && candidate.readings.contains { [.past, .thirdPerson].contains($0.form) })
                            || (words.irregularPast[candidate.lower] != nil && !candidate.capitalized)
                    } ?? false
                    if !nextIsVerb || previousTag == .relative {
                        use(finite)
                        if finite.form == .pastOrParticiple { token.form = .past }
                        return
                    }
                }
                // A base form after a plural subject followed by an object: "shop owners say they".
                if let base = verb([.base]), let next, next.tag == .pronoun || next.tag == .determiner || next.tag == .complementizer {
                    use(base)
                    return
                }
            }
        case .conjunction:
            // Coordinated verbs: "... and build a wider crossing", "... and gave the pupils".
            if let lastVerbForm, let coordinated = verb(lastVerbForm == .base ? [.base] : [lastVerbForm, .past, .pastOrParticiple, .thirdPerson]),
               next.map({ ($0.canBe(.noun) && !$0.capitalized && noun == nil && coordinated.form != .base) || $0.tag == .determiner || $0.tag == .pronoun || $0.tag == .possessivePronoun || $0.tag == .properNoun || $0.kind == .number || $0.tag == .number || $0.tag == .preposition || $0.tag == .infinitive || $0.tag == .adverb }) ?? false {
                use(coordinated)
                if coordinated.form == .pastOrParticiple { token.form = .past }
                return
            }
        case .punctuation where previous?.text == "," || previous?.text == "–" || previous?.text == "—":
            // After a comma: a participle opens a phrase that another comma closes before the
            // main verb ("Kim, known for ..., beamed"); otherwise, with no verb yet, it is the verb.
            let participle = verb([.pastParticiple, .pastOrParticiple])
            // A base form only with an object or phrase after it, not before another noun ("league president").
            let baseAllowed = next.map { [.determiner, .pronoun, .possessivePronoun, .preposition, .adverb, .infinitive].contains($0.tag) } ?? false
            let finite = verb([.past, .pastOrParticiple, .thirdPerson]) ?? (baseAllowed ? verb([.base]) : nil)
            if let participle, clauseHasVerb || interruptionCloses(tokens, after: index) || finite == nil {
                use(participle)
                token.form = .pastParticiple
                return
            }
            if !clauseHasVerb, let finite {
                use(finite)
                if finite.form == .pastOrParticiple { token.form = .past }
                return
            }
            if let gerund = verb([.gerund]), noun == nil || next?.tag == .determiner || clauseHasVerb {
                use(gerund)
                return
            }
        default:
            break
        }
        // A role between a noun and a name: "Fire chief Erik Holm", "union official Selma Haug".
        if let noun, previousTag == .noun || previousTag == .properNoun, next?.tag == .properNoun {
            use(noun)
            return
        }
        // Defaults: a noun, else an adjective, else the first reading.
        let nextIsBareNoun = next.map { $0.kind == .word && $0.tag != .properNoun && !$0.capitalized && $0.canBe(.noun)
            && !words.determiners.contains($0.lower) && words.pronouns[$0.lower] == nil } ?? false
        if let participle = verb([.pastOrParticiple, .pastParticiple, .gerund]), nextIsBareNoun || next?.tag == .adjective,
           participle.form != .gerund || adjective != nil || previousTag == nil,
           previousTag == .preposition || previousTag == .conjunction || previousTag == nil || previousTag == .adjective {
            // "Sales of chilled ready meals", "frozen and chilled food", "Operating margin", "to operating profit".
            token.tag = .adjective
            token.lemma = token.lower
            token.form = participle.form
            return
        }
        if token.lower.hasSuffix("ing"), let gerund = verb([.gerund]), previousTag == .preposition || previousTag == nil {
            use(gerund)
            return
        }
        if let adjective, nextCanBeNoun, next?.tag != .preposition {
            use(adjective)
            return
        }
        if let noun {
            use(noun)
            return
        }
        if let adjective {
            use(adjective)
            return
        }
        use(readings[0])
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
