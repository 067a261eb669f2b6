import Foundation

/// Questions the article's own structure gives: questions it asks and answers itself, interview
/// lines, subheads that are questions, "What happened?" and "What happens next?".
extension QuestionGenerator {
    func articleQuestions() -> [CandidateQuestion] {
        var result: [CandidateQuestion] = []
        result += selfAskedQuestions()
        result += interviewQuestions()
        result += subheadQuestions()
        if let happened = happenedQuestion() { result.append(happened) }
        if let next = nextQuestion(), !result.contains(where: { $0.question == next.question }) { result.append(next) }
        return result
    }

    // MARK: Questions the article asks itself

    private func selfAskedQuestions() -> [CandidateQuestion] {
        var result: [CandidateQuestion] = []
        for sentence in analysis.sentences where sentence.blockKind == .paragraph || sentence.blockKind == .listItem {
            guard sentence.isQuestion, !sentence.isMostlyQuoted, let first = sentence.tokens.first,
                  words.questionOpeners.contains(first.lower), sentence.tokens.count >= 4 else { continue }
            let next = sentence.index + 1
            guard next < analysis.sentences.count, analysis.sentences[next].block == sentence.block,
                  !analysis.sentences[next].isQuestion else { continue }
            let answer = analysis.sentences[next].text
            result.append(CandidateQuestion(
                kind: .selfAsked, question: sentence.text, parts: [AnswerPart(text: answer, sentence: next, range: nil)],
                sentence: sentence.index, score: 10, mergeKey: selfAskedKey(sentence), section: sentence.section))
        }
        return result
    }

    /// The key a generated question with the same meaning would have: "What did Putin gift ... Kim Jong-un?"
    /// → the giving key of Putin, gift, Kim Jong-un.
    private func selfAskedKey(_ sentence: AnalyzedSentence) -> String? {
        let tokens = sentence.tokens
        guard tokens.count >= 5, tokens[0].lower == "what", tokens[1].tag == .auxiliary, tokens[1].lemma == "do" else { return nil }
        let finder = NounGroupFinder(words: words)
        guard let subject = finder.group(in: tokens, at: 2) else { return nil }
        let verbIndex = subject.range.upperBound
        guard verbIndex < tokens.count, tokens[verbIndex].tag == .verb || lexicon.verbLemma(of: tokens[verbIndex].lower) != nil else { return nil }
        let lemma = tokens[verbIndex].tag == .verb ? tokens[verbIndex].lemma : lexicon.verbLemma(of: tokens[verbIndex].lower)!
        guard words.givingVerbs.contains(lemma), let recipient = finder.group(in: tokens, at: verbIndex + 1) else { return nil }
        let subjectKey = analysis.entity(of: subject, in: sentence.index).map { "e\($0)" }
            ?? analysis.entities.entity(sentence: sentence.index, token: subject.head).map { "e\($0)" }
            ?? sentence.text(subject.range).lowercased()
        return "give|\(subjectKey)|\(lemma)|\(groupKey(recipient, sentence: sentence.index))"
    }

    // MARK: Interviews

    private func interviewQuestions() -> [CandidateQuestion] {
        guard analysis.structure.isInterview else { return [] }
        var result: [CandidateQuestion] = []
        let blocks = analysis.structure.blocks
        for (blockIndex, block) in blocks.enumerated() where block.kind == .interviewQuestion {
            guard blockIndex + 1 < blocks.count, blocks[blockIndex + 1].kind == .interviewAnswer else { continue }
            let sentenceIndices = analysis.blockSentences[blockIndex]
            let answerIndices = analysis.blockSentences[blockIndex + 1]
            guard let last = sentenceIndices.last, let firstAnswer = answerIndices.first else { continue }
            let questionSentence = analysis.sentences[last]
            guard questionSentence.isQuestion, let question = interviewQuestion(questionSentence, context: sentenceIndices.dropLast().last)
            else { continue }
            let answer = answerIndices.map { analysis.sentences[$0].text }.joined(separator: " ")
            result.append(CandidateQuestion(
                kind: .interview, question: question, parts: [AnswerPart(text: answer, sentence: firstAnswer, range: nil)],
                sentence: last, score: 9, mergeKey: nil, section: questionSentence.section))
        }
        return result
    }

