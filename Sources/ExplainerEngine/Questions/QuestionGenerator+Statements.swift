/// Questions about what the clause says happened: objects (with do-support and the verb's base
/// form), what someone gave whom, who did it, what something is, what someone set out to do.
extension QuestionGenerator {
    func statementQuestions(_ clause: Clause, index: Int) -> [CandidateQuestion] {
        let sentence = analysis.sentences[clause.sentence]
        let tokens = sentence.tokens
        let main = tokens[clause.verb.main]
        var result: [CandidateQuestion] = []
        guard let subject = subject(clause) else { return [] }
        // A clause inside a reason or time adjunct is context, not news of its own; a place's ", where
        // volunteers gave evacuees blankets," is news.
        if case .subordinate(let parent) = clause.role {
            let opener = analysis.clauses[clause.sentence][parent].complements.first { complement in
                complement.kind == .subordinate("where") && complement.range.contains(clause.subject.range.lowerBound)
            }
            guard let opener, opener.range.lowerBound > 0, tokens[opener.range.lowerBound - 1].text == "," else { return [] }
        }
        let isBe = main.lemma == "be"
        let passive = isBe == false && clause.verb.auxiliaries.contains { tokens[$0].lemma == "be" } && main.form == .pastParticiple
        let reporting = words.reportingVerbs.contains(main.lemma) && clause.complements.contains { $0.kind == .complement }

        // Objects: the complements right after the verb (adverbs and time words may come between).
        let objectIndices = clause.complements.indices.prefix { clause.complements[$0].kind != .coordinatedVerb }
            .filter { clause.complements[$0].kind == .nounGroup }
        let firstComplement = clause.complements.firstIndex { $0.kind != .adverb }

        // "About 2,400 people use the line": the count is the news, asked by "How many".
        let countSubject = NounGroupFinder(words: words).numberModifierLength(tokens, at: clause.subject.range.lowerBound, end: clause.subject.range.upperBound) > 0
            || tokens[clause.subject.range.lowerBound].tag == .number
        if main.tag == .verb, !isBe, !passive, !reporting, !countSubject, let first = firstComplement, clause.complements[first].kind == .nounGroup,
           let object = clause.complements[first].group {
            let objectTokens = tokens[object.range]
            let objectIsTime = isTimeGroup(object, sentence: clause.sentence)
            let objectIsAmount = objectTokens.contains { $0.tag == .number }
            // Ditransitive: "gifted Kim a dagger", "awarded the city a grant".
            let second = objectIndices.first { $0 > first && $0 == first + 1 }
            let toRecipient = clause.complements.indices.first { index in
                index == first + 1 && clause.complements[index].kind == .prepositional("to")
            }
            let dayOff = second.map { index in
                index + 1 < clause.complements.count && tokens[clause.complements[index + 1].range.lowerBound].lower == "off"
            } ?? false
            if words.givingVerbs.contains(main.lemma), let second, let thing = clause.complements[second].group,
               !isTimeGroup(thing, sentence: clause.sentence) || dayOff,
               let recipient = phrase(clause.sentence, object.range, keep: subject.referent),
               let (auxiliary, rest) = inverted(clause, plural: subject.plural),
               let question = assemble(["what", auxiliary, subject.text] + rest + [recipient]) {
                let range = answerRange(clause, from: second)
                let key = "give|\(subjectKey(subject))|\(main.lemma)|\(groupKey(object, sentence: clause.sentence))"
                result.append(CandidateQuestion(kind: .giving, question: question, parts: [givingPart(clause, range)],
                                                sentence: clause.sentence, score: 8, mergeKey: key, section: sentence.section))
            } else if words.givingVerbs.contains(main.lemma), let toRecipient, let recipientGroup = clause.complements[toRecipient].group,
                      let recipient = phrase(clause.sentence, recipientGroup.range, keep: subject.referent),
                      let (auxiliary, rest) = inverted(clause, plural: subject.plural),
                      let question = assemble(["what", auxiliary, subject.text] + rest + [recipient]) {
                // "gifted one of the luxury cars to Kim".
                let key = "give|\(subjectKey(subject))|\(main.lemma)|\(groupKey(recipientGroup, sentence: clause.sentence))"
                result.append(CandidateQuestion(kind: .giving, question: question, parts: [givingPart(clause, object.range)],
                                                sentence: clause.sentence, score: 8, mergeKey: key, section: sentence.section))
            } else if words.controlVerbs.contains(main.lemma), first + 1 < clause.complements.count, clause.complements[first + 1].kind == .infinitive,
                      tokens[clause.complements[first + 1].range.lowerBound].tag == .infinitive,
                      let objectText = phrase(clause.sentence, object.range, keep: subject.referent),
                      let (auxiliary, rest) = inverted(clause, plural: subject.plural),
                      let question = assemble(["what", auxiliary, subject.text] + rest + [objectText, "to", "do"]) {
                // "asked city staff to set up a fund" → "What did the council ask city staff to do?"
                let range = answerRange(clause, from: first + 1)
                result.append(CandidateQuestion(kind: .infinitive, question: question, parts: [part(clause, range)],
                                                sentence: clause.sentence, score: 5.5, mergeKey: nil, section: sentence.section))
            } else if !objectIsTime, !objectIsAmount || (objectTokens.count > 3 && !words.changeVerbs.contains(main.lemma) && main.lemma != "cost"),
                      !words.namingVerbs.contains(main.lemma),
                      !isVague(object, sentence: clause.sentence),
                      contentCount(answerRange(clause, from: first), sentence: clause.sentence) >= 2 || objectTokens.contains(where: { $0.quoted }),
                      let (auxiliary, rest) = inverted(clause, plural: subject.plural) {
                // "What did the council approve?" — a person object asks "Who".
                let objectEntity = analysis.entity(of: object, in: clause.sentence)
                let wh = objectEntity.map { analysis.entities[$0].kind == .person } == true ? "who" : "what"
                var asked = [wh, auxiliary, subject.text] + rest
                var range = answerRange(clause, from: first)
                // "brought the blaze under control", "carried 300 models to safety": a bare phrase after the
                // object belongs to the verb, so the question keeps it and the answer is the object.
                if first + 1 < clause.complements.count, case .prepositional(let preposition) = clause.complements[first + 1].kind,
                   let bare = clause.complements[first + 1].group, bare.range.count == 1, tokens[bare.head].tag == .noun,
                   tokens[bare.head].form != .plural, !isTimeGroup(bare, sentence: clause.sentence),
                   // "expects the recall to cost": "to" before a word that can be a verb may be an infinitive.
                   preposition != "to" || !tokens[bare.head].readings.contains(where: { $0.wordClass == .verb }) {
                    asked += [preposition, tokens[bare.head].lower]
                    range = object.range
                }
                if let question = assemble(asked) {
                    let light = words.lightVerbs.contains(main.lemma)
                    let substantial = contentCount(object, sentence: clause.sentence) >= 2 || objectTokens.contains(where: \.quoted)
                    result.append(CandidateQuestion(kind: .object, question: question, parts: [part(clause, range)],
                                                    sentence: clause.sentence, score: light ? 3.5 : (substantial ? 5.5 : 5), mergeKey: "object|\(question)",
                                                    section: sentence.section))
                }
            }
        }

        // What someone set out to do: "voted 7-2 to demolish ...", "plan to have a tea party".
        if main.tag == .verb, !isBe, !passive, clause.verb.raising.isEmpty, words.infinitiveVerbs.contains(main.lemma),
           let infinitive = clause.complements.firstIndex(where: { $0.kind == .infinitive }),
           clause.complements[..<infinitive].allSatisfy({ [.adverb, .time].contains($0.kind) || isScore($0, clause) || $0.kind == .prepositional("on") }),
           tokens[clause.complements[infinitive].range.lowerBound].tag == .infinitive,
           let (auxiliary, rest) = inverted(clause, plural: subject.plural),
           let question = assemble(["what", auxiliary, subject.text] + rest + ["to", "do"]) {
            let range = answerRange(clause, from: infinitive)
            result.append(CandidateQuestion(kind: .infinitive, question: question, parts: [part(clause, range)],
                                            sentence: clause.sentence, score: 5.5, mergeKey: nil, section: sentence.section))
        }

        // How a vote went: "voted 7-2".
        if main.lemma == "vote", let score = clause.complements.firstIndex(where: { isScore($0, clause) }),
           let (auxiliary, rest) = inverted(clause, plural: subject.plural),
           let question = assemble(["how", auxiliary, subject.text] + rest) {
            let range = answerRange(clause, from: score)
            result.append(CandidateQuestion(kind: .howMany, question: question, parts: [part(clause, range)],
                                            sentence: clause.sentence, score: 6.5, mergeKey: nil, section: sentence.section))
        }

        // What something is: "The Aurus limousine is the newest addition to Kim's collection".
        if isBe, clause.verb.auxiliaries.count == 1, clause.verb.raising.isEmpty, clause.verb.negation == nil,
           let first = firstComplement, clause.complements[first].kind == .nounGroup, let complement = clause.complements[first].group,
           tokens[clause.subject.head].tag != .pronoun, analysis.entity(of: clause.subject, in: clause.sentence) == nil,
           tokens[clause.subject.range.lowerBound].tag == .determiner || tokens[clause.subject.range.lowerBound].tag == .properNoun,
           !isVague(complement, sentence: clause.sentence), contentCount(complement, sentence: clause.sentence) >= 2,
           !tokens[complement.range].contains(where: { $0.tag == .number }) {
            let verbWord = agree(tokens[clause.verb.main], plural: subject.plural)
            if let question = assemble(["what", verbWord, subject.text]) {
                let range = answerRange(clause, from: first)
                result.append(CandidateQuestion(kind: .what, question: question, parts: [part(clause, range)],
                                                sentence: clause.sentence, score: 5, mergeKey: "what|\(subject.text.lowercased())",
                                                section: sentence.section))
            }
        }

        // Who did it: "Who won the Ferrow & District Regional Cup?".
        if case .main = clause.role, main.tag == .verb, !isBe, !passive, !reporting, clause.verb.raising.isEmpty,
           tokens[clause.subject.head].tag != .pronoun,
           let kind = analysis.entity(of: clause.subject, in: clause.sentence).map({ analysis.entities[$0].kind })
            ?? possessorKind(clause.subject, sentence: clause.sentence), clause.subjectPieces.count == 1,
           main.form == .past || main.form == .thirdPerson || !clause.verb.auxiliaries.isEmpty
            || (main.form == .base && lexicon.pastTense(of: main.lemma) == main.lower && !subject.plural),  // "Penn cut the ribbon"
           let first = firstComplement, clause.complements[first].kind == .nounGroup, let object = clause.complements[first].group,
           // "Who opened its new wing?" would give the answer away.
           !tokens[object.range].contains(where: { $0.tag == .possessivePronoun }),
           !(first + 1 < clause.complements.count && clause.complements[first + 1].kind == .nounGroup),
           analysis.entity(of: object, in: clause.sentence) == nil || words.givingVerbs.contains(main.lemma) == false,
           !isTimeGroup(object, sentence: clause.sentence), contentCount(object, sentence: clause.sentence) >= 2,
           let objectText = phrase(clause.sentence, object.range) {
            let wh = kind == .person || kind == .organisation || kind == .unknown ? "who" : "what"
            var verbWords: [String] = []
            for index in clause.verb.range where tokens[index].tag != .adverb {
                verbWords.append(tokens[index].tag == .negation ? "not" : tokens[index].lower)
            }
            if let particle = clause.verb.particle { verbWords.append(tokens[particle].text) }
            if let question = assemble([wh] + verbWords + [objectText]) {
                var parts = [AnswerPart(text: sentence.text(clause.subjectPieces[0]), sentence: clause.sentence, range: clause.subject.range)]
                // "..., beating Linden Vale 3-1": the participle phrase says how.
                if let participle = clause.complements.first(where: { $0.kind == .participle }),
                   clause.complements.prefix(while: { $0.kind != .participle }).allSatisfy({ [.nounGroup, .prepositional("for"), .prepositional("in"), .prepositional("on"), .prepositional("at"), .time, .adverb].contains($0.kind) }) {
                    parts[0].text += ", " + sentence.text(participle.range)
                    parts[0].range = nil
                }
                result.append(CandidateQuestion(kind: .subject, question: question, parts: parts, sentence: clause.sentence,
                                                score: clause.sentence < 4 ? 5.5 : 3.5, mergeKey: nil, section: sentence.section))
            }
        }

        // Passive with an agent: "The plan was approved by the council" → "Who approved the plan?".
        if passive, let agent = clause.complements.firstIndex(where: { $0.kind == .prepositional("by") }),
           let group = clause.complements[agent].group, !isTimeGroup(group, sentence: clause.sentence),
           clause.verb.raising.isEmpty, let auxiliary = clause.verb.auxiliaries.first {
            let past = tokens[auxiliary].form == .past
            let verbWord = past ? lexicon.pastTense(of: main.lemma) : lexicon.thirdPerson(of: main.lemma)
            let entity = analysis.entity(of: group, in: clause.sentence)
            let wh = entity.map { ![.place, .event].contains(analysis.entities[$0].kind) } ?? isHuman(tokens[group.head]) ? "who" : "what"
            if tokens[auxiliary].tag == .auxiliary, clause.verb.auxiliaries.count == 1,
               let question = assemble([wh, verbWord, subject.text]) {
                let range = group.range
                result.append(CandidateQuestion(kind: .passive, question: question, parts: [part(clause, range)],
                                                sentence: clause.sentence, score: 4.5, mergeKey: nil, section: sentence.section))
            }
        }
        return result
    }

