/// The fifth stage, second half: a tagged sentence → clauses.
///
/// A clause is read left to right: adjuncts before the subject ("In February,", "During the
/// closure,", "Last month"), the subject noun group with whatever interrupts it (", the city's
/// chief engineer,", ", who is on his first visit ...,", ", known for ...,", "who voted against
/// the plan"), the verb group (auxiliaries, negation, adverbs, "believed to", the main verb,
/// a particle), then complements: objects, prepositional phrases, infinitives, that-clauses,
/// reasons (because, in order to, amid ...), participle phrases, relative clauses, coordinated
/// verbs and clauses, and an attribution at the end (", the coastguard said"). Reported,
/// coordinated and relative clauses are parsed as clauses of their own. A sentence the parser
/// cannot read gives no clause, so no question is asked from it.
struct ClauseParser: Sendable {
    let words: WordLists
    let groups: NounGroupFinder

    init(words: WordLists) {
        self.words = words
        self.groups = NounGroupFinder(words: words)
    }


    func parse(_ sentence: AnalyzedSentence) -> [Clause] {
        parse(tokens: sentence.tokens, sentence: sentence.index)
    }

    /// Clauses of a stretch of tokens (a quotation inside a sentence, say), indices as in `tokens`.
    func parse(tokens: [Token], sentence: Int, range: Range<Int>? = nil) -> [Clause] {
        var start = range?.lowerBound ?? 0
        var end = range?.upperBound ?? tokens.count
        if range != nil {
            // A quotation inside a sentence: without its quotation marks.
            while start < end, tokens[start].kind == .quote { start += 1 }
            while end > start, tokens[end - 1].kind == .quote || tokens[end - 1].text == "," { end -= 1 }
        }
        while end > 0, [".", "?", "!", "…", "..."].contains(tokens[end - 1].text) { end -= 1 }
        var clauses: [Clause] = []
        var reader = Reader(parser: self, tokens: tokens, sentence: sentence)
        reader.parseClause(start: start, end: end, role: .main, subject: nil, into: &clauses)
        return clauses
    }

    /// Whether `token` names a time: a weekday, month, season, "overnight", a year.
    func isTimeWord(_ token: Token) -> Bool { words.isTimeWord(token) }

    /// The reading state for one sentence.
    private struct Reader {
        let parser: ClauseParser
        let tokens: [Token]
        let sentence: Int
        var words: WordLists { parser.words }
        var groups: NounGroupFinder { parser.groups }

        // MARK: Clause

