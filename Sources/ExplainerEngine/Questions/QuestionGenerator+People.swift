/// Who someone is: appositives ("Odile Varga, the city's chief engineer,"), names in apposition
/// to a description ("Her current apprentice, Jonas Pell,"), titles before names ("Kremlin aide
/// Yuri Ushakov"), "is" sentences about a person, relative clauses, and "known for".
extension QuestionGenerator {
    func peopleQuestions(_ clause: Clause) -> [CandidateQuestion] {
        let sentenceIndex = clause.sentence
        let sentence = analysis.sentences[sentenceIndex]
        let tokens = sentence.tokens
        var result: [CandidateQuestion] = []
        let subjectEntity = analysis.entity(of: clause.subject, in: sentenceIndex)
            ?? (tokens[clause.subject.head].tag == .pronoun ? analysis.referents[sentenceIndex]?[clause.subject.head]?.entity : nil)
        var isMain = false
        if case .main = clause.role { isMain = true }
        if case .joined = clause.role { isMain = true }
        // "said Kjell Amundsen, who owns the building, had ...": the narrative's description, inside a report.
        var isReported = false
        if case .reported = clause.role { isReported = true }

        for interruption in clause.interruptions
        where isMain || (isReported && !tokens[interruption.range].contains(where: \.quoted)) {
            switch interruption.kind {
            case .appositive:
                guard let group = interruption.group else { continue }
                if let entity = subjectEntity, clause.subjectPieces.count == 1 {
                    // NAME, DESCRIPTION,
                    guard analysis.entity(of: group, in: sentenceIndex) == nil, !tokens[group.range].allSatisfy({ $0.tag == .number }) else { continue }
                    if let candidate = whoIs(entity, description: interruption.range, sentence: sentenceIndex, score: 8.5) {
                        result.append(candidate)
                    }
                } else if subjectEntity == nil, let names = namedGroup(group, sentence: sentenceIndex) {
                    // DESCRIPTION, NAME(S),
                    let range = clause.subjectPieces[0]
                    if let candidate = whoAre(names, description: range, sentence: sentenceIndex, score: 8) {
                        result.append(candidate)
                    }
                }
            case .relative:
                // "Pedro Alves, who has run a bakery on Quay Lane for 19 years,": the relative clause, with the name.
                guard let entity = subjectEntity, analysis.entities[entity].kind == .person,
                      tokens[interruption.range.lowerBound].lower == "who", interruption.range.count >= 4,
                      let rest = phrase(sentenceIndex, (interruption.range.lowerBound + 1)..<interruption.range.upperBound, fullNames: true)
                else { continue }
                let name = analysis.entities[entity].name
                let question = "Who is \(name)?"
                var part = AnswerPart(text: "who " + rest, sentence: sentenceIndex)
                part.relativeTo = name
                result.append(CandidateQuestion(
                    kind: .who, question: question,
                    parts: [part],
                    sentence: sentenceIndex, score: 6, mergeKey: "who|e\(entity)", section: sentence.section))
            case .participle:
                // "Kim, known for his passion for cars,".
                guard let entity = subjectEntity, interruption.range.count >= 3,
                      tokens[interruption.range.lowerBound].lower == "known",
                      tokens[interruption.range.lowerBound + 1].lower == "for" else { continue }
                let name = analysis.entities[entity].name
                let answerRange = (interruption.range.lowerBound + 2)..<interruption.range.upperBound
                result.append(CandidateQuestion(
                    kind: .knownFor, question: "What is \(name) known for?",
                    parts: [AnswerPart(text: sentence.text(answerRange), sentence: sentenceIndex, range: answerRange)],
                    sentence: sentenceIndex, score: 7, mergeKey: "known|e\(entity)", section: sentence.section))
            default:
                continue
            }
        }

        // "She is the aunt of the assistant coach who was sent off."
        let main = tokens[clause.verb.main]
        if main.lemma == "be", main.tag == .auxiliary, clause.verb.auxiliaries.count == 1, clause.verb.negation == nil,
           let entity = subjectEntity, analysis.entities[entity].kind == .person, clause.subjectPieces.count == 1,
           let first = clause.complements.first, first.kind == .nounGroup, let group = first.group,
           tokens[group.range.lowerBound].tag == .determiner || tokens[group.range.lowerBound].tag == .possessivePronoun
            || tokens[group.range.lowerBound].tag == .properNoun,
           analysis.entity(of: group, in: sentenceIndex) == nil, !isVague(group, sentence: sentenceIndex) {
            let range = answerRange(clause, from: 0)
            if let candidate = whoIs(entity, description: range, sentence: sentenceIndex, score: 6.5) {
                result.append(candidate)
            }
        }
        return result
    }

