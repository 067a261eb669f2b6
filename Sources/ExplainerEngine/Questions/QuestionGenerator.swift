import Foundation

/// The sixth stage: questions a reader would ask, each with the parts of the article that answer it.
///
/// Every rule works on the clauses of the article: the questions the article asks itself,
/// interview lines, subheads that are questions, who someone is (appositives, titles, "is"),
/// what someone gave, did or said, when, where, how long, how much, how many and why, and the
/// standard "What happened?" and "What happens next?". A rule that cannot render its question
/// as clean English — an unresolved pronoun, a vague subject, too many words — proposes nothing.
struct QuestionGenerator {
    let analysis: ArticleAnalysis
    var words: WordLists { analysis.words }
    var lexicon: Lexicon { analysis.lexicon }
    /// Lemmas of the nouns the article uses outside quotations.
    let narrativeNouns: WordSet
    /// Subjects already rendered, by clause (one generator serves one article on one thread).
    private let memo = SubjectMemo()

    private final class SubjectMemo {
        struct Key: Hashable {
            var sentence: Int
            var subject: Int
            var verb: Int
        }
        var subjects: [Key: (text: String, plural: Bool, referent: Referent?)?] = [:]
    }

    init(analysis: ArticleAnalysis) {
        self.analysis = analysis
        var nouns = WordSet()
        for sentence in analysis.sentences where sentence.blockKind != .subhead {
            let tokens = sentence.tokens
            for index in tokens.indices where !tokens[index].quoted && tokens[index].tag == .noun { nouns.insert(tokens[index].lemma) }
        }
        self.narrativeNouns = nouns
    }

    /// Every candidate, in story order, before ranking and merging.
    func candidates() -> [CandidateQuestion] {
        var result: [CandidateQuestion] = []
        result += articleQuestions()
        for sentence in analysis.sentences where sentence.blockKind != .subhead && !sentence.isQuestion {
            for (index, clause) in analysis.clauses[sentence.index].enumerated() {
                guard !analysis.sentences[sentence.index].tokens[clause.verb.main].quoted else { continue }
                var fromClause = statementQuestions(clause, index: index)
                fromClause += peopleQuestions(clause)
                fromClause += circumstanceQuestions(clause)
                fromClause += speechQuestions(clause)
                for candidate in fromClause {
                    var tagged = candidate
                    tagged.clauseRole = clause.role
                    result.append(tagged)
                }
            }
            result += titleQuestions(sentence)
            result += sourceQuestions(sentence)
        }
        result += quotationQuestions()
        return result.sorted { ($0.sentence, -$0.score) < ($1.sentence, -$1.score) }
    }

    // MARK: Rendering phrases

