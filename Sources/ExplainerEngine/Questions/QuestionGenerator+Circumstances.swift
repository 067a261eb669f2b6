/// When, where, how long, how much, how many and why: a clause's adjuncts and amounts become
/// the answer, the rest of the clause the question.
extension QuestionGenerator {
    func circumstanceQuestions(_ clause: Clause) -> [CandidateQuestion] {
        let sentenceIndex = clause.sentence
        let sentence = analysis.sentences[sentenceIndex]
        let tokens = sentence.tokens
        let main = tokens[clause.verb.main]
        guard let subject = subject(clause) else { return [] }
        guard !words.reportingVerbs.contains(main.lemma) || !clause.complements.contains(where: { $0.kind == .complement }) else { return [] }
        var isSubordinate = false
        if case .subordinate = clause.role { isSubordinate = true }
        var result: [CandidateQuestion] = []
        func ask(_ wh: [String], excluding: Set<Int>, keepInfinitive: Bool = true, keepTime: Bool = false) -> String? {
            guard let (auxiliary, rest) = inverted(clause, plural: subject.plural),
                  var body = body(clause, excluding: excluding, keepInfinitive: keepInfinitive, keepTime: keepTime) else { return nil }
            while true {
                if let question = assemble(wh + [auxiliary, subject.text] + rest + body, maxWords: 18) { return question }
                guard !body.isEmpty else { return nil }
                body.removeLast()
            }
        }
        func add(_ kind: CandidateQuestion.Kind, _ question: String?, _ range: Range<Int>, score: Double, text: String? = nil) {
            guard let question else { return }
            var answer = part(clause, range)
            if let text { answer.text = text }
            result.append(CandidateQuestion(kind: kind, question: question, parts: [answer], sentence: sentenceIndex,
                                            score: score, mergeKey: "q|" + question.lowercased(), section: sentence.section))
        }

        // "During the closure, a free shuttle bus will run ..." → "What will happen during the closure?"
        if case .main = clause.role, let during = clause.front.first(where: { $0.kind == .prepositional("during") }),
           let group = during.group, !isTimeGroup(group, sentence: sentenceIndex), let topic = phrase(sentenceIndex, during.range) {
            let first = clause.verb.auxiliaries.first.map { tokens[$0] }
            let verbWords: [String]
            if let first, first.tag == .modal {
                verbWords = [normalizedAuxiliary(first), "happen"]
            } else if (first ?? main).form == .past {
                verbWords = ["happened"]
            } else {
                verbWords = ["happens"]
            }
            var end = clause.attribution.map { $0.lowerBound - 1 } ?? clause.end
            end = max(end, clause.verb.range.upperBound)
            if let question = assemble(["what"] + verbWords + [topic]) {
                let range = clause.subject.range.lowerBound..<end
                result.append(CandidateQuestion(kind: .when, question: question, parts: [part(clause, range)],
                                                sentence: sentenceIndex, score: 6, mergeKey: "q|" + question.lowercased(),
                                                section: sentence.section))
            }
        }

        // When: a time phrase in front or after the verb.
        var timeChoice: (range: Range<Int>, complement: Int?, specific: Bool)?
        for adjunct in clause.front {
            if let (specific, _) = timeValue(adjunct, sentence: sentenceIndex) {
                if timeChoice == nil || (specific && timeChoice?.specific == false) {
                    timeChoice = (adjunct.range, nil, specific)
                }
            }
        }
        for (index, complement) in clause.complements.enumerated() where !isSubordinate {
            if case .subordinate = complement.kind { break }
            if ClauseStops.isStop(complement.kind) || complement.afterComma || complement.kind == .other { break }
            if let (specific, _) = timeValue(complement, sentence: sentenceIndex) {
                if timeChoice == nil || (specific && timeChoice?.specific == false) {
                    var range = complement.range
                    // "from 2021 to 2024": the span, not its start.
                    if complement.kind == .prepositional("from"), index + 1 < clause.complements.count,
                       case .prepositional(let next) = clause.complements[index + 1].kind, next == "to" || next == "until",
                       tokens[clause.complements[index + 1].range].contains(where: { isYear($0) || words.months.contains($0.lower) }) {
                        range = range.lowerBound..<clause.complements[index + 1].range.upperBound
                    }
                    timeChoice = (range, index, specific)
                }
            }
        }
        // A time worth asking about names a day, month, year or season ("overnight" does not).
        var isReported = false
        if case .reported = clause.role { isReported = true }
        if let timeChoice, !timeChoice.specific,
           isReported || !(tokens[timeChoice.range].contains(where: { words.weekdays.contains($0.lower) })
                || isClockTime(tokens[timeChoice.range].dropFirst())) {
            // nothing to ask
        } else if let timeChoice, main.lemma != "be" || clause.verb.raising.isEmpty == false {
            let excluded = Set(clause.complements.indices.filter { index in
                timeValue(clause.complements[index], sentence: sentenceIndex) != nil
            })
            var text = sentence.text(timeChoice.range)
            if let first = tokens[timeChoice.range].first, first.tag != .preposition, !parserIsTime(first) || first.tag == .properNoun,
               words.weekdays.contains(first.lower) {
                text = "On " + text
            }
            // When something will happen is what readers plan by: future times count for more.
            let future = clause.verb.auxiliaries.contains { ["will", "'ll"].contains(tokens[$0].lower) }
                || clause.verb.raising.contains { words.futureParticiples.contains(tokens[$0].lower) }
            let score = timeChoice.specific ? (future ? 7 : 6.5) : 3.5
            add(.when, ask(["when"], excluding: excluded), timeChoice.range, score: score, text: text)
        }

        for (index, complement) in clause.complements.enumerated() where !isSubordinate {
            if ClauseStops.isStop(complement.kind) || complement.afterComma || complement.kind == .other { break }
            guard let group = complement.group else { continue }
            let groupTokens = tokens[group.range]
            switch complement.kind {
            case .prepositional("for"):
                // How long: "for 14 months", "for six weeks".
                guard let unit = groupTokens.last(where: { $0.tag == .noun }), words.units[unit.lemma] == .duration
                        || words.units[unit.lower] == .duration,
                      groupTokens.contains(where: { $0.tag == .number }) else { continue }
                let range = answerRange(clause, from: index) { kind in ClauseStops.isStop(kind) || kind == .nounGroup }
                add(.howLong, ask(["how", "long"], excluding: [index]), range, score: 6.5)
            case .prepositional("by") where words.changeVerbs.contains(main.lemma) && isAmount(group, sentence: sentenceIndex):
                // "have risen by 2 degrees since 1990" → "How much have ... risen since 1990?"
                let range = answerRange(clause, from: index) { kind in ClauseStops.isStop(kind) || kind == .nounGroup }
                add(.howMuch, ask(["how", "much"], excluding: [index], keepTime: true), range, score: 7)
            case .prepositional("since"):
                guard clause.verb.auxiliaries.contains(where: { tokens[$0].lemma == "have" }), !words.changeVerbs.contains(main.lemma),
                      groupTokens.contains(where: { parserIsTime($0) }) else { continue }
                add(.howLong, ask(["how", "long"], excluding: [index]), complement.range, score: 6.5)
            case .prepositional(let preposition) where ["in", "at"].contains(preposition):
                // Where: a named place or organisation, or where something started ("in an electrical cabinet").
                let named = analysis.entities.entity(sentence: sentenceIndex, token: group.head)
                    .map { analysis.entities[$0].kind == .place || analysis.entities[$0].kind == .organisation } ?? false
                let origin = words.originVerbs.contains(main.lemma) && tokens[group.head].tag == .noun
                    && tokens[group.range.lowerBound].tag == .determiner && !isVague(group, sentence: sentenceIndex)
                guard named || origin, !isTimeGroup(group, sentence: sentenceIndex) else { continue }
                let range = answerRange(clause, from: index) { kind in ClauseStops.isStop(kind) || kind == .nounGroup || kind == .prepositional("for") }
                // What the answer says is not asked again: "Where did the fire start?", not "... start under the roof?".
                let answered = Set(clause.complements.indices.filter { range.contains(clause.complements[$0].range.lowerBound) })
                add(.whereQuestion, ask(["where"], excluding: answered.union([index]), keepInfinitive: false), range, score: 4)
            case .nounGroup where index > 0 && index - 1 == clause.complements.firstIndex(where: { $0.kind != .adverb })
                && clause.complements[index - 1].kind == .nounGroup && words.moneyVerbs.contains(main.lemma)
                && isAmount(group, sentence: sentenceIndex):
                // "fined the tannery 3.2 million florins" → "How much did the court fine the tannery?"
                let range = answerRange(clause, from: index) { kind in ClauseStops.isStop(kind) || kind != .nounGroup }
                add(.howMuch, ask(["how", "much"], excluding: Set(index..<clause.complements.count)), range, score: 7)
            case .nounGroup where index == clause.complements.firstIndex(where: { $0.kind != .adverb }):
                // How much: "rose 18 percent to 214 million marks", "would cost about $41 million".
                guard let number = groupTokens.firstIndex(where: { $0.tag == .number }), isAmount(group, sentence: sentenceIndex) else {
                    // How many: "has trained 27 apprentices".
                    let lead = NounGroupFinder(words: words).numberModifierLength(tokens, at: group.range.lowerBound, end: group.range.upperBound)
                    if group.range.lowerBound + lead < group.range.upperBound,
                       case let first = tokens[group.range.lowerBound + lead], first.tag == .number, !first.text.contains("-"), (first.value ?? 2) != 1,
                       tokens[group.head].tag == .noun, !isTimeGroup(group, sentence: sentenceIndex),
                       main.tag == .verb || (main.lemma == "have" && clause.verb.auxiliaries.allSatisfy { $0 == clause.verb.main }),
                       main.lemma != "be",
                       // "rose 3 points" is how much; "cut 300 jobs" counts things.
                       !words.changeVerbs.contains(main.lemma)
                        || (words.units[tokens[group.head].lemma] == nil && words.units[tokens[group.head].lower] == nil) {
                        let noun = sentence.text(span(group.range.lowerBound + lead + 1, group.coreEnd))
                        if let (auxiliary, rest) = inverted(clause, plural: subject.plural),
                           let question = assemble(["how", "many", noun, auxiliary, subject.text] + rest) {
                            add(.howMany, question, answerRange(clause, from: index), score: 5.5)
                        }
                    }
                    continue
                }
                _ = number
                // A measure that is not money or a share: "reach about 1,150 degrees" → "How many degrees ...?".
                // (Durations are asked with "How long"; "every 12 minutes" is how often.)
                if let unit = groupTokens.last(where: { $0.tag == .noun && (words.units[$0.lemma] ?? words.units[$0.lower]).map { $0 != .percent && $0 != .duration } == true }),
                   groupTokens.first.map({ $0.lower != "every" && $0.lower != "each" }) == true,
                   !groupTokens.contains(where: { words.currencies.contains($0.lemma) || words.currencies.contains($0.text) }),
                   main.tag == .verb, main.lemma != "be",
                   let (auxiliary, rest) = inverted(clause, plural: subject.plural),
                   let question = assemble(["how", "many", unit.text, auxiliary, subject.text] + rest) {
                    add(.howMany, question, answerRange(clause, from: index), score: 6.5)
                    continue
                }
                guard words.changeVerbs.contains(main.lemma) || words.moneyVerbs.contains(main.lemma)
                else { continue }
                var range = answerRange(clause, from: index)
                // "was fined 40,000 crowns on Tuesday": the amount, without the time.
                if let time = clause.complements[(index + 1)...].first(where: { timeValue($0, sentence: sentenceIndex) != nil }),
                   time.range.lowerBound > range.lowerBound, time.range.lowerBound < range.upperBound {
                    range = range.lowerBound..<time.range.lowerBound
                }
                add(.howMuch, ask(["how", "much"], excluding: Set(index..<clause.complements.count)), range, score: 7)
            default:
                continue
            }
        }

        // "declared an interim dividend of 1.10 marks per share" → "How much is the interim dividend?"
        if main.tag == .verb, let objectIndex = clause.complements.firstIndex(where: { $0.kind != .adverb }),
           clause.complements[objectIndex].kind == .nounGroup, let object = clause.complements[objectIndex].group,
           let of = (object.coreEnd..<object.range.upperBound).first(where: { tokens[$0].lower == "of" }), of == object.coreEnd,
           let amount = NounGroupFinder(words: words).group(in: tokens, at: of + 1, limit: object.range.upperBound),
           isAmount(amount, sentence: sentenceIndex), !words.givingVerbs.contains(main.lemma),
           tokens[object.head].tag == .noun, !words.vagueNouns.contains(tokens[object.head].lower) {
            var start = object.range.lowerBound
            if tokens[start].tag == .determiner { start += 1 }
            let noun = sentence.text(span(start, object.coreEnd))
            let past = (clause.verb.auxiliaries.first.map { tokens[$0] } ?? main).form == .past
            if let question = assemble(["how", "much", past ? "was" : "is", "the", noun]) {
                var end = answerRange(clause, from: objectIndex).upperBound
                end = max(end, amount.range.upperBound)
                let range = amount.range.lowerBound..<end
                add(.howMuch, question, range, score: 6)
            }
        }

        // How much is it worth: "The win is worth €40,000 in prize money".
        if main.lemma == "be", clause.verb.auxiliaries.count == 1, let worth = clause.complements.firstIndex(where: { complement in
            complement.kind == .nounGroup && tokens[complement.range.lowerBound].lower == "worth"
        }) ?? clause.complements.firstIndex(where: { tokens[$0.range.lowerBound].lower == "worth" }) {
            let verbWord = agree(tokens[clause.verb.main], plural: subject.plural)
            let amountStart = clause.complements[worth].range.lowerBound + 1
            let range = span(amountStart, answerRange(clause, from: worth).upperBound)
            if range.count > 0, let question = assemble(["how", "much", verbWord, subject.text, "worth"]) {
                add(.howMuch, question, range, score: 6.5)
            }
        }

        // How much will the project cost: "The $48 million project will close ...".
        let subjectTokens = tokens[clause.subject.range]
        if let symbol = subjectTokens.firstIndex(where: { words.currencies.contains($0.text) }),
           words.costNouns.contains(tokens[clause.subject.head].lemma), clause.subjectPieces.count == 1 {
            var amountEnd = symbol + 1
            while amountEnd < clause.subject.range.upperBound, tokens[amountEnd].tag == .number { amountEnd += 1 }
            let head = sentence.text(span(amountEnd, clause.subject.coreEnd))
            let auxiliary: [String]
            if clause.verb.auxiliaries.first.map({ tokens[$0].lower == "will" }) == true {
                auxiliary = ["will"]
            } else if main.form == .past || clause.verb.auxiliaries.first.map({ tokens[$0].form == .past }) == true {
                auxiliary = ["did"]
            } else {
                auxiliary = ["does"]
            }
            if let question = assemble(["how", "much"] + auxiliary + ["the", head, "cost"]) {
                let text = sentence.text(symbol..<amountEnd)
                result.append(CandidateQuestion(kind: .howMuch, question: question,
                                                parts: [AnswerPart(text: text, sentence: sentenceIndex, range: symbol..<amountEnd)],
                                                sentence: sentenceIndex, score: 6.5, mergeKey: "q|" + question.lowercased(),
                                                section: sentence.section))
            }
        }

        // How many: "About 620 people work at Brenn", "A crowd of 6,214 watched ...".
        // (Not when the words after the verb could not be parsed: "18 tenants had lived without heating" is no
        // "How many tenants had lived?".)
        if !isSubordinate, clause.subjectPieces.count == 1, main.tag == .verb || main.lemma == "be", !tokens[clause.subject.head].quoted,
           clause.complements.first?.kind != .other {
            let groupTokens = Array(subjectTokens)
            let numberIndex = groupTokens.firstIndex { $0.tag == .number }
            let collective = groupTokens.count >= 3 && words.collectiveNouns.contains(tokens[clause.subject.range.lowerBound + 1].lemma)
                && groupTokens.contains { $0.lower == "of" }
            // "the 14 daily sailings" counts; "the two leaders" only refers.
            let definiteCount = groupTokens[0].lower == "the" && numberIndex.map { groupTokens[$0].text.contains(where: \.isNumber) } == true
            if let numberIndex, numberIndex <= 2 || (collective && numberIndex <= 4), groupTokens[0].tag != .determiner || collective || definiteCount,
               tokens[clause.subject.head].form == .plural || collective || (groupTokens[numberIndex].value ?? 0) > 1,
               !groupTokens[numberIndex].text.contains("-"),
               !parserIsTime(groupTokens[numberIndex]) {
                // A measure keeps what it measures: "How many millimetres of rain fell?".
                let head = tokens[clause.subject.head]
                let pieceEnd = clause.subjectPieces[0].upperBound
                let measured = (words.units[head.lemma] ?? words.units[head.lower]) != nil && clause.subject.coreEnd < pieceEnd
                    && tokens[clause.subject.coreEnd].lower == "of"
                let nounEnd = measured ? pieceEnd : clause.subject.coreEnd
                let noun = collective ? "people" : sentence.text(span(clause.subject.range.lowerBound + numberIndex + 1, nounEnd))
                var verbWords: [String] = []
                for index in clause.verb.range where tokens[index].tag != .adverb {
                    verbWords.append(tokens[index].tag == .negation ? "not" : tokens[index].lower)
                }
                if let particle = clause.verb.particle { verbWords.append(tokens[particle].text) }
                // A passive is whole without what follows: "How many people were evacuated?".
                let passive = main.form == .pastParticiple && clause.verb.auxiliaries.contains { tokens[$0].lemma == "be" }
                if var body = body(clause, keepTime: true) ?? (passive ? [] : nil) {
                    var question: String?
                    while question == nil {
                        question = assemble(["how", "many", noun] + verbWords + body, maxWords: 16)
                        if question == nil { if body.isEmpty { break } else { body.removeLast() } }
                    }
                    if let question, !noun.isEmpty {
                        var stop = clause.subjectPieces[0].upperBound
                        if let last = clause.interruptions.last { stop = max(stop, last.range.upperBound) }
                        let text = sentence.text(clause.subjectPieces[0].lowerBound..<stop)
                        result.append(CandidateQuestion(kind: .howMany, question: question,
                                                        parts: [AnswerPart(text: text, sentence: sentenceIndex, range: nil)],
                                                        sentence: sentenceIndex, score: 6, mergeKey: "q|" + question.lowercased(),
                                                        section: sentence.section))
                    }
                }
            }
        }

        // Why: because, because of, amid, in order to, and "after" for decisions.
        let reasons = clause.front.map { ($0, true) } + clause.complements.map { ($0, false) }
        for (constituent, fronted) in reasons {
            var isReason = false
            switch constituent.kind {
            case .reason(let word):
                isReason = word != "after" || words.decisionVerbs.contains(main.lemma)
                // "amid balloons" is a place; "amid fears of a strike" a reason.
                if word == "amid" || word == "amidst" {
                    let head = constituent.group.map { tokens[$0.head].lemma }
                    let file = head.flatMap { lexicon.nouns?.lexicalFile(of: $0) }
                    isReason = file.map { [4, 7, 9, 10, 11, 12, 19, 22, 26].contains($0) } ?? false
                }
            case .purpose:
                isReason = true
            default:
                break
            }
            guard isReason else { continue }
            let complementIndex = clause.complements.firstIndex(of: constituent)
            var excluded = Set<Int>()
            if let complementIndex { excluded = Set(complementIndex..<clause.complements.count) }
            // A reason may depend on when: "Why does she work Monday to Friday and half of Saturday?"
            guard let question = ask(["why"], excluding: excluded, keepInfinitive: true, keepTime: true) else { continue }
            var range = constituent.range
            if !fronted, let complementIndex {
                range = answerRange(clause, from: complementIndex) { kind in
                    switch kind {
                    case .reason, .purpose, .coordinatedVerb, .coordinatedClause, .colon, .quote: true
                    default: false
                    }
                }
            }
            var text = sentence.text(range)
            // "in order to move production" → "To move production".
            if text.lowercased().hasPrefix("in order to ") { text = String(text.dropFirst("in order ".count)) }
            add(.why, question, range, score: 7, text: text)
        }
        return result
    }