    /// An interviewer's question in the third person: "How many apprentices have you trained?" →
    /// "How many apprentices has Hedda Strom trained?"; "You changed the furnace. Why?" → "Why did
    /// Hedda Strom change the furnace?"; "... the story behind that?" → "... behind the twelve goblets?".
    private func interviewQuestion(_ sentence: AnalyzedSentence, context: Int?) -> String? {
        let tokens = sentence.tokens
        guard let first = tokens.first, words.questionOpeners.contains(first.lower) else { return nil }
        // "Why?" after a statement: ask why of the statement.
        if tokens.count <= 3, let context, let clause = analysis.mainClause(context), let subject = subject(clause),
           let (auxiliary, rest) = inverted(clause, plural: subject.plural) {
            let start = (clause.verb.particle ?? clause.verb.main) + 1
            var end = analysis.sentences[context].tokens.count
            while end > start, analysis.sentences[context].tokens[end - 1].kind == .punctuation { end -= 1 }
            let remainder = end > start ? phrase(context, start..<end, keep: subject.referent) : ""
            guard let remainder else { return nil }
            return assemble([first.lower, auxiliary, subject.text] + rest + [remainder], maxWords: 22)
        }
        var output: [String] = []
        var index = 0
        let interviewee = analysis.interviewee.map { analysis.entities[$0] }
        while index < tokens.count {
            let token = tokens[index]
            if token.text == "?" { break }
            if words.demonstratives.contains(token.lower), token.tag == .pronoun {
                guard let context, let object = contextObject(context) else { return nil }
                output.append(object)
                index += 1
                continue
            }
            if token.tag == .pronoun || token.tag == .possessivePronoun, let features = words.pronouns[token.lower] {
                if features.person == 2 {
                    guard let interviewee else { return nil }
                    output.append(token.tag == .possessivePronoun ? interviewee.possessive : interviewee.name)
                    index += 1
                    continue
                }
                if token.lower == "it" || words.demonstratives.contains(token.lower), let context, let object = contextObject(context) {
                    output.append(object)
                    index += 1
                    continue
                }
                if features.person == 3, features.gender != .any || token.lower == "it" || token.lower == "that" {
                    return nil
                }
            }
            if token.tag == .auxiliary, index + 1 < tokens.count, words.pronouns[tokens[index + 1].lower]?.person == 2 {
                output.append(agree(token, plural: false))
                index += 1
                continue
            }
            // "you have" → "Hedda Strom has"; but in "will you do", "do" is the main verb and stays.
            if token.tag == .auxiliary, index > 0, words.pronouns[tokens[index - 1].lower]?.person == 2,
               !(index > 1 && (tokens[index - 2].tag == .auxiliary || tokens[index - 2].tag == .modal)) {
                output.append(agree(token, plural: false))
                index += 1
                continue
            }
            // "you tell" → "Hedda Strom tells" after do-support needs no change; a bare present verb after "you" does.
            if token.tag == .verb, token.form == .base, index > 0, words.pronouns[tokens[index - 1].lower]?.person == 2,
               !(index > 1 && (tokens[index - 2].tag == .auxiliary || tokens[index - 2].tag == .modal)) {
                output.append(lexicon.thirdPerson(of: token.lemma))
                index += 1
                continue
            }
            output.append(index == 0 ? token.text : token.text)
            index += 1
        }
        var text = output.joined(separator: " ")
        for mark in [" ,", " ’s", " 's", " n't", " ’"] { text = text.replacingOccurrences(of: mark, with: mark.trimmingCharacters(in: .whitespaces)) }
        return assemble([text], maxWords: 22)
    }

    /// The thing an interviewer's statement is about: its last object, made definite ("the twelve goblets").
    private func contextObject(_ sentence: Int) -> String? {
        guard let clause = analysis.mainClause(sentence),
              let object = clause.complements.last(where: { $0.kind == .nounGroup && $0.group.map { !isTimeGroup($0, sentence: sentence) } == true }),
              let group = object.group else { return nil }
        let tokens = analysis.sentences[sentence].tokens
        var start = group.range.lowerBound
        // "a set of twelve goblets" → "the twelve goblets" (the group after "set of" when the head is a container).
        if tokens[start].lower == "a" || tokens[start].lower == "an" { start += 1 }
        if start + 2 < group.range.upperBound, tokens[start + 1].lower == "of", words.containerNouns.contains(tokens[start].lower) {
            start += 2
        }
        guard let text = phrase(sentence, start..<group.range.upperBound) else { return nil }
        return "the " + text
    }