    /// The text of `range` for use inside a question: pronouns replaced by what they refer to,
    /// short names by full names, "this"/"these" by "the", a sentence-initial capital lowered.
    ///
    /// Nil when the phrase holds a pronoun that refers to nothing known. A possessive pronoun
    /// that refers to `keep` (the question's own subject) stays ("the company gave its staff").
    func phrase(_ sentenceIndex: Int, _ range: Range<Int>, keep: Referent? = nil, fullNames: Bool = true) -> String? {
        let sentence = analysis.sentences[sentenceIndex]
        let tokens = sentence.tokens
        guard !range.isEmpty else { return nil }
        var output = ""
        var index = range.lowerBound
        while index < range.upperBound {
            let token = tokens[index]
            if index > range.lowerBound {
                output += sentence.text[tokens[index - 1].range.upperBound..<token.range.lowerBound]
            }
            var piece = token.text
            switch token.tag {
            case .pronoun, .possessivePronoun:
                if let features = words.pronouns[token.lower] {
                    if features.grammaticalCase == .reflexive {
                        break
                    }
                    let referent = analysis.referents[sentenceIndex]?[index]
                    let isPossessive = token.tag == .possessivePronoun
                    if let referent {
                        // A noun group's text in mid-question starts lowercase: "the company's".
                        var name = referent.text
                        if referent.entity == nil, let first = name.split(separator: " ").first,
                           words.determiners.contains(first.lowercased()) {
                            name = name.prefix(1).lowercased() + name.dropFirst()
                        }
                        if isPossessive, let keep, keep.text.lowercased() == referent.text.lowercased(), features.person == 3 {
                            piece = token.lower
                        } else if isPossessive {
                            piece = name.hasSuffix("s") ? name + "'" : name + "'s"
                        } else {
                            piece = name
                        }
                    } else if words.demonstratives.contains(token.lower) {
                        return nil
                    } else if features.person == 3 || features.person == 1 || features.person == 2 {
                        if words.indefinitePronouns.contains(token.lower) {
                            piece = token.lower
                        } else {
                            return nil
                        }
                    }
                } else if words.demonstratives.contains(token.lower) {
                    return nil
                }
            case .determiner where words.demonstratives.contains(token.lower):
                piece = "the"
            case .properNoun:
                // A person's short name becomes the full one ("Kim" → "Kim Jong-un"); other names stay as written.
                if fullNames, let mention = analysis.entities.mention(sentence: sentenceIndex, token: index),
                   analysis.entities[mention.entity].kind == .person,
                   mention.range.lowerBound == index, mention.range.upperBound <= range.upperBound {
                    let name = analysis.entities[mention.entity].name
                    let written = sentence.text(mention.range)
                    if name.count > written.count, name.contains(written) {
                        piece = name
                        // Skip the rest of the written name; "Corvane's" of "Corvane Foods" is "Corvane Foods'".
                        index = mention.range.upperBound
                        if name.hasSuffix("s"), index < range.upperBound, tokens[index].tag == .possessive, tokens[index].lower == "'s" {
                            piece += "'"
                            index += 1
                        }
                        output += piece
                        continue
                    }
                }
            default:
                break
            }
            if index == range.lowerBound, token.initial || index == 0, token.tag != .properNoun, !(token.lower == "i"),
               piece == token.text, !isAcronym(token.text) {
                piece = piece.prefix(1).lowercased() + piece.dropFirst()
            }
            output += piece
            index += 1
        }
        return output
    }

    func isYearToken(_ token: Token) -> Bool {
        token.tag == .number && token.text.count == 4 && token.value.map { $0 >= 1900 && $0 <= 2100 } == true
    }

    func isAcronym(_ text: String) -> Bool {
        text.count >= 2 && text.allSatisfy { $0.isUppercase || $0 == "." || $0 == "-" || $0.isNumber }
    }

    /// The subject of a clause for a question: a full name, a resolved pronoun, or its words
    /// without the interruptions ("Putin and Kim Jong-un").
    func subject(_ clause: Clause) -> (text: String, plural: Bool, referent: Referent?)? {
        let key = SubjectMemo.Key(sentence: clause.sentence, subject: clause.subject.range.lowerBound, verb: clause.verb.main)
        if let known = memo.subjects[key] { return known }
        let result = renderSubject(clause)
        memo.subjects[key] = result
        return result
    }

