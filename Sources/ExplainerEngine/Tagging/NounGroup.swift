/// A noun group found in a sentence: determiner, modifiers, head and attached of-phrases.
struct NounGroup: Sendable, Hashable {
    /// Token range, including attached "of" and "per" phrases.
    var range: Range<Int>
    /// The head noun, proper noun, number or pronoun (of the first group, before any "of").
    var head: Int
    /// The end of the group before any attached "of" or "per" phrase.
    var coreEnd: Int

    var isEmpty: Bool { range.isEmpty }
}

/// Finds noun groups ("a Russian Navy dagger", "one of the luxury cars", "$48 million",
/// "Linden Vale's 38-year-old captain") in tagged tokens.
struct NounGroupFinder: Sendable {
    let words: WordLists

    /// How many words of a number modifier (the `number-modifiers` word group) start at `index`:
    /// "about" 1, "more than" 2, "as much as" 3.
    func numberModifierLength(_ tokens: [Token], at index: Int, end: Int) -> Int {
        guard index < end, let phrases = words.numberModifiers[tokens[index].lower] else { return 0 }
        var longest = 0
        for phrase in phrases where phrase.count > longest && index + phrase.count <= end {
            if phrase.indices.allSatisfy({ tokens[index + $0].lower == phrase[$0] }) { longest = phrase.count }
        }
        return longest
    }

    /// The noun group starting at `start`, or nil when none starts there.
    func group(in tokens: [Token], at start: Int, limit: Int? = nil) -> NounGroup? {
        let end = limit ?? tokens.count
        guard start < end else { return nil }
        var index = start
        var head: Int?
        // Leading number modifiers: "about 620 people", "more than 900", "as much as 6.2 percent".
        var lead = index
        for _ in 0..<2 {
            let length = numberModifierLength(tokens, at: lead, end: end)
            if length == 0 { break }
            lead += length
        }
        if lead > index, lead < end, tokens[lead].tag == .number || tokens[lead].tag == .symbol && lead + 1 < end && tokens[lead + 1].tag == .number {
            index = lead
        }
        let first = tokens[index]
        switch first.tag {
        case .pronoun:
            head = index
            index += 1
            return extend(tokens, NounGroup(range: start..<index, head: index - 1, coreEnd: index), end: end)
        case .determiner, .possessivePronoun, .adjective, .noun, .properNoun, .number, .openQuote, .symbol, .adverb:
            break
        default:
            return nil
        }
        if first.tag == .adverb {
            // Only an adverb before an adjective or number: "very beautiful", "nearly two".
            guard index + 1 < end, tokens[index + 1].tag == .adjective || tokens[index + 1].tag == .number else { return nil }
        }
        if first.tag == .symbol, !words.currencies.contains(first.text) { return nil }
        var quoteOpen = false
        while index < end {
            let token = tokens[index]
            switch token.tag {
            case .determiner:
                // A determiner only at the start (or after "all", "both", "half").
                guard index == start || (index > start && words.predeterminers.contains(tokens[index - 1].lower)) else {
                    return finish(tokens, start, index, head, end)
                }
            case .possessivePronoun:
                guard index == start || tokens[index - 1].tag == .determiner else { return finish(tokens, start, index, head, end) }
            case .adjective:
                // An adjective after the head noun ends the group: "14 months starting next spring".
                if let current = head, tokens[current].tag == .noun || tokens[current].tag == .properNoun {
                    return finish(tokens, start, index, head, end)
                }
            case .adverb:
                guard index + 1 < end, tokens[index + 1].tag == .adjective || tokens[index + 1].tag == .number else {
                    return finish(tokens, start, index, head, end)
                }
            case .noun, .properNoun:
                head = index
            case .number:
                // "pay each tenant 2,500 crowns", "fined the tannery 3.2 million florins": after a common noun,
                // a number and its noun are another group.
                if let current = head, tokens[current].tag == .noun, index + 1 < end,
                   tokens[index + 1].tag == .noun || (tokens[index + 1].tag == .number && index + 2 < end && tokens[index + 2].tag == .noun) {
                    return finish(tokens, start, index, head, end)
                }
                head = index
            case .symbol:
                guard words.currencies.contains(token.text) || token.text == "%" || token.text == "&" else {
                    return finish(tokens, start, index, head, end)
                }
                if token.text == "%" { head = index }
                if token.text == "&" {
                    guard index + 1 < end, tokens[index + 1].tag == .properNoun else { return finish(tokens, start, index, head, end) }
                }
            case .possessive:
                // "Kim's collection": the possessor ends, the group goes on.
                guard head != nil else { return finish(tokens, start, index, head, end) }
                head = nil
            case .openQuote:
                // A quoted phrase inside a noun group: "full support".
                guard index + 1 < end, tokens[index + 1].kind == .word else { return finish(tokens, start, index, head, end) }
                quoteOpen = true
            case .closeQuote:
                guard quoteOpen else { return finish(tokens, start, index, head, end) }
                quoteOpen = false
            case .conjunction:
                // Coordinated modifiers: "frozen and chilled food maker", "US and South Korean officials".
                guard index > start, index + 1 < end, token.lower == "and" else { return finish(tokens, start, index, head, end) }
                let previous = tokens[index - 1]
                let following = tokens[index + 1]
                let adjectives = previous.tag == .adjective && following.tag == .adjective
                let names = previous.tag == .properNoun && following.tag == .properNoun && isModifierRun(tokens, from: index + 1, end: end)
                guard adjectives || names else { return finish(tokens, start, index, head, end) }
            case .punctuation where token.text == "&":
                // "the Ferrow & District Regional Cup".
                guard index > start, tokens[index - 1].tag == .properNoun, index + 1 < end, tokens[index + 1].tag == .properNoun else {
                    return finish(tokens, start, index, head, end)
                }
            case .punctuation where token.text == ",":
                // "a dim, warm-coloured display": adjectives separated by a comma.
                guard index > start, tokens[index - 1].tag == .adjective, index + 1 < end, tokens[index + 1].tag == .adjective,
                      index + 2 < end, tokens[index + 2].tag == .noun || tokens[index + 2].tag == .adjective
                else { return finish(tokens, start, index, head, end) }
            default:
                return finish(tokens, start, index, head, end)
            }
            index += 1
        }
        return finish(tokens, start, index, head, end)
    }