        @discardableResult
        mutating func parseClause(
            start: Int, end: Int, role: ClauseRole, subject preset: (NounGroup, [Range<Int>])?, into clauses: inout [Clause]
        ) -> Int? {
            var position = start
            var front: [Constituent] = []
            var subject: NounGroup
            var pieces: [Range<Int>]
            var interruptions: [Constituent] = []
            if let preset {
                (subject, pieces) = preset
            } else {
                for _ in 0..<3 {
                    guard let (adjunct, next) = frontAdjunct(at: position, end: end) else { break }
                    front.append(adjunct)
                    position = next
                }
                guard position < end else { return nil }
                if tokens[position].tag == .existential {
                    subject = NounGroup(range: position..<(position + 1), head: position, coreEnd: position + 1)
                } else {
                    guard let group = groups.coordinated(in: tokens, at: position, limit: end, subject: true) else { return nil }
                    subject = group
                }
                pieces = [subject.range]
                position = subject.range.upperBound
                // Interruptions and post-modifiers until the verb.
                var guardCount = 0
                while position < end, !isFiniteVerbStart(position, end: end), guardCount < 12 {
                    guardCount += 1
                    let token = tokens[position]
                    if token.kind == .punctuation, token.text == "," || token.text == "—" || token.text == "–" || token.text == "(" {
                        let closer = token.text == "(" ? ")" : token.text
                        guard let close = closing(closer, after: position, end: end), close > position + 1 else { return nil }
                        let segment = (position + 1)..<close
                        interruptions.append(Constituent(kind: interruptionKind(segment), range: segment,
                                                         group: groups.coordinated(in: tokens, at: segment.lowerBound, limit: close)))
                        position = close + 1
                        // "Putin, who ..., and Kim Jong-un drove": the subject goes on after the interruption.
                        if position < end, tokens[position].tag == .conjunction, tokens[position].lower == "and",
                           let more = groups.group(in: tokens, at: position + 1, limit: end) {
                            pieces.append(more.range)
                            subject.range = subject.range.lowerBound..<more.range.upperBound
                            position = more.range.upperBound
                        }
                        continue
                    }
                    if token.tag == .preposition, !isFiniteVerbStart(position + 1, end: end),
                       let object = groups.coordinated(in: tokens, at: position + 1, limit: end, subject: true) {
                        // "A district court in Ostmark on Tuesday fined ...": a time is the clause's, not the subject's.
                        if words.timePrepositions.contains(token.lower), isFiniteVerbStart(object.range.upperBound, end: end),
                           tokens[object.range].allSatisfy({ parser.isTimeWord($0) || $0.tag == .determiner || $0.tag == .number }) {
                            front.append(Constituent(kind: .prepositional(token.lower), range: position..<object.range.upperBound, group: object))
                            position = object.range.upperBound
                            continue
                        }
                        extend(&pieces, to: object.range.upperBound)
                        position = object.range.upperBound
                        continue
                    }
                    if token.tag == .relative || (token.tag == .verb && (token.form == .pastParticiple || token.form == .gerund)) {
                        // "who voted against the plan", "that kept normal screen settings", "aged 25 to 60".
                        guard let after = restrictiveEnd(from: position, end: end) else { return nil }
                        extend(&pieces, to: after)
                        position = after
                        continue
                    }
                    if token.tag == .number, position == subject.range.upperBound {
                        position += 1
                        continue
                    }
                    // "The roadway itself will stay".
                    if token.tag == .pronoun, words.pronouns[token.lower]?.grammaticalCase == .reflexive {
                        extend(&pieces, to: position + 1)
                        position += 1
                        continue
                    }
                    return nil
                }
                guard position < end, isFiniteVerbStart(position, end: end) else { return nil }
            }
            guard var verb = verbGroup(at: position, end: end) else { return nil }
            // "would publish ... and hold": the second verb shares the modal.
            if case .coordinated(let parent) = role, verb.auxiliaries.isEmpty, tokens[verb.main].form == .base,
               let modal = clauses[parent].verb.auxiliaries.first ?? clauses[parent].verb.inheritedAuxiliary {
                verb.inheritedAuxiliary = modal
            }
            position = (verb.particle ?? verb.range.upperBound - 1) + 1
            var (complements, attribution) = readComplements(from: position, end: end, verb: verb)
            // A complement covers at least one token: the question rules read its first word.
            complements.removeAll { $0.range.isEmpty }
            ClauseParser.markAsides(&complements, tokens: tokens, verbEnd: position)
            let clause = Clause(
                sentence: sentence, role: role, front: front, subject: subject, subjectPieces: pieces,
                interruptions: interruptions, verb: verb, complements: complements, attribution: attribution, end: end)
            clauses.append(clause)
            let index = clauses.count - 1
            // ", which employs 40 people,": a relative clause about the subject.
            for interruption in interruptions where interruption.kind == .relative && tokens[interruption.range.lowerBound].lower == "which" {
                guard interruption.range.count > 2, isFiniteVerbStart(interruption.range.lowerBound + 1, end: interruption.range.upperBound) else { continue }
                parseClause(start: interruption.range.lowerBound + 1, end: interruption.range.upperBound,
                            role: .relative(parent: index), subject: (subject, pieces), into: &clauses)
            }
            // Clauses inside this one.
            for complement in complements {
                switch complement.kind {
                case .complement:
                    parseClause(start: complement.range.lowerBound, end: complement.range.upperBound,
                                role: .reported(speaker: index), subject: nil, into: &clauses)
                case .coordinatedVerb:
                    parseClause(start: complement.range.lowerBound, end: complement.range.upperBound,
                                role: .coordinated(parent: index), subject: (subject, pieces), into: &clauses)
                case .coordinatedClause:
                    parseClause(start: complement.range.lowerBound, end: complement.range.upperBound,
                                role: .joined(parent: index), subject: nil, into: &clauses)
                case .reason, .subordinate:
                    // "after the Kremlin announced that ...", "because gusts reached ...".
                    var start = complement.range.lowerBound + 1
                    if start < complement.range.upperBound, tokens[start].lower == "of" || tokens[start].lower == "that" { break }
                    if tokens[complement.range.lowerBound].lower == "so", start < complement.range.upperBound, tokens[start].lower == "that" { start += 1 }
                    if clauseFollows(at: start, end: complement.range.upperBound) {
                        parseClause(start: start, end: complement.range.upperBound,
                                    role: .subordinate(parent: index), subject: nil, into: &clauses)
                    }
                case .relative where tokens[complement.range.lowerBound].lower == "which":
                    // ", which already includes ...": the relative clause's subject is the noun group before it.
                    guard let position = complements.firstIndex(of: complement), position > 0,
                          let antecedent = complements[..<position].last(where: { complement in
                              guard let group = complement.group else { return false }
                              return !parser.isTimeWord(tokens[group.head]) && complement.kind != .time
                          })?.group,
                          complement.range.count > 2, isFiniteVerbStart(complement.range.lowerBound + 1, end: complement.range.upperBound)
                    else { break }
                    parseClause(start: complement.range.lowerBound + 1, end: complement.range.upperBound,
                                role: .relative(parent: index), subject: (antecedent, [antecedent.range]), into: &clauses)
                default:
                    break
                }
            }
            return index
        }

