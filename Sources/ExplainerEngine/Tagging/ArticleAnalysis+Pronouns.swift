/// Pronoun resolution: he, she, they and its to the last compatible name, or to nothing.
///
/// For he/she/him/her/his the candidates, in order, are the subject of the pronoun's own clause
/// (or of the clause that reports it), the subject of the previous sentence, and the last
/// person named in the three sentences before; a gender learned from an earlier pronoun must
/// agree. They/them/their go to a plural subject of the same or the previous sentence; "its"
/// to a subject that is not a person. "I" in an interview answer and "you" in an interview
/// question are the interviewee. Anything else stays unresolved, and questions that would need
/// it are dropped.
extension ArticleAnalysis {
    mutating func resolvePronouns() {
        var previousSubject: Referent?
        var previousObject: Referent?
        var recentPersons: [(entity: Int, sentence: Int)] = []
        for sentence in sentences where sentence.blockKind != .subhead {
            let index = sentence.index
            let tokens = sentence.tokens
            var resolved: [Int: Referent] = [:]
            for tokenIndex in tokens.indices {
                if let mention = entities.mention(sentence: index, token: tokenIndex), mention.range.lowerBound == tokenIndex,
                   entities[mention.entity].kind == .person || entities[mention.entity].kind == .unknown, !tokens[tokenIndex].quoted {
                    recentPersons.append((mention.entity, index))
                }
                let token = tokens[tokenIndex]
                guard token.tag == .pronoun || token.tag == .possessivePronoun, let features = words.pronouns[token.lower] else { continue }
                if token.quoted { continue }
                if features.person == 1, sentence.blockKind == .interviewAnswer, let interviewee {
                    resolved[tokenIndex] = Referent(entity: interviewee, text: entities[interviewee].name)
                    recentPersons.append((interviewee, index))
                    continue
                }
                if features.person == 2, sentence.blockKind == .interviewQuestion, let interviewee {
                    resolved[tokenIndex] = Referent(entity: interviewee, text: entities[interviewee].name)
                    recentPersons.append((interviewee, index))
                    continue
                }
                guard features.person == 3 else { continue }
                let subjects = clauseSubjects(for: tokenIndex, in: index)
                switch features.gender {
                case .male, .female:
                    func compatible(_ entity: Int) -> Bool {
                        let candidate = entities[entity]
                        return (candidate.kind == .person || candidate.kind == .unknown)
                            && (candidate.gender == nil || candidate.gender == features.gender)
                    }
                    var choice: Int?
                    for subject in subjects {
                        if let entity = subject.entity, compatible(entity) { choice = entity; break }
                    }
                    if choice == nil, let entity = previousSubject?.entity, compatible(entity) { choice = entity }
                    // Someone already known to be "she" (or "he") beats someone whose gender is unknown.
                    if choice == nil,
                       let known = recentPersons.last(where: { index - $0.sentence <= 4 && entities[$0.entity].gender == features.gender }) {
                        choice = known.entity
                    }
                    if choice == nil,
                       let recent = recentPersons.last(where: { index - $0.sentence <= 3 && compatible($0.entity) }) {
                        choice = recent.entity
                    }
                    if let choice {
                        entities.learnGender(choice, features.gender)
                        resolved[tokenIndex] = Referent(entity: choice, text: entities[choice].name)
                        recentPersons.append((choice, index))
                    }
                case .any where features.plural == true:
                    if let subject = subjects.first(where: \.plural) {
                        resolved[tokenIndex] = subject
                    } else if let previousSubject, previousSubject.plural, subjects.isEmpty || !subjects.contains(where: { !$0.plural && $0.entity == nil }) {
                        resolved[tokenIndex] = previousSubject
                    }
                case .neuter where token.lower == "it" && tokenIndex == (mainClause(index)?.subject.head ?? -1):
                    // "I light the furnace at six. It has to reach ...": the thing the person acted on.
                    if let previousObject { resolved[tokenIndex] = previousObject }
                case .neuter where token.lower == "it":
                    // "Tellus Software said on Wednesday it would cut 300 jobs": a body speaking of itself.
                    let reportedSubject = clauses[index].contains { clause in
                        if case .reported = clause.role { return clause.subject.head == tokenIndex }
                        return false
                    }
                    if reportedSubject, let main = mainClause(index), let speaker = subjectReferent(main, sentence: index),
                       let entity = speaker.entity, entities[entity].kind == .organisation {
                        resolved[tokenIndex] = speaker
                    }
                case .neuter where token.lower == "its":
                    if let subject = subjects.first(where: { !$0.plural && ($0.entity.map { entities[$0].kind != .person } ?? true) }) {
                        resolved[tokenIndex] = subject
                    } else if let previousSubject, let entity = previousSubject.entity, entities[entity].kind == .organisation {
                        resolved[tokenIndex] = previousSubject
                    }
                default:
                    break
                }
            }
            if !resolved.isEmpty { referents[index] = resolved }
            if let main = mainClause(index), !tokens[main.subject.head].quoted {
                previousSubject = subjectReferent(main, sentence: index) ?? previousSubject
                previousObject = objectReferent(main, sentence: index)
            } else {
                previousObject = nil
            }
        }
    }

