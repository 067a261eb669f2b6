import Foundation

/// Answers the questions an editor asks in front matter (`questions:`) from the article's sentences.
///
/// Each sentence is scored by the question's content words it shares, by lemma (took → take,
/// volunteers → volunteer) and by name, each word weighted by how rare it is in the article;
/// the question word adds its own evidence (a number for "how much", "because" for "why", a
/// time for "when"). The best sentence answers when it holds enough of the question's weight;
/// a sentence that introduces a list brings the list. Otherwise the question is unanswered.
struct AnswerFinder: Sendable {
    let analysis: ArticleAnalysis

    /// A question and the answer found for it, or nil.
    struct Result: Sendable {
        var question: String
        var candidate: CandidateQuestion?
    }

    func answer(_ questions: [String]) -> [Result] {
        var work = EngineWork()
        return answer(questions, work: &work)
    }

    /// The answers, counting in `work` the sentences compared with each question.
    func answer(_ questions: [String], work: inout EngineWork) -> [Result] {
        guard !questions.isEmpty else { return [] }
        let usable = analysis.sentences.filter { $0.blockKind != .subhead && !$0.isQuestion }
        work.answerSteps += usable.count * (questions.count + 1)
        var documentFrequency: [String: Int] = [:]
        var sentenceLemmas: [Int: Set<String>] = [:]
        for sentence in usable {
            let lemmas = self.lemmas(of: sentence.tokens)
            sentenceLemmas[sentence.index] = lemmas
            for lemma in lemmas { documentFrequency[lemma, default: 0] += 1 }
        }
        let count = Double(max(usable.count, 1))
        func weight(_ lemma: String) -> Double { log(1 + count / Double(documentFrequency[lemma] ?? 1)) }

        return questions.map { question in
            var tokens = Tokenizer(words: analysis.words).tokenize(question)
            Tagger(lexicon: analysis.lexicon, names: []).tag(&tokens)
            let wanted = lemmas(of: tokens)
            guard !wanted.isEmpty else { return Result(question: question, candidate: nil) }
            let total = wanted.reduce(0) { $0 + weight($1) }
            let lower = question.lowercased()
            var best: (score: Double, sentence: AnalyzedSentence, matched: Int)?
            var second: (score: Double, sentence: AnalyzedSentence)?
            for sentence in usable {
                let lemmas = sentenceLemmas[sentence.index] ?? []
                let shared = wanted.intersection(lemmas)
                guard !shared.isEmpty else { continue }
                var score = shared.reduce(0) { $0 + weight($1) }
                score *= evidence(lower, sentence)
                if best == nil || score > best!.score + 1e-9 {
                    if let previous = best { second = (previous.score, previous.sentence) }
                    best = (score, sentence, shared.count)
                } else if second == nil || score > second!.score + 1e-9 {
                    second = (score, sentence)
                }
            }
            guard let best, best.score >= 0.35 * total, best.matched >= min(2, wanted.count) else {
                return Result(question: question, candidate: nil)
            }
            var result = candidate(question, best.sentence)
            // A close second sentence often holds the rest of the answer: both, in story order.
            if let second, second.score >= 0.8 * best.score, !result.parts[0].isMarkdown,
               second.sentence.blockKind == .paragraph || second.sentence.blockKind == .listItem {
                let pair = [best.sentence, second.sentence].sorted { $0.index < $1.index }
                result.parts = pair.map { AnswerPart(text: $0.text, sentence: $0.index, range: nil) }
                result.sentence = pair[0].index
            }
            return Result(question: question, candidate: result)
        }
    }

    private func candidate(_ question: String, _ sentence: AnalyzedSentence) -> CandidateQuestion {
        var text = sentence.text
        var markdown = false
        let blocks = analysis.structure.blocks
        let block = sentence.block
        if text.hasSuffix(":") {
            let items = blocks.indices.filter { $0 > block && blocks[$0].kind == .listItem && blocks[$0].listIntro == block }
            if !items.isEmpty {
                text = MarkdownEscaping.escape(text) + "\n\n" + items.map { "- " + MarkdownEscaping.escape(blocks[$0].text) }.joined(separator: "\n")
                markdown = true
            }
        }
        let trimmed = question.trimmingCharacters(in: .whitespaces)
        return CandidateQuestion(
            kind: .editor, question: trimmed.hasSuffix("?") ? trimmed : trimmed + "?",
            parts: [AnswerPart(text: text, sentence: sentence.index, range: nil, isMarkdown: markdown)],
            sentence: sentence.index, score: 100, mergeKey: nil, section: sentence.section)
    }

    /// Extra evidence from the question word: numbers for how much/many/long, reasons for why ...
    private func evidence(_ question: String, _ sentence: AnalyzedSentence) -> Double {
        let tokens = sentence.tokens
        let lowerWords = Set(tokens.map(\.lower))
        if question.hasPrefix("how much") || question.hasPrefix("how many") || question.hasPrefix("how long") {
            // A measured number: digits, or a number word other than "one".
            return tokens.contains { $0.tag == .number && ($0.text.contains(where: \.isNumber) || ($0.value ?? 0) >= 2) } ? 1.5 : 0.5
        }
        if question.hasPrefix("why") {
            return !lowerWords.isDisjoint(with: analysis.words.reasonWords) ? 1.5 : 0.8
        }
        if question.hasPrefix("when") {
            return tokens.contains { analysis.words.isTimeWord($0) } ? 1.4 : 0.7
        }
        if question.hasPrefix("who") {
            return tokens.contains { $0.tag == .properNoun || $0.tag == .number } ? 1.2 : 0.9
        }
        return 1
    }

    /// The content lemmas of tokens: nouns, verbs, adjectives, adverbs, names and numbers.
    private func lemmas(of tokens: [Token]) -> Set<String> {
        var result = Set<String>()
        for token in tokens where token.kind == .word || token.kind == .number {
            switch token.tag {
            case .noun, .verb, .adjective, .properNoun, .number:
                let lemma = token.tag == .properNoun ? token.lower : token.lemma
                guard lemma.count > 1 else { continue }
                // The byte test first: Foundation's search only runs for a lemma with a hyphen in it.
                if lemma.utf8.contains(0x2D), lemma.contains("-") {
                    for part in lemma.split(separator: "-") where part.count > 2 {
                        result.insert(analysis.lexicon.readings(of: String(part)).first?.lemma ?? String(part))
                    }
                }
                result.insert(lemma)
                // Nouns and verbs share lemmas (ban / banning): add the other reading's lemma too.
                for reading in token.readings where reading.wordClass == .noun || reading.wordClass == .verb {
                    result.insert(reading.lemma)
                }
            case .adverb:
                if token.lower.count > 3, !analysis.words.emptyAdverbs.contains(token.lower) {
                    result.insert(token.lemma)
                }
            default:
                break
            }
        }
        return result.subtracting(analysis.words.answerLightVerbs)
    }
}
