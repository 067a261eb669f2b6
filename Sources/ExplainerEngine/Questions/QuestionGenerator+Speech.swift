/// What people said: direct quotations with their speakers, reported speech ("said the city
/// should have waited"), findings ("found that ..."), and concern ("officials are concerned that ...").
extension QuestionGenerator {
    func speechQuestions(_ clause: Clause) -> [CandidateQuestion] {
        let sentenceIndex = clause.sentence
        let sentence = analysis.sentences[sentenceIndex]
        let tokens = sentence.tokens
        let main = tokens[clause.verb.main]
        guard let subject = subject(clause) else { return [] }
        var result: [CandidateQuestion] = []

        // Reported speech and findings: "X said (that) CLAUSE", "researchers found that CLAUSE".
        if main.tag == .verb, words.reportingVerbs.contains(main.lemma),
           let complementIndex = clause.complements.firstIndex(where: { $0.kind == .complement }) {
            let complement = clause.complements[complementIndex]
            let objects = clause.complements[..<complementIndex].filter { $0.kind == .nounGroup }
            var pieces = ["what"]
            if let (auxiliary, rest) = inverted(clause, plural: subject.plural) {
                pieces += [auxiliary, subject.text] + rest
                // "told the council that ..." → "What did Odile Varga tell the council?"
                if main.lemma == "tell", let object = objects.first, let text = phrase(sentenceIndex, object.range) {
                    if !words.audienceNouns.contains(text.lowercased()) { pieces.append(text) }
                }
                if let question = assemble(pieces), complement.range.count >= 3 {
                    let isSaying = words.sayingVerbs.contains(main.lemma)
                    let key = isSaying ? "say|\(subjectKey(subject))" : "q|" + question.lowercased()
                    let text = sentence.text(complement.range)
                    result.append(CandidateQuestion(
                        kind: .reported, question: question,
                        parts: [AnswerPart(text: text, sentence: sentenceIndex, range: complement.range)],
                        sentence: sentenceIndex, score: isSaying ? (subject.referent?.entity != nil || subject.plural ? 6.5 : 5.5) : 6.5,
                        mergeKey: key, section: sentence.section))
                }
            }
        }

        // Concern: "officials are concerned that ...", "shop owners fear losing their customers".
        let concernToken: Token? = main.lemma == "be" ? clause.complements.first.map { tokens[$0.range.lowerBound] }
            : (main.form == .pastParticiple && clause.verb.auxiliaries.count == 1 ? main : nil)
        if let adjective = concernToken, let preposition = words.concernWords[adjective.lower],
           let be = clause.verb.auxiliaries.first, tokens[be].lemma == "be",
           let complement = clause.complements.first(where: { $0.kind == .complement }) {
            let verbWord = agree(tokens[be], plural: subject.plural)
            if let question = assemble(["what", verbWord, subject.text, adjective.lower, preposition]) {
                result.append(CandidateQuestion(
                    kind: .concern, question: question,
                    parts: [AnswerPart(text: sentence.text(complement.range), sentence: sentenceIndex, range: complement.range)],
                    sentence: sentenceIndex, score: 7.5, mergeKey: nil, section: sentence.section))
            }
        }
        if words.fearVerbs.contains(main.lemma), main.tag == .verb, !clause.verb.auxiliaries.contains(where: { tokens[$0].lemma == "be" }),
           let first = clause.complements.first,
           first.kind == .complement || first.kind == .infinitive || first.kind == .nounGroup,
           let (auxiliary, rest) = inverted(clause, plural: subject.plural),
           let question = assemble(["what", auxiliary, subject.text] + rest) {
            let range = answerRange(clause, from: 0)
            result.append(CandidateQuestion(kind: .concern, question: question, parts: [part(clause, range)],
                                            sentence: sentenceIndex, score: 7, mergeKey: nil, section: sentence.section))
        }
        return result
    }

    /// "What did Mike Pence say about the agreement?" for each attributed quotation.
    func quotationQuestions() -> [CandidateQuestion] {
        var result: [CandidateQuestion] = []
        for quotation in analysis.quotations {
            guard let first = quotation.pieces.first else { continue }
            let speaker: String
            let key: String
            if let entity = quotation.speaker {
                guard analysis.entities[entity].kind != .place else { continue }
                speaker = analysis.entities[entity].name
                key = "e\(entity)"
            } else if let text = quotation.speakerText {
                let lower = text.lowercased()
                guard !lower.hasPrefix("a ") && !lower.hasPrefix("an ") && !lower.hasPrefix("one ") else { continue }
                speaker = text.prefix(1).lowercased() == text.prefix(1) || text.hasPrefix("The ") ? text.prefix(1).lowercased() + text.dropFirst() : text
                key = lower
            } else {
                continue
            }
            let auxiliary = quotation.present ? (speaker.contains(" and ") ? "do" : "does") : "did"
            var pieces = ["what", auxiliary, speaker, "say"]
            if let topic = topic(of: quotation) { pieces += ["about", topic] }
            guard let question = assemble(pieces) else { continue }
            let text = quotationText(quotation)
            result.append(CandidateQuestion(
                kind: .quote, question: question,
                parts: [AnswerPart(text: text, sentence: first.sentence, range: nil, isQuotation: true)],
                sentence: first.sentence, score: 7, mergeKey: "say|\(key)",
                section: analysis.sentences[first.sentence].section))
        }
        return result
    }