    /// Whether a constituent is a time, and whether a specific one (a date, month, year or season).
    func timeValue(_ constituent: Constituent, sentence: Int) -> (specific: Bool, Range<Int>)? {
        let tokens = analysis.sentences[sentence].tokens
        switch constituent.kind {
        case .time:
            // "every day" is how often, not when.
            if let first = tokens[constituent.range].first, first.lower == "every" || first.lower == "each" { return nil }
            let specific = tokens[constituent.range].contains { words.months.contains($0.lower) || isYear($0) }
            return (specific, constituent.range)
        case .prepositional(let preposition):
            // "at 6.40 p.m.": a time of day.
            if words.timePrepositions.contains(preposition), isClockTime(tokens[constituent.range].dropFirst()) {
                return (false, constituent.range)
            }
            guard words.timePrepositions.contains(preposition),
                  let group = constituent.group, isTimeGroup(group, sentence: sentence) else { return nil }
            let groupTokens = tokens[group.range]
            let specific = groupTokens.contains { words.months.contains($0.lower) || isYear($0) || words.timeNouns[$0.lower] == .season }
            return (specific, constituent.range)
        default:
            return nil
        }
    }

    /// A time of day: a number and "a.m." or "p.m." ("6.40 p.m.", "9 a.m.").
    func isClockTime(_ tokens: ArraySlice<Token>) -> Bool {
        guard let first = tokens.first, first.tag == .number, tokens.count >= 2 else { return false }
        return words.timeNouns[tokens[tokens.startIndex + 1].lower] == .clock
    }

    func isYear(_ token: Token) -> Bool {
        token.tag == .number && token.value.map { $0 >= 1900 && $0 <= 2100 } == true && !token.text.contains(",") && token.text.count == 4
    }

    func parserIsTime(_ token: Token) -> Bool {
        words.isTimeWord(token)
    }

    /// Money, percentages and measured amounts: "18 percent", "$41 million", "214 million marks".
    func isAmount(_ group: NounGroup, sentence: Int) -> Bool {
        let tokens = analysis.sentences[sentence].tokens[group.range]
        guard tokens.contains(where: { $0.tag == .number }) else { return false }
        return tokens.contains { token in
            words.currencies.contains(token.text) || words.currencies.contains(token.lemma) || token.text == "%"
                || words.units[token.lemma] != nil || words.units[token.lower] != nil
        }
    }
}