    /// Titles before names anywhere in a sentence: "Kremlin aide Yuri Ushakov" → "A Kremlin aide."
    func titleQuestions(_ sentence: AnalyzedSentence) -> [CandidateQuestion] {
        var result: [CandidateQuestion] = []
        for mention in analysis.entities.mentions(in: sentence.index) {
            guard let title = mention.title, analysis.entities[mention.entity].kind == .person,
                  !sentence.tokens[mention.range].contains(where: \.quoted) else { continue }
            let tokens = sentence.tokens
            var words: [String] = []
            var unique = false
            var index = title.lowerBound
            while index < title.upperBound {
                let token = tokens[index]
                // The longest title phrase here: "chief financial officer", "vice president".
                var matched = false
                for length in stride(from: min(self.words.longestTitle, title.upperBound - index), through: 2, by: -1) {
                    let phrase = tokens[index..<(index + length)].map(\.lower).joined(separator: " ")
                    if let isUnique = self.words.titles[phrase] {
                        words += tokens[index..<(index + length)].map(\.lower)
                        unique = isUnique
                        index += length
                        matched = true
                        break
                    }
                }
                if matched { continue }
                if let isUnique = self.words.titles[token.lower] ?? self.words.titles[token.lemma] {
                    words.append(token.lower)
                    unique = isUnique
                } else {
                    words.append(token.tag == .properNoun ? token.text : token.lower)
                    if token.tag != .properNoun { unique = false }
                }
                index += 1
            }
            guard !words.isEmpty, words.last.map({ self.words.titles[$0] != nil || lexicon.nouns?.isPerson($0) == true }) == true
                    || self.words.titles[words.suffix(2).joined(separator: " ")] != nil else { continue }
            let phrase = words.joined(separator: " ")
            let article = unique ? "the" : (phrase.first.map { "aeiou".contains($0) } == true ? "an" : "a")
            let text = article + " " + phrase
            let name = analysis.entities[mention.entity].name
            result.append(CandidateQuestion(
                kind: .who, question: "Who is \(name)?",
                parts: [AnswerPart(text: text, sentence: sentence.index)],
                sentence: sentence.index, score: 7.5, mergeKey: "who|e\(mention.entity)", section: sentence.section))
        }
        return result
    }

    /// A source named with a description: "according to Lidia Marsh, the town's returning officer."
    /// → "Who is Lidia Marsh?"
    func sourceQuestions(_ sentence: AnalyzedSentence) -> [CandidateQuestion] {
        let tokens = sentence.tokens
        var result: [CandidateQuestion] = []
        for mention in analysis.entities.mentions(in: sentence.index) {
            let start = mention.range.lowerBound, end = mention.range.upperBound
            guard start >= 2, tokens[start - 1].lower == "to", tokens[start - 2].lower == "according",
                  analysis.entities[mention.entity].kind == .person, end + 1 < tokens.count, tokens[end].text == ",",
                  !tokens[mention.range].contains(where: \.quoted),
                  let group = NounGroupFinder(words: words).group(in: tokens, at: end + 1, limit: tokens.count),
                  // "the town's returning officer", "its chair", "Corvane's chief economist".
                  [.determiner, .possessivePronoun].contains(tokens[group.range.lowerBound].tag)
                    || tokens[group.range].contains(where: { $0.tag == .possessive }),
                  group.range.upperBound == tokens.count || [",", ".", ";"].contains(tokens[group.range.upperBound].text),
                  analysis.entity(of: group, in: sentence.index) == nil,
                  let candidate = whoIs(mention.entity, description: group.range, sentence: sentence.index, score: 7)
            else { continue }
            result.append(candidate)
        }
        return result
    }