    /// The quotation as it reads, each quoted stretch closed with a full stop: “... need patches.”
    func quotationText(_ quotation: Quotation) -> String {
        var spans: [String] = []
        var words = 0
        for piece in quotation.pieces {
            let sentence = analysis.sentences[piece.sentence]
            let text = sentence.text(piece.range)
            words += ArticleAnalysis.countWords(text)
            if words > 70, !spans.isEmpty { break }
            // A closing ," or ,” becomes ." / .”
            var bytes = Array(text.utf8)
            let count = bytes.count
            if count >= 2, bytes[count - 1] == 0x22, bytes[count - 2] == 0x2C {
                bytes[count - 2] = 0x2E
                spans.append(String(decoding: bytes, as: UTF8.self))
            } else if count >= 4, bytes[count - 3] == 0xE2, bytes[count - 2] == 0x80, bytes[count - 1] == 0x9D || bytes[count - 1] == 0x99,
                      bytes[count - 4] == 0x2C {
                bytes[count - 4] = 0x2E
                spans.append(String(decoding: bytes, as: UTF8.self))
            } else {
                spans.append(text)
            }
        }
        return spans.joined(separator: " ")
    }

    /// What a quotation is about: a definite subject or object of its first clauses ("this bridge" → "the bridge").
    private func topic(of quotation: Quotation) -> String? {
        if let topic = clauseTopic(of: quotation) { return topic }
        // A definite noun group opening a quoted sentence: "The agreement between ... promising ...".
        let finder = NounGroupFinder(words: words)
        for piece in quotation.pieces.prefix(2) {
            let tokens = analysis.sentences[piece.sentence].tokens
            var start = piece.range.lowerBound
            while start < piece.range.upperBound, tokens[start].kind == .quote { start += 1 }
            guard start < piece.range.upperBound, tokens[start].lower == "the",
                  let group = finder.group(in: tokens, at: start, limit: piece.range.upperBound),
                  tokens[group.head].tag == .noun, !words.vagueNouns.contains(tokens[group.head].lower),
                  group.coreEnd - start <= 4 else { continue }
            let text = analysis.sentences[piece.sentence].text(span(start + 1, group.coreEnd))
            return "the " + text.prefix(1).lowercased() + text.dropFirst()
        }
        return nil
    }

    private func clauseTopic(of quotation: Quotation) -> String? {
        let parser = ClauseParser(words: words)
        for piece in quotation.pieces.prefix(2) {
            let sentence = analysis.sentences[piece.sentence]
            let tokens = sentence.tokens
            let clauses = parser.parse(tokens: tokens, sentence: piece.sentence, range: piece.range)
            for clause in clauses.prefix(2) where piece.range.contains(clause.subject.head) {
                var candidates: [NounGroup] = [clause.subject]
                if let object = clause.complements.first, object.kind == .nounGroup, let group = object.group,
                   tokens[clause.verb.main].lemma != "be" {
                    candidates.append(group)
                }
                for group in candidates {
                    let first = tokens[group.range.lowerBound]
                    guard first.lower == "the" || words.demonstratives.contains(first.lower), group.range.count <= 6,
                          tokens[group.head].tag == .noun, !words.vagueNouns.contains(tokens[group.head].lower),
                          !tokens[group.range].contains(where: { $0.tag == .possessivePronoun || $0.tag == .number }),
                          mentionedOutsideQuotes(tokens[group.head].lemma)
                              || (group == clause.subject && !words.demonstratives.contains(first.lower))
                    else { continue }
                    let core = span(group.range.lowerBound + 1, group.coreEnd)
                    let text = sentence.text(core)
                    guard !text.isEmpty else { continue }
                    return "the " + (tokens[core.lowerBound].tag == .properNoun ? text : text.prefix(1).lowercased() + text.dropFirst())
                }
            }
        }
        return nil
    }

    private func mentionedOutsideQuotes(_ lemma: String) -> Bool {
        narrativeNouns.contains(lemma)
    }
}