    // MARK: Subheads

    /// "How the study worked" → "How did the study work?"; "What comes next" → "What comes next?".
    private func subheadQuestions() -> [CandidateQuestion] {
        var result: [CandidateQuestion] = []
        let blocks = analysis.structure.blocks
        for (blockIndex, block) in blocks.enumerated() where block.kind == .subhead {
            guard let sentenceIndex = analysis.blockSentences[blockIndex].first else { continue }
            let tokens = analysis.sentences[sentenceIndex].tokens
            guard let first = tokens.first, words.whWords.contains(first.lower), tokens.count >= 2 else { continue }
            guard let question = subheadQuestion(tokens) else { continue }
            // The answer: the section's first paragraph (with its list, when it introduces one).
            var answerBlocks: [Int] = []
            var skipSentences = 0
            var index = blockIndex + 1
            while index < blocks.count, blocks[index].kind != .subhead {
                // A paragraph that opens with a question the article answers itself: what comes after.
                if answerBlocks.isEmpty, let opening = analysis.blockSentences[index].first, analysis.sentences[opening].isQuestion {
                    if analysis.blockSentences[index].count > 2 {
                        skipSentences = 2
                        answerBlocks.append(index)
                        break
                    }
                    index += 1
                    continue
                }
                if answerBlocks.isEmpty {
                    answerBlocks.append(index)
                } else if blocks[index].kind == .listItem, blocks[index].listIntro == answerBlocks.first {
                    answerBlocks.append(index)
                } else {
                    break
                }
                index += 1
            }
            guard let firstBlock = answerBlocks.first,
                  let firstSentence = analysis.blockSentences[firstBlock].dropFirst(skipSentences).first else { continue }
            var text = blocks[firstBlock].text
            var markdown = false
            if answerBlocks.count > 1 {
                text = MarkdownEscaping.escape(text) + "\n\n" + answerBlocks.dropFirst().map { "- " + MarkdownEscaping.escape(blocks[$0].text) }.joined(separator: "\n")
                markdown = true
            } else if blocks[firstBlock].kind == .interviewQuestion {
                continue
            } else {
                // A long paragraph: its first two sentences.
                let sentences = analysis.blockSentences[firstBlock].dropFirst(skipSentences).map { analysis.sentences[$0].text }
                text = sentences.prefix(2).joined(separator: " ")
            }
            result.append(CandidateQuestion(
                kind: .subhead, question: question,
                parts: [AnswerPart(text: text, sentence: firstSentence, range: nil, isMarkdown: markdown)],
                sentence: sentenceIndex, score: 6.5, mergeKey: "q|" + question.lowercased(), section: block.text))
        }
        return result
    }

    private func subheadQuestion(_ tokens: [Token]) -> String? {
        // Lowercase the words of a title-case subhead, except names the article uses.
        func word(_ token: Token) -> String {
            if token.tag == .properNoun, analysis.entities.nameWords.contains(token.text) {
                return token.text
            }
            return isAcronym(token.text) ? token.text : token.lower
        }
        let wh = tokens[0].lower
        let rest = Array(tokens.dropFirst())
        // "What comes next", "What Changes For Drivers": the verb comes straight after the wh-word.
        let secondReadings = lexicon.readings(of: rest[0].lower)
        if secondReadings.contains(where: { $0.wordClass == .verb && ($0.form == .thirdPerson || $0.form == .past) })
            || words.auxiliaries[rest[0].lower] != nil || words.auxiliaries[rest[0].lower]?.tense == .modal {
            return assemble([wh] + rest.map(word), maxWords: 14)
        }
        // "How the study worked", "What the study did not show": subject, then verb → inversion.
        let finder = NounGroupFinder(words: words)
        var subjectTokens = rest
        for index in subjectTokens.indices { if subjectTokens[index].tag == .properNoun && index > 0 { subjectTokens[index].tag = .noun } }
        guard let subject = finder.group(in: subjectTokens, at: 0), subject.range.upperBound < rest.count else { return nil }
        let subjectText = rest[subject.range].map(word).joined(separator: " ")
        let verbTokens = Array(rest[subject.range.upperBound...])
        guard let verb = verbTokens.first else { return nil }
        let plural = rest[subject.head].form == .plural
        if let auxiliary = words.auxiliaries[verb.lower] {
            let auxWord = auxiliary.lemma == "be" || auxiliary.lemma == "have" || auxiliary.lemma == "do" ? agree(verb, plural: plural) : verb.lower
            return assemble([wh, auxWord, subjectText] + verbTokens.dropFirst().map(word), maxWords: 14)
        }
        guard let reading = lexicon.readings(of: verb.lower).first(where: { $0.wordClass == .verb }) else { return nil }
        let auxiliary: String
        switch reading.form {
        case .past, .pastOrParticiple: auxiliary = "did"
        case .thirdPerson: auxiliary = "does"
        default: auxiliary = plural ? "do" : "does"
        }
        return assemble([wh, auxiliary, subjectText, reading.lemma] + verbTokens.dropFirst().map(word), maxWords: 14)
    }

