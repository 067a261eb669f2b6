/// A person, organisation or place the article names.
struct Entity: Sendable, Hashable {
    /// `event`: a race, cup, festival or summit ("the Northern Regatta"), asked about with "what".
    enum Kind: Sendable, Hashable { case person, organisation, place, event, unknown }

    /// The fullest form the article's own narrative uses ("Kim Jong-un" for "Kim").
    var name: String
    var kind: Kind
    /// Learned from the pronouns that refer to the entity.
    var gender: WordLists.Pronoun.Gender?
    /// Mentions of the entity in quotations only, never in the narrative.
    var onlyQuoted: Bool

    /// "Hedda Strom's", "Corvane Foods'".
    var possessive: String { name.hasSuffix("s") ? name + "'" : name + "'s" }
}

/// The names in an article, linked so that "Kim" is "Kim Jong-un" and "Sánchez" the nearest Sánchez.
///
/// A name is a run of proper nouns that heads its noun group (not a modifier, as in "Kremlin
/// aide" or "Aurus limousine"), without courtesy titles and role words in front (Dr., Vice
/// President). Its kind comes from role words before it (a person), from the words that end
/// organisation and place names (Council, Foods, Street, Island), and from WordNet.
struct EntityIndex: Sendable {
    /// One name in one sentence.
    struct Mention: Sendable, Hashable {
        var sentence: Int
        /// The name's tokens, without titles or honorifics.
        var range: Range<Int>
        var entity: Int
        /// Role words before the name in the same noun group: "Kremlin aide", "former Vice President".
        var title: Range<Int>?
    }

    private(set) var entities: [Entity] = []
    /// Every word of every entity's name.
    private(set) var nameWords: WordSet = []
    private(set) var mentions: [Mention] = []
    /// Sentence → token → mention index (-1: no name).
    private var byToken: [[Int]] = []
    /// Sentence → its mentions' indices, in order.
    private var bySentence: [[Int]] = []

    init() {}