    /// "one of the luxury cars" → the hyponym named earlier ("a Russian-built Aurus limousine"), else as written.
    private func givingPart(_ clause: Clause, _ range: Range<Int>) -> AnswerPart {
        let sentence = analysis.sentences[clause.sentence]
        let tokens = sentence.tokens
        var result = part(clause, range)
        guard range.count >= 4, tokens[range.lowerBound].lower == "one", tokens[range.lowerBound + 1].lower == "of",
              let nouns = lexicon.nouns else { return result }
        let finder = NounGroupFinder(words: words)
        guard let group = finder.group(in: tokens, at: range.lowerBound + 2, limit: range.upperBound) else { return result }
        let kind = tokens[group.head].lemma
        // The nearest earlier noun group in this sentence or the one before whose head is that kind of thing.
        for sentenceIndex in stride(from: clause.sentence, through: max(0, clause.sentence - 1), by: -1) {
            let candidateTokens = analysis.sentences[sentenceIndex].tokens
            let limit = sentenceIndex == clause.sentence ? range.lowerBound : candidateTokens.count
            var index = limit - 1
            while index >= 0 {
                let token = candidateTokens[index]
                if token.tag == .noun, token.lemma != kind, nouns.isKind(token.lemma, of: kind) {
                    var start = index
                    while start > 0, [.determiner, .adjective, .properNoun, .noun, .number].contains(candidateTokens[start - 1].tag) { start -= 1 }
                    // The text names the thing; the range still marks the words answered, for overlaps.
                    result.text = analysis.sentences[sentenceIndex].text(start..<(index + 1))
                    return result
                }
                index -= 1
            }
        }
        return result
    }