    private func whoIs(_ entity: Int, description: Range<Int>, sentence: Int, score: Double) -> CandidateQuestion? {
        let kind = analysis.entities[entity].kind
        guard kind == .person || kind == .organisation || kind == .unknown else { return nil }
        guard let text = descriptionText(description, sentence: sentence) else { return nil }
        let name = analysis.entities[entity].name
        let wh = kind == .organisation ? "What" : "Who"
        return CandidateQuestion(
            kind: .who, question: "\(wh) is \(name)?", parts: [AnswerPart(text: text, sentence: sentence, range: nil)],
            sentence: sentence, score: kind == .organisation ? score - 2 : score, mergeKey: "who|e\(entity)",
            section: analysis.sentences[sentence].section)
    }

    private func whoAre(_ names: [Int], description: Range<Int>, sentence: Int, score: Double) -> CandidateQuestion? {
        guard let text = descriptionText(description, sentence: sentence) else { return nil }
        let joined = names.map { analysis.entities[$0].name }
        let list = joined.count == 1 ? joined[0] : joined.dropLast().joined(separator: ", ") + " and " + joined.last!
        let verb = names.count == 1 ? "is" : "are"
        return CandidateQuestion(
            kind: .who, question: "Who \(verb) \(list)?", parts: [AnswerPart(text: text, sentence: sentence, range: nil)],
            sentence: sentence, score: score, mergeKey: "who|" + names.map { "e\($0)" }.joined(separator: "+"),
            section: analysis.sentences[sentence].section)
    }

    /// A description for an answer: possessive pronouns made into names ("Her current apprentice"
    /// → "Hedda Strom's current apprentice"), the rest as written.
    private func descriptionText(_ range: Range<Int>, sentence: Int) -> String? {
        let tokens = analysis.sentences[sentence].tokens
        var start = range.lowerBound
        // "now Corvane's biggest product line" → without "now".
        while start < range.upperBound, tokens[start].tag == .adverb { start += 1 }
        guard start < range.upperBound else { return nil }
        if tokens[start].tag == .possessivePronoun {
            guard let ownerText = analysis.referents[sentence]?[start]?.text ?? itsOwner(start, sentence: sentence) else { return nil }
            let owner = ownerText.hasSuffix("s") ? ownerText + "'" : ownerText + "'s"
            let rest = analysis.sentences[sentence].text((start + 1)..<range.upperBound)
            return owner + " " + rest
        }
        return analysis.sentences[sentence].text(start..<range.upperBound)
    }

    /// What "its" at `token` refers to when the sentence before is about a thing or a body: its
    /// subject ("The tenants' association, which brought the case, welcomed the ruling. Its chair,
    /// Omar Haddad, said ..." → "the tenants' association"). Nil for anything else.
    private func itsOwner(_ token: Int, sentence: Int) -> String? {
        guard analysis.sentences[sentence].tokens[token].lower == "its", sentence > 0,
              analysis.sentences[sentence - 1].block == analysis.sentences[sentence].block - 1
                || analysis.sentences[sentence - 1].block == analysis.sentences[sentence].block,
              let clause = analysis.mainClause(sentence - 1), clause.subjectPieces.count == 1 else { return nil }
        let tokens = analysis.sentences[sentence - 1].tokens
        let head = tokens[clause.subject.head]
        // Not a person ("The mayor ... Its" would be odd English anyway); a body or a thing.
        guard head.tag == .noun, head.form != .plural, !words.humanNouns.contains(head.lower),
              lexicon.nouns?.lexicalFile(of: head.lemma) != WordNetNouns.LexicalFile.person.rawValue,
              tokens[clause.subject.range.lowerBound].lower == "the", !tokens[clause.subject.range].contains(where: \.quoted)
        else { return nil }
        return "the " + analysis.sentences[sentence - 1].text((clause.subject.range.lowerBound + 1)..<clause.subject.coreEnd)
    }

    /// The people a noun group names: "Jonas Pell", "Henrik Soll and Amara Quist".
    func namedGroup(_ group: NounGroup, sentence: Int) -> [Int]? {
        let tokens = analysis.sentences[sentence].tokens
        var names: [Int] = []
        var index = group.range.lowerBound
        while index < group.range.upperBound {
            if let mention = analysis.entities.mention(sentence: sentence, token: index) {
                guard analysis.entities[mention.entity].kind == .person || analysis.entities[mention.entity].kind == .unknown else { return nil }
                names.append(mention.entity)
                index = mention.range.upperBound
                continue
            }
            guard tokens[index].lower == "and" || tokens[index].text == "," else { return nil }
            index += 1
        }
        return names.isEmpty ? nil : names
    }
}