    private func renderSubject(_ clause: Clause) -> (text: String, plural: Bool, referent: Referent?)? {
        let sentence = clause.sentence
        let tokens = analysis.sentences[sentence].tokens
        let head = tokens[clause.subject.head]
        if head.tag == .existential { return nil }
        // A description with a name in apposition: "Her current apprentice, Jonas Pell, says".
        if let appositive = clause.interruptions.first(where: { $0.kind == .appositive }), let group = appositive.group,
           analysis.entity(of: clause.subject, in: sentence) == nil, let names = namedGroup(group, sentence: sentence),
           names.allSatisfy({ analysis.entities[$0].kind == .person }) {
            let parts = names.map { analysis.entities[$0].name }
            let text = parts.count == 1 ? parts[0] : parts.dropLast().joined(separator: ", ") + " and " + parts.last!
            return (text, parts.count > 1, Referent(entity: parts.count == 1 ? names[0] : nil, text: text, plural: parts.count > 1))
        }
        if clause.subjectPieces.count > 1 {
            var parts: [String] = []
            for piece in clause.subjectPieces {
                guard let text = phrase(sentence, piece) else { return nil }
                parts.append(text)
            }
            let text = parts.joined(separator: " and ")
            return (text, true, Referent(entity: nil, text: text, plural: true))
        }
        if head.tag == .pronoun {
            guard let referent = analysis.referents[sentence]?[clause.subject.head] else { return nil }
            let plural = referent.plural || (referent.entity == nil && words.pronouns[head.lower]?.plural == true)
            return (referent.text, plural, referent)
        }
        if let entity = analysis.entity(of: clause.subject, in: sentence) {
            let name = analysis.entities[entity].name
            // Keep a determiner the article uses with the name ("the Calderport City Council").
            let written = phrase(sentence, clause.subjectPieces[0]) ?? name
            let text = written.lowercased().hasPrefix("the ") ? written : name
            return (text, false, Referent(entity: entity, text: name))
        }
        guard let text = phrase(sentence, clause.subjectPieces[0]) else { return nil }
        if isVague(clause.subject, sentence: sentence) { return nil }
        let groupTokens = tokens[clause.subject.range]
        let plural = head.form == .plural || groupTokens.contains { $0.tag == .conjunction && $0.lower == "and" }
            || groupTokens.contains { $0.tag == .number && ($0.value ?? 2) > 1 && !isYearToken($0) }
        return (text, plural, Referent(entity: nil, text: text, plural: plural))
    }

    /// A noun group too vague to ask about: "the thing", "some", "the other half".
    func isVague(_ group: NounGroup, sentence: Int) -> Bool {
        let tokens = analysis.sentences[sentence].tokens
        let head = tokens[group.head]
        if head.tag == .pronoun, analysis.referents[sentence]?[group.head] == nil { return true }
        if words.vagueNouns.contains(head.lower), group.range.count <= 2 { return true }
        if head.tag == .determiner || (head.tag == .adjective && group.range.count <= 2) { return true }
        return false
    }

    /// Auxiliary first, then the rest of the verb group: "did" + ["gift"], "is" + ["believed", "to", "be", "supplying"].
    func inverted(_ clause: Clause, plural: Bool) -> (auxiliary: String, rest: [String])? {
        let tokens = analysis.sentences[clause.sentence].tokens
        let verb = clause.verb
        let main = tokens[verb.main]
        var rest: [String] = []
        var auxiliary: String
        let hasVerbAfterAuxiliary = main.tag == .verb
        if let have = verb.haveTo, !verb.auxiliaries.contains(where: { $0 < have }) {
            // "has to reach" → "does ... have to reach".
            auxiliary = tokens[have].form == .past ? "did" : (plural ? "do" : "does")
            if verb.negation != nil { rest.append("not") }
            rest += ["have", "to"]
            for index in verb.range where index > have + 1 {
                let token = tokens[index]
                if [.auxiliary, .modal, .verb].contains(token.tag) { rest.append(token.tag == .verb ? token.text : normalizedAuxiliary(token)) }
            }
        } else if verb.auxiliaries.isEmpty, let inherited = verb.inheritedAuxiliary {
            auxiliary = agree(tokens[inherited], plural: plural)
            if verb.negation != nil { rest.append("not") }
            rest.append(main.lemma)
        } else if let first = verb.auxiliaries.first, hasVerbAfterAuxiliary || verb.auxiliaries.count > 1 || tokens[first].lemma == "be"
            || tokens[first].tag == .modal {
            // The article's own agreement stands ("Linden Vale were"), unless a pronoun was replaced by a name.
            let replaced = tokens[clause.subject.head].tag == .pronoun
            auxiliary = replaced ? agree(tokens[first], plural: plural) : normalizedAuxiliary(tokens[first])
            for index in verb.range where index != first {
                let token = tokens[index]
                switch token.tag {
                case .auxiliary, .modal, .verb, .infinitive, .adjective:
                    rest.append(token.tag == .modal || token.tag == .auxiliary ? normalizedAuxiliary(token) : token.text)
                case .negation:
                    rest.insert("not", at: 0)
                default:
                    break
                }
            }
        } else if main.tag == .auxiliary {
            // "have" or "do" as the main verb: do-support.
            auxiliary = main.form == .past ? "did" : (plural ? "do" : "does")
            rest = [main.lemma]
            if verb.negation != nil { rest.insert("not", at: 0) }
        } else {
            switch main.form {
            case .past, .pastOrParticiple, .pastParticiple: auxiliary = "did"
            default: auxiliary = plural ? "do" : "does"
            }
            if verb.negation != nil { rest.append("not") }
            rest.append(main.lemma)
        }
        if let particle = verb.particle { rest.append(tokens[particle].text) }
        return (auxiliary, rest)
    }