    /// Whether the proper nouns from `index` run into a common noun ("South Korean officials").
    private func isModifierRun(_ tokens: [Token], from index: Int, end: Int) -> Bool {
        var position = index
        while position < end, tokens[position].tag == .properNoun { position += 1 }
        return position < end && tokens[position].tag == .noun
    }

    private func finish(_ tokens: [Token], _ start: Int, _ index: Int, _ head: Int?, _ end: Int) -> NounGroup? {
        var stop = index
        // Don't end on a determiner, adjective without a head, or an open quote.
        while stop > start, [.determiner, .possessivePronoun, .openQuote, .conjunction, .punctuation, .adverb].contains(tokens[stop - 1].tag) {
            stop -= 1
        }
        guard stop > start else { return nil }
        var groupHead = head.flatMap { $0 < stop ? $0 : nil }
        if groupHead == nil {
            // "the poor", "the first": an adjective standing as a head.
            if let adjective = (start..<stop).last(where: { tokens[$0].tag == .adjective }) { groupHead = adjective } else { return nil }
        }
        // Close a quotation the group opened: "full support".
        if stop < end, tokens[stop].tag == .closeQuote, tokens[start..<stop].contains(where: { $0.tag == .openQuote }) {
            stop += 1
        }
        return extend(tokens, NounGroup(range: start..<stop, head: groupHead!, coreEnd: stop), end: end)
    }

    /// Attaches "of NP" and "per NP": "a grant of $30 million", "1.10 marks per share".
    private func extend(_ tokens: [Token], _ group: NounGroup, end: Int) -> NounGroup {
        var result = group
        while result.range.upperBound + 1 < end {
            let next = tokens[result.range.upperBound]
            guard next.lower == "of" || next.lower == "per" else { break }
            guard let object = self.group(in: tokens, at: result.range.upperBound + 1, limit: end) else { break }
            result.range = result.range.lowerBound..<object.range.upperBound
        }
        return result
    }

    /// A coordinated noun group: "a Russian Navy dagger and a tea set", "several Mercedes, a Maybach limo, and a Rolls Royce Phantom".
    /// In a subject (`subject: true`) a verb after the last member is the whole group's verb.
    func coordinated(in tokens: [Token], at start: Int, limit: Int? = nil, subject: Bool = false) -> NounGroup? {
        let end = limit ?? tokens.count
        guard var result = group(in: tokens, at: start, limit: end) else { return nil }
        while result.range.upperBound < end {
            var next = result.range.upperBound
            let token = tokens[next]
            var sawConjunction = false
            if token.text == "," {
                next += 1
                if next < end, tokens[next].tag == .conjunction, tokens[next].lower == "and" || tokens[next].lower == "or" {
                    next += 1
                    sawConjunction = true
                }
            } else if token.tag == .conjunction, token.lower == "and" || token.lower == "or" {
                next += 1
                sawConjunction = true
            } else {
                break
            }
            guard next < end, let member = group(in: tokens, at: next, limit: end) else { break }
            // A list item must look like a noun group, not the subject of a new clause.
            var after = member.range.upperBound
            for _ in 0..<3 {
                guard after < end, tokens[after].tag == .preposition, let object = group(in: tokens, at: after + 1, limit: end) else { break }
                after = object.range.upperBound
            }
            if !subject, after < end, tokens[after].isVerbLike, tokens[after].tag != .verb || tokens[after].form != .pastParticiple { break }
            // "Inés Sánchez, the 38-year-old captain": after a bare name, a determined group is an appositive.
            if token.text == ",", !sawConjunction, tokens[result.range.lowerBound].tag == .properNoun,
               tokens[result.head].tag == .properNoun,
               [.determiner, .possessivePronoun].contains(tokens[next].tag) || (tokens[next].tag == .properNoun
                   && tokens[next..<member.range.upperBound].contains(where: { $0.tag == .possessive })) {
                break
            }
            if token.text == ",", !sawConjunction {
                // ", NP" without "and": only inside a list that ends with "and NP".
                guard listEndsWithConjunction(tokens, from: member.range.upperBound, end: end) else { break }
            }
            result.range = result.range.lowerBound..<member.range.upperBound
        }
        return result
    }

    private func listEndsWithConjunction(_ tokens: [Token], from index: Int, end: Int) -> Bool {
        var position = index
        var steps = 0
        while position < end, steps < 6 {
            let token = tokens[position]
            if token.tag == .conjunction, token.lower == "and" || token.lower == "or" { return true }
            if token.text == "," {
                position += 1
                if position < end, tokens[position].tag == .conjunction { return true }
                guard let member = group(in: tokens, at: position, limit: end) else { return false }
                position = member.range.upperBound
                steps += 1
                continue
            }
            return false
        }
        return false
    }
}