    /// The kind of the name owning a group headed by a number: "The Lindvik Rowing Club's eight"
    /// (a crew) is asked about as the club is.
    func possessorKind(_ group: NounGroup, sentence: Int) -> Entity.Kind? {
        let tokens = analysis.sentences[sentence].tokens
        guard tokens[group.head].tag == .number, group.head > group.range.lowerBound + 1,
              tokens[group.head - 1].tag == .possessive,
              let owner = analysis.entities.entity(sentence: sentence, token: group.head - 2) else { return nil }
        return analysis.entities[owner].kind
    }

    /// People and groups of people ("officials", "the board") are asked about with "who".
    func isHuman(_ token: Token) -> Bool {
        if words.humanNouns.contains(token.lower) { return true }
        guard let file = lexicon.nouns?.lexicalFile(of: token.lemma) else { return false }
        return file == WordNetNouns.LexicalFile.person.rawValue || file == WordNetNouns.LexicalFile.group.rawValue
    }

    func isScore(_ complement: Constituent, _ clause: Clause) -> Bool {
        guard complement.range.count == 1 else { return false }
        let token = analysis.sentences[clause.sentence].tokens[complement.range.lowerBound]
        return token.tag == .number && token.text.contains("-")
    }

    /// Nouns, names, adjectives and numbers in a group.
    func contentCount(_ group: NounGroup, sentence: Int) -> Int {
        contentCount(group.range, sentence: sentence)
    }

    /// Nouns, names, adjectives and numbers in a stretch of a sentence.
    func contentCount(_ range: Range<Int>, sentence: Int) -> Int {
        analysis.sentences[sentence].tokens[range].filter {
            [.noun, .properNoun, .adjective, .number].contains($0.tag) && !words.vagueNouns.contains($0.lower)
        }.count
    }

    func subjectKey(_ subject: (text: String, plural: Bool, referent: Referent?)) -> String {
        if let entity = subject.referent?.entity { return "e\(entity)" }
        return subject.text.lowercased()
    }

    func groupKey(_ group: NounGroup, sentence: Int) -> String {
        if let entity = analysis.entity(of: group, in: sentence) { return "e\(entity)" }
        if let mention = analysis.entities.mention(sentence: sentence, token: group.head) { return "e\(mention.entity)" }
        return analysis.sentences[sentence].text(group.range).lowercased()
    }
}