    /// An auxiliary made to agree with a third-person subject: am → is, have → has, do → does.
    func agree(_ token: Token, plural: Bool) -> String {
        let word = normalizedAuxiliary(token)
        switch (token.lemma, token.form) {
        case ("be", .past): return plural ? "were" : "was"
        case ("be", _) where token.tag == .auxiliary && (word == "am" || word == "is" || word == "are"): return plural ? "are" : "is"
        case ("have", _) where word == "have" || word == "has": return plural ? "have" : "has"
        case ("do", _) where word == "do" || word == "does": return plural ? "do" : "does"
        default: return word
        }
    }

    func normalizedAuxiliary(_ token: Token) -> String {
        switch token.lower {
        case "'ll": return "will"
        case "'d": return "would"
        case "'m": return "am"
        case "'re": return "are"
        case "'ve": return "have"
        case "'s": return token.lemma == "have" ? "has" : "is"
        case "ca": return "can"
        case "wo": return "will"
        default: return token.lower
        }
    }

    /// Complements kept in a question's body: objects, particles and non-time prepositional
    /// phrases before anything that would be an answer of its own.
    func body(_ clause: Clause, excluding excluded: Set<Int> = [], keepInfinitive: Bool = true, keepTime: Bool = false) -> [String]? {
        let tokens = analysis.sentences[clause.sentence].tokens
        let keep = subject(clause)?.referent
        var droppedAmount = false
        var parts: [String] = []
        var afterAdjunct = false
        for (index, complement) in clause.complements.enumerated() {
            if excluded.contains(index) { continue }
            if case .prepositional = complement.kind {} else { afterAdjunct = false }
            switch complement.kind {
            case _ where complement.afterComma:
                return parts
            case .nounGroup:
                guard let text = phrase(clause.sentence, complement.range, keep: keep) else { return nil }
                if !keepTime, let group = complement.group, isTimeGroup(group, sentence: clause.sentence) { continue }
                parts.append(text)
            case .prepositional(let preposition):
                // "after two years of delays and a long fight over the budget": a phrase right after a
                // left-out adjunct belongs to it.
                if afterAdjunct { continue }
                if words.adjunctPrepositions.contains(preposition) {
                    afterAdjunct = true
                    continue
                }
                // "with" belongs to verbs like "present X with Y"; elsewhere it is an adjunct.
                if preposition == "with", !(index > 0 && clause.complements[index - 1].kind == .nounGroup
                    && words.givingVerbs.contains(tokens[clause.verb.main].lemma)) { continue }
                if !keepTime, let group = complement.group, isTimeGroup(group, sentence: clause.sentence) {
                    afterAdjunct = true
                    continue
                }
                if let group = complement.group, isAmount(group, sentence: clause.sentence) {
                    droppedAmount = true
                    continue
                }
                guard let text = phrase(clause.sentence, complement.range, keep: keep) else { return nil }
                parts.append(text)
            case .infinitive where keepInfinitive:
                guard let text = phrase(clause.sentence, complement.range, keep: keep) else { return nil }
                parts.append(text)
            case .time where keepTime && !droppedAmount:
                guard let text = phrase(clause.sentence, complement.range) else { return nil }
                parts.append(text)
            case .adverb, .time:
                continue
            case .other:
                // A stranded particle belongs to the verb phrase: "come from a goal down".
                if complement.range.count == 1, words.particles.contains(tokens[complement.range.lowerBound].lower) {
                    parts.append(tokens[complement.range.lowerBound].text)
                    continue
                }
                return parts
            default:
                // Everything after a clause boundary belongs to other questions.
                return parts
            }
        }
        return parts
    }