    /// The subjects that could be antecedents for a pronoun at `token`: its clause's subject
    /// (when the pronoun is not inside it) and the subjects of the clauses that contain that one.
    private func clauseSubjects(for token: Int, in sentence: Int) -> [Referent] {
        let here = clauses[sentence]
        var result: [Referent] = []
        // The innermost clause whose span holds the token.
        guard let position = here.indices.last(where: { index in
            let clause = here[index]
            return clause.subject.range.lowerBound <= token && token < clause.end
        }) else { return [] }
        var current: Int? = position
        var steps = 0
        while let index = current, steps < 4 {
            steps += 1
            let clause = here[index]
            if !clause.subject.range.contains(token) || clause.verb.range.lowerBound <= token,
               !clause.subjectPieces.contains(where: { $0.contains(token) }),
               let referent = subjectReferent(clause, sentence: sentence) {
                result.append(referent)
            }
            switch clause.role {
            case .reported(let parent), .coordinated(let parent), .relative(let parent), .joined(let parent), .subordinate(let parent):
                current = parent
            case .main:
                current = nil
            }
        }
        return result
    }

    /// The one thing a person acted on in a clause ("I light the furnace at six" → "the furnace"),
    /// when the clause has exactly one such object.
    private func objectReferent(_ clause: Clause, sentence: Int) -> Referent? {
        let tokens = sentences[sentence].tokens
        let subjectIsPerson = tokens[clause.subject.head].tag == .pronoun
            ? (words.pronouns[tokens[clause.subject.head].lower]?.gender ?? .neuter) != .neuter
            : entity(of: clause.subject, in: sentence).map { entities[$0].kind == .person } ?? false
        guard subjectIsPerson, tokens[clause.verb.main].tag == .verb else { return nil }
        let objects = clause.complements.compactMap { $0.kind == .nounGroup ? $0.group : nil }
            .filter { !words.isTimeWord(tokens[$0.head]) && tokens[$0.head].tag == .noun && tokens[$0.head].form != .plural }
        guard objects.count == 1, let object = objects.first, object.coreEnd - object.range.lowerBound <= 3,
              tokens[object.range.lowerBound].tag == .determiner else { return nil }
        let core = (object.range.lowerBound + 1)..<object.coreEnd
        guard !core.isEmpty else { return nil }
        return Referent(entity: nil, text: "the " + sentences[sentence].text(core))
    }

    /// The subject of a clause as a referent: a name, a resolved pronoun, or a noun group's text.
    func subjectReferent(_ clause: Clause, sentence: Int) -> Referent? {
        let tokens = sentences[sentence].tokens
        let head = tokens[clause.subject.head]
        if head.tag == .existential { return nil }
        if clause.subjectPieces.count > 1 {
            let parts = clause.subjectPieces.map { piece -> String in
                if let group = NounGroupFinder(words: words).group(in: tokens, at: piece.lowerBound, limit: piece.upperBound),
                   let entity = entity(of: group, in: sentence) {
                    return entities[entity].name
                }
                return sentences[sentence].text(piece)
            }
            return Referent(entity: nil, text: parts.joined(separator: " and "), plural: true)
        }
        if head.tag == .pronoun {
            return referents[sentence]?[clause.subject.head]
        }
        if let entity = entity(of: clause.subject, in: sentence) {
            return Referent(entity: entity, text: entities[entity].name, plural: false)
        }
        // Coordinated names inside one group: "Henrik Soll and Amara Quist".
        let groupTokens = tokens[clause.subject.range]
        let plural = head.form == .plural || groupTokens.contains(where: { $0.tag == .conjunction })
        if groupTokens.contains(where: { $0.tag == .pronoun || $0.tag == .possessivePronoun }) { return nil }
        let range = clause.subjectPieces.first ?? clause.subject.range
        var text = sentences[sentence].text(range)
        // "Wild bees pollinate ... Their numbers": the capital was the sentence's, not the words'.
        if range.lowerBound == 0, tokens[0].tag != .properNoun, !Tagger.isAcronym(tokens[0].text), let first = text.first {
            text = first.lowercased() + text.dropFirst()
        }
        return Referent(entity: nil, text: text, plural: plural)
    }
}