        private func extend(_ pieces: inout [Range<Int>], to end: Int) {
            guard let last = pieces.last else { return }
            pieces[pieces.count - 1] = last.lowerBound..<max(last.upperBound, end)
        }

        // MARK: Before the subject

        /// "In February,", "During the closure,", "Before the trial began,", "Last month", "By midday".
        private func frontAdjunct(at position: Int, end: Int) -> (Constituent, Int)? {
            guard position < end else { return nil }
            let token = tokens[position]
            // "Last month the council ..."
            if parser.words.timeModifiers.contains(token.lower), position + 1 < end, parser.isTimeWord(tokens[position + 1]) {
                var stop = position + 2
                if stop < end, tokens[stop].text == "," { stop += 1 }
                return (Constituent(kind: .time, range: position..<(position + 2)), stop)
            }
            // "Later,", "Meanwhile,", "However,": one word and a comma.
            if token.kind == .word, [.adverb, .adjective, .conjunction].contains(token.tag), position + 1 < end, tokens[position + 1].text == "," {
                return (Constituent(kind: .adverb, range: position..<(position + 1)), position + 2)
            }
            // "Around 2,400 people use the line": a number's modifier, not an adjunct.
            if groups.numberModifierLength(tokens, at: position, end: end) > 0,
               groups.group(in: tokens, at: position, limit: end) != nil {
                return nil
            }
            let opensAdjunct = token.tag == .preposition || token.tag == .subordinator || token.tag == .adverb
                || (token.tag == .wh && token.lower == "when") || (token.tag == .properNoun && parser.isTimeWord(token))
                || (token.tag == .number && parser.isTimeWord(token))
            guard opensAdjunct else { return nil }
            // Up to a comma, within reach.
            var index = position + 1
            var depth = 0
            while index < end, index - position <= 24 {
                let current = tokens[index]
                if current.tag == .openQuote { depth += 1 }
                if current.tag == .closeQuote { depth -= 1 }
                if current.text == ",", depth <= 0 { break }
                index += 1
            }
            if index < end, tokens[index].text == ",", index > position + 1 || token.tag == .adverb {
                let range = position..<index
                let kind: Constituent.Kind
                if token.tag == .subordinator || token.tag == .wh {
                    kind = token.lower == "because" ? .reason("because") : .subordinate(token.lower)
                } else if token.tag == .preposition {
                    if words.clausePrepositions.contains(token.lower), clauseFollows(at: position + 1, end: index) {
                        kind = .subordinate(token.lower)
                    } else {
                        kind = .prepositional(token.lower)
                    }
                } else if token.tag == .adverb {
                    kind = .adverb
                } else {
                    kind = .time
                }
                // A subject must follow.
                guard index + 1 < end else { return nil }
                return (Constituent(kind: kind, range: range, group: groups.coordinated(in: tokens, at: position + 1, limit: index)), index + 1)
            }
            // "By midday they were up": a short phrase right before a subject pronoun.
            if token.tag == .preposition, let object = groups.group(in: tokens, at: position + 1, limit: end),
               object.range.upperBound < end, tokens[object.range.upperBound].tag == .pronoun,
               words.pronouns[tokens[object.range.upperBound].lower]?.grammaticalCase == .subject {
                return (Constituent(kind: .prepositional(token.lower), range: position..<object.range.upperBound, group: object),
                        object.range.upperBound)
            }
            return nil
        }

        // MARK: The subject's interruptions