    /// A noun group that names a time: "Wednesday", "last month", "the following year", "2026".
    func isTimeGroup(_ group: NounGroup, sentence: Int) -> Bool {
        let tokens = analysis.sentences[sentence].tokens
        // "Tuesday night", "the following year" — not "a quiz night".
        let core = tokens[group.range.lowerBound..<group.coreEnd]
        if core.contains(where: { ($0.tag == .noun || $0.tag == .properNoun) && !words.isTimeWord($0) }) { return false }
        return core.contains { words.isTimeWord($0) }
            && (words.isTimeWord(tokens[group.head]) || tokens[group.head].tag == .number || words.timeNouns[tokens[group.head].lemma] != nil)
    }

    /// Assembles a question from words, capitalising the first and checking its length.
    func assemble(_ pieces: [String], maxWords: Int = 20) -> String? {
        // Bytes: the pieces joined by spaces, with no space before a comma.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(96)
        for piece in pieces where !piece.isEmpty {
            if !bytes.isEmpty { bytes.append(0x20) }
            for byte in piece.utf8 {
                if byte == 0x2C, bytes.last == 0x20 { bytes.removeLast() }
                bytes.append(byte)
            }
        }
        let count = ArticleAnalysis.countWords(bytes: bytes)
        guard count >= 2, count <= maxWords else { return nil }
        while let last = bytes.last, last == 0x2C || last == 0x3B || last == 0x3A || last == 0x2E { bytes.removeLast() }
        bytes.append(0x3F)
        if let first = bytes.first, first >= 0x61, first <= 0x7A {
            bytes[0] = first - 0x20
        } else if let first = bytes.first, first >= 0x80 {
            let text = String(decoding: bytes, as: UTF8.self)
            return text.prefix(1).uppercased() + text.dropFirst()
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Answer text from a constituent to the next boundary (a reason, another clause, the attribution).
    func answerRange(_ clause: Clause, from index: Int, through stopKinds: (Constituent.Kind) -> Bool = ClauseStops.isStop) -> Range<Int> {
        let start = clause.complements[index].range.lowerBound
        var end = clause.complements[index].range.upperBound
        for complement in clause.complements[(index + 1)...] {
            if stopKinds(complement.kind) { break }
            end = complement.range.upperBound
        }
        if let attribution = clause.attribution { end = min(end, max(start + 1, attribution.lowerBound - 1)) }
        return start..<min(end, clause.end)
    }

    func part(_ clause: Clause, _ range: Range<Int>) -> AnswerPart {
        AnswerPart(text: analysis.sentences[clause.sentence].text(range), sentence: clause.sentence, range: range)
    }

    /// Content words of a text (lowercase), for checks that a question does not give its answer away.
    func contentWords(_ text: String) -> Set<String> {
        Set(text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init).filter { $0.count > 3 })
    }
}

/// `start..<end`, or an empty range at `start` when `end` comes before it.
func span(_ start: Int, _ end: Int) -> Range<Int> {
    start..<max(start, end)
}

/// Which constituents end an answer that starts earlier in the clause.
enum ClauseStops {
    static func isStop(_ kind: Constituent.Kind) -> Bool {
        switch kind {
        case .reason, .purpose, .coordinatedVerb, .coordinatedClause, .subordinate, .complement, .colon, .quote: true
        default: false
        }
    }
}