    init(sentences: [AnalyzedSentence], lexicon: Lexicon) {
        let words = lexicon.words
        struct Raw {
            var sentence: Int
            var range: Range<Int>
            var text: String
            var title: Range<Int>?
            var person: Bool
            var quoted: Bool
            /// Follows "in", "at", "from": a place.
            var located = false
        }
        var raws: [Raw] = []
        var personNouns = WordTable<Bool>()
        func isPersonNoun(_ lemma: String) -> Bool {
            if let known = personNouns[lemma] { return known }
            let result = lexicon.nouns?.isPerson(lemma) ?? false
            personNouns[lemma] = result
            return result
        }
        for sentence in sentences where sentence.blockKind != .subhead {
            let tokens = sentence.tokens
            var index = 0
            while index < tokens.count {
                guard tokens[index].tag == .properNoun else {
                    index += 1
                    continue
                }
                if words.weekdays.contains(tokens[index].lower) || words.months.contains(tokens[index].lower) {
                    index += 1
                    continue
                }
                var end = index + 1
                while end < tokens.count {
                    if words.weekdays.contains(tokens[end].lower) || words.months.contains(tokens[end].lower) { break }
                    if tokens[end].tag == .properNoun {
                        end += 1
                    } else if end + 1 < tokens.count, tokens[end + 1].tag == .properNoun,
                              tokens[end].text == "&" || (tokens[end].lower == "of" && words.nameSuffixes[tokens[end - 1].lower] == .organisation) {
                        end += 2
                    } else {
                        break
                    }
                }
                defer { index = end }
                // A modifier of a common noun is not a name on its own: "Kremlin aide", "Aurus limousine".
                if end < tokens.count, tokens[end].tag == .noun { continue }
                var start = index
                var title: Range<Int>?
                var person = false
                // An honorific written without its dot opens the run: "Dr Ingrid Vass", "Mr Orr".
                if words.honorifics.contains(tokens[index].lower), index + 1 < end {
                    start = index + 1
                    person = true
                }
                // Role words inside the run: "Vice President Mike Pence", "Russian President Vladimir Putin".
                // Not in the name of a body or place: "Marrow Bay General Hospital", "Supreme Court".
                if words.nameSuffixes[tokens[end - 1].lower] == nil,
                   let last = (index..<end).last(where: { words.titles[tokens[$0].lower] != nil }), last + 1 < end {
                    var titleStart = index
                    while titleStart > 0, tokens[titleStart - 1].tag == .adjective || tokens[titleStart - 1].tag == .noun { titleStart -= 1 }
                    title = titleStart..<(last + 1)
                    start = last + 1
                    person = true
                }
                // Role words and honorifics before the run: "league president Agathe Roux", "Dr. Sunniva Okafor".
                if index > 0 {
                    let before = tokens[index - 1]
                    if words.honorifics.contains(before.lower) { person = true }
                    // ("Chief executive Daniel Ek-Hansen" opening a sentence may be tagged as adjectives.)
                    let nounLike = before.tag == .noun || (before.tag == .adjective && before.canBe(.noun))
                    if nounLike, !words.honorifics.contains(before.lower), words.titles[before.lemma] != nil || words.titles[before.lower] != nil
                        || isPersonNoun(before.lemma) {
                        var titleStart = index - 1
                        while titleStart > 0, [.noun, .adjective, .properNoun].contains(tokens[titleStart - 1].tag) { titleStart -= 1 }
                        title = titleStart..<index
                        person = true
                    }
                }
                let range = start..<end
                let text = sentence.text(range)
                if words.months.contains(text.lowercased()) || words.weekdays.contains(text.lowercased()) { continue }
                let quoted = tokens[range].contains(where: \.quoted)
                var raw = Raw(sentence: sentence.index, range: range, text: text, title: title, person: person, quoted: quoted)
                if start > 0, words.locativePrepositions.contains(tokens[start - 1].lower) { raw.located = true }
                raws.append(raw)
            }
        }
        // Full names: several words, or single words never part of a longer name.
        func kind(of text: String, person: Bool) -> Entity.Kind {
            let parts = text.split(separator: " ").map { $0.lowercased() }
            for part in parts.reversed() {
                switch words.nameSuffixes[part] {
                case .place: return .place
                case .event: return .event
                case .organisation, .team: return .organisation
                case nil: continue
                }
            }
            if let first = parts.first, words.namePrefixes.contains(first) { return .place }
            if person { return .person }
            let lemma = parts.joined(separator: " ")
            if let file = lexicon.nouns?.lexicalFile(of: lemma) {
                switch file {
                case WordNetNouns.LexicalFile.person.rawValue: return .person
                case WordNetNouns.LexicalFile.location.rawValue: return .place
                case WordNetNouns.LexicalFile.group.rawValue: return .organisation
                default: break
                }
            }
            return parts.count >= 2 && parts.count <= 3 ? .person : .unknown
        }
        var fullNames = WordTable<Int>()
        var personEvidence = WordTable<Bool>()
        var placeEvidence = WordTable<Bool>()
        for raw in raws {
            personEvidence[raw.text, default: false] = personEvidence[raw.text, default: false] || raw.person
            placeEvidence[raw.text, default: false] = placeEvidence[raw.text, default: false] || raw.located
        }
        var partsOfLongerNames = WordSet()
        for raw in raws where raw.text.contains(" ") {
            for part in raw.text.split(separator: " ") { partsOfLongerNames.insert(String(part)) }
        }
        for raw in raws where raw.text.contains(" ") || !partsOfLongerNames.contains(raw.text) {
            guard fullNames[raw.text] == nil else {
                if !raw.quoted { entities[fullNames[raw.text]!].onlyQuoted = false }
                continue
            }
            fullNames[raw.text] = entities.count
            var entityKind = kind(of: raw.text, person: personEvidence[raw.text] ?? false)
            if entityKind == .unknown || (entityKind == .person && !(personEvidence[raw.text] ?? false)), placeEvidence[raw.text] == true,
               !raw.text.contains(" ") {
                entityKind = .place
            }
            entities.append(Entity(name: raw.text, kind: entityKind, gender: nil, onlyQuoted: raw.quoted))
        }
        for entity in entities {
            for part in entity.name.split(separator: " ") { nameWords.insert(String(part)) }
        }
        // Full names by their first and last words: "Kim" → "Kim Jong-un", "Sánchez" → both Sánchezes.
        var byEdgeWord = WordTable<[Int]>()
        for (index, entity) in entities.enumerated() {
            let parts = entity.name.split(separator: " ")
            guard parts.count > 1, let first = parts.first, let last = parts.last else { continue }
            byEdgeWord[String(first), default: []].append(index)
            if last != first { byEdgeWord[String(last), default: []].append(index) }
        }
        // Link each mention to an entity: its own full name, or the nearest full name it is part of.
        var lastMention: [Int: Int] = [:]
        var linkedRaws: [Raw] = []
        for raw in raws {
            var entity = fullNames[raw.text]
            if entity == nil || !raw.text.contains(" ") {
                let candidates = byEdgeWord[raw.text] ?? []
                if candidates.count == 1 {
                    entity = candidates[0]
                } else if candidates.count > 1 {
                    entity = candidates.max { (lastMention[$0] ?? -1) < (lastMention[$1] ?? -1) }
                }
            }
            guard let entity else { continue }
            if raw.person, entities[entity].kind == .unknown { entities[entity].kind = .person }
            lastMention[entity] = raw.sentence
            mentions.append(Mention(sentence: raw.sentence, range: raw.range, entity: entity, title: raw.title))
            linkedRaws.append(raw)
            if bySentence.isEmpty {
                byToken = sentences.map { [Int](repeating: -1, count: $0.tokens.count) }
                bySentence = Array(repeating: [], count: sentences.count)
            }
            for token in raw.range { byToken[raw.sentence][token] = mentions.count - 1 }
            bySentence[raw.sentence].append(mentions.count - 1)
        }
        // Narrative names beat quoted ones: "Putin" stays "Putin" when "Vladimir Putin" is only quoted.
        var narrativeForms: [Int: String] = [:]
        var quotedForms: [Int: Set<String>] = [:]
        for (mention, raw) in zip(mentions, linkedRaws) {
            if raw.quoted {
                quotedForms[mention.entity, default: []].insert(raw.text)
            } else {
                entities[mention.entity].onlyQuoted = false
                if raw.text.count > (narrativeForms[mention.entity]?.count ?? 0) { narrativeForms[mention.entity] = raw.text }
            }
        }
        for index in entities.indices {
            if let narrative = narrativeForms[index], narrative.count < entities[index].name.count,
               quotedForms[index]?.contains(entities[index].name) == true {
                entities[index].name = narrative
            }
        }
    }

    /// The mentions in one sentence, in order.
    func mentions(in sentence: Int) -> [Mention] {
        guard sentence < bySentence.count else { return [] }
        return bySentence[sentence].map { mentions[$0] }
    }

    /// The mention covering `token` of `sentence`, if the token is part of a name.
    func mention(sentence: Int, token: Int) -> Mention? {
        guard sentence < byToken.count, token >= 0, token < byToken[sentence].count else { return nil }
        let index = byToken[sentence][token]
        return index < 0 ? nil : mentions[index]
    }

    /// The entity whose name covers `token`.
    func entity(sentence: Int, token: Int) -> Int? {
        mention(sentence: sentence, token: token)?.entity
    }

    mutating func learnGender(_ entity: Int, _ gender: WordLists.Pronoun.Gender) {
        guard gender == .male || gender == .female, entities[entity].gender == nil else { return }
        entities[entity].gender = gender
        if entities[entity].kind == .unknown { entities[entity].kind = .person }
    }

    subscript(_ index: Int) -> Entity { entities[index] }
}