        /// The matching comma, dash or bracket after `position`, outside quotations.
        private func closing(_ closer: String, after position: Int, end: Int) -> Int? {
            var depth = 0
            var index = position + 1
            while index < end {
                let token = tokens[index]
                if token.tag == .openQuote { depth += 1 }
                if token.tag == .closeQuote { depth = max(0, depth - 1) }
                if depth == 0, token.text == closer { return index }
                index += 1
            }
            return nil
        }

        private func interruptionKind(_ segment: Range<Int>) -> Constituent.Kind {
            let first = tokens[segment.lowerBound]
            // ", she said," is an attribution, not an appositive.
            if attribution(from: segment.lowerBound, end: segment.upperBound) != nil { return .other }
            if first.tag == .relative { return .relative }
            if first.tag == .verb, first.form == .pastParticiple || first.form == .gerund { return .participle }
            if first.lower == "including" { return .including }
            if groups.group(in: tokens, at: segment.lowerBound, limit: segment.upperBound) != nil
                || (first.tag == .adverb && groups.group(in: tokens, at: segment.lowerBound + 1, limit: segment.upperBound) != nil) {
                return .appositive
            }
            return .other
        }

        /// Where a restrictive relative clause or participle phrase in the subject ends: at the main verb.
        private func restrictiveEnd(from position: Int, end: Int) -> Int? {
            var index = position + 1
            var sawVerb = tokens[position].tag == .verb
            while index < end {
                let token = tokens[index]
                if token.text == "," { return index }
                if isFiniteVerbStart(index, end: end) {
                    if sawVerb { return index }
                    sawVerb = true
                    if let verb = verbGroup(at: index, end: end) {
                        index = verb.range.upperBound
                        continue
                    }
                }
                index += 1
            }
            return nil
        }

        // MARK: Verbs

        func isFiniteVerbStart(_ position: Int, end: Int) -> Bool {
            var index = position
            while index < end, tokens[index].tag == .adverb, index - position < 2 { index += 1 }
            guard index < end else { return false }
            let token = tokens[index]
            switch token.tag {
            case .modal:
                return true
            case .auxiliary:
                return token.form != .gerund && token.form != .pastParticiple && token.lower != "be"
            case .verb:
                return token.form == .past || token.form == .thirdPerson || token.form == .base
            default:
                return false
            }
        }

        /// "..., and bought a smaller one": a verb that may be past or participle, with an object after it.
        func isPastWithObject(_ position: Int, end: Int) -> Bool {
            guard position + 1 < end, tokens[position].tag == .verb, tokens[position].form == .pastOrParticiple else { return false }
            return tokens[position + 1].tag == .determiner || tokens[position + 1].tag == .possessivePronoun
        }

        func verbGroup(at start: Int, end: Int) -> VerbGroup? {
            var index = start
            var auxiliaries: [Int] = []
            var negation: Int?
            var main: Int?
            var raising: [Int] = []
            var haveTo: Int?
            while index < end {
                let token = tokens[index]
                // "has to reach": "have to" is a verb of its own, followed by the main verb.
                if token.tag == .auxiliary, token.lemma == "have", index + 2 < end, tokens[index + 1].tag == .infinitive,
                   tokens[index + 2].tag == .verb || tokens[index + 2].tag == .auxiliary {
                    haveTo = index
                    raising.append(contentsOf: [index, index + 1])
                    index += 2
                    continue
                }
                if token.tag == .auxiliary || token.tag == .modal {
                    if haveTo != nil, token.lemma == "be", index + 1 < end, tokens[index + 1].tag == .verb {
                        // "has to be repaired": the auxiliary after "have to".
                        auxiliaries.append(index)
                        index += 1
                        continue
                    }
                    auxiliaries.append(index)
                    index += 1
                    continue
                }
                if token.tag == .negation {
                    negation = index
                    index += 1
                    continue
                }
                if token.tag == .adverb, index + 1 < end,
                   [.verb, .auxiliary, .modal, .negation, .adverb].contains(tokens[index + 1].tag) {
                    index += 1
                    continue
                }
                if token.tag == .verb {
                    // "believed to be supplying", "scheduled to begin".
                    if !auxiliaries.isEmpty, words.raisingWords.contains(token.lower), index + 1 < end, tokens[index + 1].tag == .infinitive {
                        raising.append(contentsOf: [index, index + 1])
                        index += 2
                        continue
                    }
                    main = index
                    index += 1
                    break
                }
                if token.tag == .adjective, !auxiliaries.isEmpty, words.raisingWords.contains(token.lower), index + 1 < end,
                   tokens[index + 1].tag == .infinitive {
                    raising.append(contentsOf: [index, index + 1])
                    index += 2
                    continue
                }
                break
            }
            if main == nil, haveTo != nil, let last = auxiliaries.last { main = last }
            if main == nil {
                guard let last = auxiliaries.last, raising.isEmpty else { return nil }
                main = last
            }
            guard let main else { return nil }
            var particle: Int?
            if tokens[main].tag == .verb, main + 1 < end, parser.words.particles.contains(tokens[main + 1].lower) {
                let after = main + 2 < end ? tokens[main + 2] : nil
                // "set up a fund", "held up even as", "gave away the goal" — not "went up the hill".
                if tokens[main + 1].lower != "up" || after == nil || after?.tag == .adverb || after?.tag == .determiner
                    || after?.text == "," || after?.tag == .subordinator {
                    particle = main + 1
                }
            }
            var group = VerbGroup(range: start..<(main + 1), auxiliaries: auxiliaries, main: main, negation: negation,
                                  raising: raising, particle: particle)
            group.haveTo = haveTo
            return group
        }