    // MARK: Standard questions

    /// "What happened?": the lead — the first sentence of the first news paragraph after the dek.
    private func happenedQuestion() -> CandidateQuestion? {
        guard !analysis.structure.isInterview else { return nil }
        let dek = analysis.structure.dek
        var tried = 0
        for sentence in analysis.sentences where sentence.blockKind == .paragraph && sentence.positionInBlock == 0 {
            if let dek, analysis.structure.blocks[sentence.block].text == dek { continue }
            guard !sentence.isQuestion, !sentence.isMostlyQuoted else { return nil }
            // A leftover line without a clause (a dateline, a stray credit) is not the lead; the next paragraph may be.
            guard sentence.tokens.count >= 6, analysis.mainClause(sentence.index) != nil else {
                tried += 1
                if tried < 2 { continue } else { return nil }
            }
            return CandidateQuestion(
                kind: .happened, question: "What happened?",
                parts: [AnswerPart(text: sentence.text, sentence: sentence.index, range: 0..<sentence.tokens.count)],
                sentence: sentence.index, score: 9, mergeKey: "happened", section: sentence.section)
        }
        return nil
    }

    /// "What happens next?": a section about next steps, else future sentences near the end.
    private func nextQuestion() -> CandidateQuestion? {
        guard !analysis.structure.isInterview else { return nil }
        let blocks = analysis.structure.blocks
        if let subhead = blocks.firstIndex(where: { $0.kind == .subhead && $0.text.lowercased().split(separator: " ").contains("next") }),
           !blocks[subhead].text.lowercased().hasPrefix("what"),
           let paragraph = blocks.indices.first(where: { $0 > subhead && blocks[$0].kind == .paragraph }),
           let first = analysis.blockSentences[paragraph].first {
            let sentences = analysis.blockSentences[paragraph].prefix(2).map { analysis.sentences[$0].text }
            return CandidateQuestion(
                kind: .next, question: "What happens next?",
                parts: [AnswerPart(text: sentences.joined(separator: " "), sentence: first, range: nil)],
                sentence: first, score: 6, mergeKey: "next", section: blocks[subhead].text)
        }
        // The last third of the article: sentences about the future.
        let narrative = analysis.sentences.filter { $0.blockKind == .paragraph && !$0.isMostlyQuoted && !$0.isQuestion }
        guard narrative.count >= 3 else { return nil }
        let tail = narrative.suffix(max(1, narrative.count / 3))
        for sentence in tail {
            guard let clause = analysis.mainClause(sentence.index) else { continue }
            let tokens = sentence.tokens
            let future = clause.verb.auxiliaries.contains { tokens[$0].lower == "will" || tokens[$0].lower == "'ll" }
                || (words.futureVerbs.contains(tokens[clause.verb.main].lemma) && tokens[clause.verb.main].form != .past)
                || clause.verb.raising.contains { words.futureParticiples.contains(tokens[$0].lower) }
            guard future, subject(clause) != nil else { continue }
            return CandidateQuestion(
                kind: .next, question: "What happens next?",
                parts: [AnswerPart(text: sentence.text, sentence: sentence.index, range: 0..<tokens.count)],
                sentence: sentence.index, score: 5.5, mergeKey: "next", section: sentence.section)
        }
        return nil
    }
}