        /// A noun group followed by a finite verb: a clause starts here.
        func clauseFollows(at position: Int, end: Int) -> Bool {
            guard position < end else { return false }
            if tokens[position].tag == .existential { return true }
            guard let group = groups.coordinated(in: tokens, at: position, limit: end) else { return false }
            var index = group.range.upperBound
            // Allow one post-modifying phrase: "demand for meals that ... had held up".
            for _ in 0..<3 {
                if isFiniteVerbStart(index, end: end) { return true }
                guard index < end else { return false }
                if tokens[index].tag == .preposition, let object = groups.group(in: tokens, at: index + 1, limit: end) {
                    index = object.range.upperBound
                    continue
                }
                if tokens[index].tag == .relative, let after = restrictiveEnd(from: index, end: end) {
                    index = after
                    continue
                }
                // "said Kjell Amundsen, who owns the building, had ignored ...": an interruption between commas.
                if tokens[index].text == ",", let close = closing(",", after: index, end: end), close > index + 1,
                   interruptionKind((index + 1)..<close) != .other {
                    index = close + 1
                    continue
                }
                return false
            }
            return false
        }

        // MARK: After the verb

        /// Commas that start a new part of the sentence, not another item of a list.
        private func isMajorBreak(_ comma: Int, end: Int) -> Bool {
            guard comma + 1 < end else { return true }
            let next = tokens[comma + 1]
            switch next.tag {
            case .relative, .subordinator, .complementizer:
                return true
            case .conjunction:
                return comma + 2 < end && (isFiniteVerbStart(comma + 2, end: end) || isPastWithObject(comma + 2, end: end)
                    || clauseFollows(at: comma + 2, end: end))
            case .verb:
                return next.form == .gerund || next.form == .pastParticiple
            case .preposition:
                return next.lower == "according" || next.lower == "including" || next.lower == "while" || next.lower == "because" || words.clausePrepositions.contains(next.lower)
            default:
                return next.lower == "according" || next.lower == "including" || attribution(from: comma + 1, end: end) != nil
            }
        }

        private func segmentEnd(from position: Int, end: Int) -> Int {
            var index = position
            var depth = 0
            while index < end {
                let token = tokens[index]
                if token.tag == .openQuote { depth += 1 }
                if token.tag == .closeQuote { depth = max(0, depth - 1) }
                if depth == 0, token.text == ",", isMajorBreak(index, end: end) { return index }
                if depth == 0, token.text == ";" { return index }
                // "... to install sensors in order to detect movement".
                if depth == 0, index > position, token.lower == "in", index + 2 < end, tokens[index + 1].lower == "order",
                   tokens[index + 2].lower == "to" {
                    return index
                }
                // "... to give up their phones because earlier trials had found ...".
                if depth == 0, index > position, token.tag == .subordinator, token.lower != "so" || index + 1 < end && tokens[index + 1].lower == "that" {
                    return index
                }
                index += 1
            }
            return end
        }

        /// ", the coastguard said", ", officials said", ", said Jane Doe", ", according to the coastguard".
        func attribution(from position: Int, end: Int) -> Range<Int>? {
            guard position < end else { return nil }
            if tokens[position].lower == "according", position + 1 < end, tokens[position + 1].lower == "to" {
                return position..<end
            }
            if words.speechVerbs.contains(tokens[position].lemma) || words.reportingVerbs.contains(tokens[position].lemma),
               tokens[position].tag == .verb, let group = groups.group(in: tokens, at: position + 1, limit: end),
               group.range.upperBound == end {
                return position..<end
            }
            guard let group = groups.group(in: tokens, at: position, limit: end), group.range.upperBound < end else { return nil }
            let verb = tokens[group.range.upperBound]
            guard verb.tag == .verb, words.speechVerbs.contains(verb.lemma) || words.reportingVerbs.contains(verb.lemma) else { return nil }
            // Only a short tail: "in a statement", "on Friday".
            var index = group.range.upperBound + 1
            while index < end {
                if tokens[index].tag == .preposition, let object = groups.group(in: tokens, at: index + 1, limit: end) {
                    index = object.range.upperBound
                } else if tokens[index].tag == .properNoun || parser.isTimeWord(tokens[index]) {
                    index += 1
                } else {
                    return nil
                }
            }
            return position..<end
        }

        private func readComplements(from start: Int, end: Int, verb: VerbGroup) -> ([Constituent], Range<Int>?) {
            var result: [Constituent] = []
            var position = start
            let reporting = words.reportingVerbs.contains(tokens[verb.main].lemma)
            while position < end {
                let token = tokens[position]
                // Reported speech without "that": "said the city should have waited", "said on Wednesday it would".
                if reporting, result.allSatisfy({ constituent in
                       constituent.kind == .nounGroup || constituent.kind == .adverb || constituent.kind == .time
                           || (constituent.kind != .other && tokens[constituent.range].contains(where: parser.isTimeWord))
                   }), result.count <= 1 || (result.count == 2 && result.contains { $0.kind != .nounGroup }),
                   token.tag != .preposition, clauseFollows(at: position, end: end) {
                    result.append(Constituent(kind: .complement, range: position..<end))
                    position = end
                    break
                }
                if token.kind == .punctuation, token.text == "," || token.text == ";" || token.text == "—" || token.text == "–" {
                    let next = position + 1
                    guard next < end else { break }
                    if token.text == ",", let attribution = attribution(from: next, end: end) {
                        return (result, attribution)
                    }
                    let nextToken = tokens[next]
                    if token.text == ";" {
                        result.append(Constituent(kind: .coordinatedClause, range: next..<end))
                        position = end
                        continue
                    }
                    if nextToken.tag == .relative {
                        let stop = segmentEnd(from: next + 1, end: end)
                        result.append(Constituent(kind: .relative, range: next..<stop))
                        position = stop
                        continue
                    }
                    if nextToken.lower == "including" {
                        let stop = segmentEnd(from: next + 1, end: end)
                        result.append(Constituent(kind: .including, range: next..<stop))
                        position = stop
                        continue
                    }
                    if nextToken.tag == .verb, nextToken.form == .gerund || nextToken.form == .pastParticiple {
                        let stop = segmentEnd(from: next + 1, end: end)
                        result.append(Constituent(kind: .participle, range: next..<stop))
                        position = stop
                        continue
                    }
                    if nextToken.tag == .conjunction {
                        if isFiniteVerbStart(next + 1, end: end)
                            || (tokens[verb.main].form == .past || tokens[verb.main].form == .pastOrParticiple) && isPastWithObject(next + 1, end: end) {
                            result.append(Constituent(kind: .coordinatedVerb, range: (next + 1)..<end))
                            position = end
                            continue
                        }
                        if clauseFollows(at: next + 1, end: end) {
                            result.append(Constituent(kind: .coordinatedClause, range: (next + 1)..<end))
                            position = end
                            continue
                        }
                        position = next + 1
                        continue
                    }
                    if nextToken.tag == .subordinator || (words.clausePrepositions.contains(nextToken.lower)
                        && clauseFollows(at: next + 1, end: end)) {
                        let stop = segmentEnd(from: next + 1, end: end)
                        let kind: Constituent.Kind = nextToken.lower == "because" ? .reason("because") : .subordinate(nextToken.lower)
                        result.append(Constituent(kind: kind, range: next..<stop))
                        position = stop
                        continue
                    }
                    if token.text == ",", let group = groups.coordinated(in: tokens, at: next, limit: end),
                       !isFiniteVerbStart(group.range.upperBound, end: end) {
                        let stop = segmentEnd(from: group.range.upperBound, end: end)
                        result.append(Constituent(kind: .appositive, range: next..<stop, group: group))
                        position = stop
                        continue
                    }
                    position = next
                    continue
                }
                if token.tag == .conjunction, token.lower == "and" || token.lower == "but" || token.lower == "or" {
                    if isFiniteVerbStart(position + 1, end: end) || (position + 1 < end && tokens[position + 1].tag == .verb
                        && tokens[position + 1].form == tokens[verb.main].form) {
                        result.append(Constituent(kind: .coordinatedVerb, range: (position + 1)..<end))
                        position = end
                        continue
                    }
                    if clauseFollows(at: position + 1, end: end) {
                        result.append(Constituent(kind: .coordinatedClause, range: (position + 1)..<end))
                        position = end
                        continue
                    }
                    result.append(Constituent(kind: .other, range: position..<(position + 1)))
                    position += 1
                    continue
                }
                if token.tag == .complementizer {
                    var start = position + 1
                    // "concerned that, in exchange, Russia ...": skip a parenthetical right after "that".
                    if start < end, tokens[start].text == ",", let close = closing(",", after: start, end: end) { start = close + 1 }
                    result.append(Constituent(kind: .complement, range: start..<end))
                    position = end
                    continue
                }
                if token.tag == .subordinator {
                    let stop = segmentEnd(from: position + 1, end: end)
                    let kind: Constituent.Kind
                    if token.lower == "because" {
                        kind = .reason("because")
                    } else if token.lower == "so", position + 1 < end, tokens[position + 1].lower == "that" {
                        kind = .purpose
                    } else {
                        kind = .subordinate(token.lower)
                    }
                    result.append(Constituent(kind: kind, range: position..<stop))
                    position = stop
                    continue
                }
                if token.tag == .infinitive {
                    let stop = segmentEnd(from: position + 1, end: end)
                    result.append(Constituent(kind: .infinitive, range: position..<stop))
                    position = stop
                    continue
                }
                if token.tag == .openQuote, let close = (position + 1..<end).first(where: { tokens[$0].tag == .closeQuote }) {
                    // A quoted noun group ("full support") is a noun group; a quoted clause is a quote.
                    if let group = groups.coordinated(in: tokens, at: position, limit: end), group.range.upperBound >= close {
                        result.append(Constituent(kind: .nounGroup, range: group.range, group: group))
                        position = group.range.upperBound
                    } else {
                        result.append(Constituent(kind: .quote, range: position..<(close + 1)))
                        position = close + 1
                    }
                    continue
                }
                if token.text == ":" {
                    result.append(Constituent(kind: .colon, range: (position + 1)..<end))
                    position = end
                    continue
                }
                if token.tag == .preposition || (token.lower == "in" && position + 2 < end) {
                    let lower = token.lower
                    // "as much as 6.2 percent", "about $41 million": a noun group led by a number modifier.
                    if groups.numberModifierLength(tokens, at: position, end: end) > 0,
                       let group = groups.group(in: tokens, at: position, limit: end), group.range.lowerBound == position,
                       tokens[group.range].contains(where: { $0.tag == .number }) {
                        result.append(Constituent(kind: .nounGroup, range: group.range, group: group))
                        position = group.range.upperBound
                        continue
                    }
                    if lower == "in", position + 2 < end, tokens[position + 1].lower == "order", tokens[position + 2].lower == "to" {
                        let stop = segmentEnd(from: position + 3, end: end)
                        result.append(Constituent(kind: .purpose, range: position..<stop))
                        position = stop
                        continue
                    }
                    if lower == "according", position + 1 < end, tokens[position + 1].lower == "to" {
                        return (result, position..<end)
                    }
                    var reasonWord: String?
                    var objectStart = position + 1
                    if lower == "because" || lower == "due" || lower == "thanks", position + 1 < end,
                       tokens[position + 1].lower == "of" || tokens[position + 1].lower == "to" {
                        reasonWord = lower
                        objectStart = position + 2
                    } else if lower == "amid" || lower == "amidst" {
                        reasonWord = lower
                    } else if lower == "as", position + 3 < end, tokens[position + 1].lower == "a", tokens[position + 2].lower == "result",
                              tokens[position + 3].lower == "of" {
                        reasonWord = "as a result of"
                        objectStart = position + 4
                    }
                    if let reasonWord {
                        let stop = segmentEnd(from: objectStart, end: end)
                        result.append(Constituent(kind: .reason(reasonWord), range: position..<stop,
                                                  group: groups.coordinated(in: tokens, at: objectStart, limit: stop)))
                        position = stop
                        continue
                    }
                    if words.clausePrepositions.contains(lower), clauseFollows(at: position + 1, end: end) {
                        let stop = segmentEnd(from: position + 1, end: end)
                        let kind: Constituent.Kind = lower == "after" ? .reason("after") : .subordinate(lower)
                        result.append(Constituent(kind: kind, range: position..<stop))
                        position = stop
                        continue
                    }
                    if let group = groups.coordinated(in: tokens, at: position + 1, limit: end) {
                        var stop = group.range.upperBound
                        if stop < end, tokens[stop].lower == "ago" { stop += 1 }
                        result.append(Constituent(kind: .prepositional(lower), range: position..<stop, group: group))
                        position = stop
                        continue
                    }
                    // "for another 15 years", "since 1984" — groups start with numbers too; else a lone preposition.
                    result.append(Constituent(kind: .other, range: position..<(position + 1)))
                    position += 1
                    continue
                }
                if token.tag == .adverb || token.tag == .negation {
                    result.append(Constituent(kind: .adverb, range: position..<(position + 1)))
                    position += 1
                    continue
                }
                if parser.isTimeWord(token), token.tag != .number || token.value.map({ $0 >= 1900 && $0 <= 2100 }) == true,
                   groups.group(in: tokens, at: position, limit: end).map({ $0.range.count == 1 }) ?? true {
                    result.append(Constituent(kind: .time, range: position..<(position + 1)))
                    position += 1
                    continue
                }
                if parser.words.timeModifiers.contains(token.lower), position + 1 < end, parser.isTimeWord(tokens[position + 1]) {
                    result.append(Constituent(kind: .time, range: position..<(position + 2)))
                    position += 2
                    continue
                }
                if var group = groups.coordinated(in: tokens, at: position, limit: end) {
                    // "gave Putin artwork": a name and then a noun are a recipient and a thing, after a giving verb.
                    if words.givingVerbs.contains(tokens[verb.main].lemma), !result.contains(where: { $0.kind == .nounGroup }),
                       token.tag == .properNoun {
                        var nameEnd = position
                        while nameEnd < group.range.upperBound, tokens[nameEnd].tag == .properNoun { nameEnd += 1 }
                        if nameEnd < group.coreEnd, tokens[nameEnd].tag == .noun || tokens[nameEnd].tag == .adjective {
                            group = NounGroup(range: position..<nameEnd, head: nameEnd - 1, coreEnd: nameEnd)
                        }
                    }
                    // "sent residents text alerts": a bare plural noun, then the thing sent.
                    if words.givingVerbs.contains(tokens[verb.main].lemma), !result.contains(where: { $0.kind == .nounGroup }),
                       token.tag == .noun, token.form == .plural, position + 1 < group.coreEnd,
                       tokens[position + 1].tag == .noun || tokens[position + 1].tag == .adjective {
                        group = NounGroup(range: position..<(position + 1), head: position, coreEnd: position + 1)
                    }
                    // "a year ago" is a time.
                    if group.range.upperBound < end, tokens[group.range.upperBound].lower == "ago" {
                        result.append(Constituent(kind: .time, range: group.range.lowerBound..<(group.range.upperBound + 1), group: group))
                        position = group.range.upperBound + 1
                        continue
                    }
                    result.append(Constituent(kind: .nounGroup, range: group.range, group: group))
                    position = group.range.upperBound
                    continue
                }
                if token.tag == .verb, token.form == .gerund || token.form == .base {
                    // "fear losing their customers", "watched Ferrow come from a goal down": a verb phrase complement.
                    let stop = segmentEnd(from: position + 1, end: end)
                    result.append(Constituent(kind: .infinitive, range: position..<stop))
                    position = stop
                    continue
                }
                result.append(Constituent(kind: .other, range: position..<(position + 1)))
                position += 1
            }
            return (result, nil)
        }
    }
}

extension ClauseParser {
    /// Marks the complements that follow a comma after the verb.
    static func markAsides(_ complements: inout [Constituent], tokens: [Token], verbEnd: Int) {
        for index in complements.indices {
            let start = complements[index].range.lowerBound
            complements[index].afterComma = tokens[verbEnd..<max(verbEnd, start)].contains { $0.text == "," }
        }
    }
}
