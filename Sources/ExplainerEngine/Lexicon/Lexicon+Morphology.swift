/// Inflection: the readings of a word form, from WordNet's lemmas, its exception lists and the
/// regular suffix rules (in the manner of WordNet's own `morphy`).
extension Lexicon {
    /// Every way to read `word` (lowercase) as an open-class word, most specific first.
    ///
    /// "gave" → verb give (past); "sets" → noun set (plural), verb set (third person);
    /// "corroded" → verb corrode (past or participle). Empty when WordNet does not know it.
    func readings(of word: String) -> [Reading] {
        var result: [Reading] = []
        result.reserveCapacity(4)
        func add(_ wordClass: WordClass, _ lemma: String, _ form: WordForm) {
            let reading = Reading(wordClass: wordClass, lemma: lemma, form: form)
            if !result.contains(reading) { result.append(reading) }
        }
        // Irregular verbs first: their forms are exact.
        let irregularWord = irregularWord(word)
        if let irregular = irregularWord?.verbForm {
            if let base = irregular.pastOf {
                add(.verb, base, irregular.participleOf == base ? .pastOrParticiple : .past)
            }
            if let base = irregular.participleOf, irregular.pastOf != base {
                add(.verb, base, .pastParticiple)
            }
            if irregular.isBase {
                add(.verb, word, .base)
                if irregular.pastOf == word { add(.verb, word, .pastOrParticiple) }
            }
        }
        let bytes = Array(word.utf8)
        let packed = entries(bytes[...])
        let isNoun = (packed >> UInt32(WordClass.noun.rawValue * 8)) & 0xFF != 0
        for reading in irregularWord?.exceptions ?? [] where reading.wordClass != .verb || result.isEmpty {
            // WordNet lists "owner" as an adjective form; a noun lemma is not a comparative.
            if reading.wordClass == .adjective, isNoun, !contains(word, as: .adjective) { continue }
            add(reading.wordClass, reading.lemma, reading.form)
        }
        for wordClass in WordClass.allCases where (packed >> UInt32(wordClass.rawValue * 8)) & 0xFF != 0 {
            add(wordClass, word, .base)
        }
        // Regular suffixes, tested on bytes; a candidate lemma becomes a String only when WordNet knows it.
        if bytes.count > 2 {
            // Noun and verb rules often propose the same stem ("makes": make, make, make, mak): the last
            // probe of the lemma table is kept, so each stem costs one probe.
            var lastProbe: (hash: UInt64, entries: UInt32)?
            func lemma(dropping suffix: [UInt8], adding ending: [UInt8], as wordClass: WordClass) -> String? {
                let stemCount = bytes.count - suffix.count
                guard stemCount + ending.count > 1 else { return nil }
                // The candidate's hash from the stem's bytes and the ending's, with no array built.
                var hash: UInt64 = FNV1a.offsetBasis
                for index in 0..<stemCount {
                    let byte = bytes[index]
                    hash = FNV1a.addingLemmaByte(byte, to: hash)
                }
                for byte in ending { hash = FNV1a.addingLemmaByte(byte, to: hash) }
                let packed: UInt32
                if let lastProbe, lastProbe.hash == hash {
                    packed = lastProbe.entries
                } else {
                    packed = entries(hash: hash)
                    lastProbe = (hash, packed)
                }
                guard (packed >> UInt32(wordClass.rawValue * 8)) & 0xFF != 0 else { return nil }
                return String(decoding: bytes[..<stemCount] + ending, as: UTF8.self)
            }
            for rule in Self.nounRules where bytes.ends(with: rule.suffix) {
                if let lemma = lemma(dropping: rule.suffix, adding: rule.ending, as: .noun) { add(.noun, lemma, rule.form) }
            }
            for rule in Self.verbRules where bytes.ends(with: rule.suffix) {
                if let lemma = lemma(dropping: rule.suffix, adding: rule.ending, as: .verb),
                   words.irregularVerbs[lemma] == nil || rule.form != .pastOrParticiple {
                    add(.verb, lemma, rule.form)
                }
                // Doubled final consonant: "patted" → "pat", "running" → "run".
                let stemCount = bytes.count - rule.suffix.count
                if rule.ending.isEmpty, stemCount > 2, bytes[stemCount - 1] == bytes[stemCount - 2],
                   !Self.undoubled.contains(bytes[stemCount - 1]) {
                    let undoubled = bytes[..<(stemCount - 1)]
                    if (entries(undoubled) >> UInt32(WordClass.verb.rawValue * 8)) & 0xFF != 0 {
                        add(.verb, String(decoding: undoubled, as: UTF8.self), rule.form)
                    }
                }
            }
            // "owner" is a noun, not the comparative of "own".
            for rule in Self.adjectiveRules where !isNoun && bytes.ends(with: rule.suffix) {
                if let lemma = lemma(dropping: rule.suffix, adding: rule.ending, as: .adjective) { add(.adjective, lemma, rule.form) }
            }
        }
        // Within a class, the more frequent lemma first: "marks" is the plural of "mark" before it is "Marks".
        if result.count > 1 {
            var classes: [WordClass] = []
            var repeated = false
            for reading in result {
                if classes.contains(reading.wordClass) { repeated = true } else { classes.append(reading.wordClass) }
            }
            if repeated {
                result = classes.flatMap { wordClass in
                    let group = result.filter { $0.wordClass == wordClass }
                    let weighted = group.enumerated().map { (offset: $0.offset, reading: $0.element, weight: taggedSenses($0.element.lemma, as: wordClass)) }
                    return weighted.sorted { ($0.weight, -$0.offset) > ($1.weight, -$1.offset) }.map(\.reading)
                }
            }
        }
        return result
    }

    private static let undoubled: Set<UInt8> = Set("aeiouslz".utf8)

    /// The base form of a verb form, or nil when `word` is not a verb form.
    func verbLemma(of word: String) -> String? {
        readings(of: word).first { $0.wordClass == .verb }?.lemma
    }

    /// The past tense of a verb lemma ("give" → "gave", "gift" → "gifted").
    func pastTense(of lemma: String) -> String {
        if let verb = words.irregularVerbs[lemma], let past = verb.past.first { return past }
        return Self.regularSuffix(lemma, "ed")
    }

    /// The third person singular present of a verb lemma ("go" → "goes").
    func thirdPerson(of lemma: String) -> String {
        if lemma == "be" { return "is" }
        if lemma == "have" { return "has" }
        if lemma.hasSuffix("s") || lemma.hasSuffix("sh") || lemma.hasSuffix("ch") || lemma.hasSuffix("x")
            || lemma.hasSuffix("z") || lemma.hasSuffix("o") {
            return lemma + "es"
        }
        if lemma.hasSuffix("y"), let before = lemma.dropLast().last, !"aeiou".contains(before) {
            return lemma.dropLast() + "ies"
        }
        return lemma + "s"
    }

    private static func regularSuffix(_ lemma: String, _ suffix: String) -> String {
        if lemma.hasSuffix("e") { return lemma + suffix.dropFirst() }
        if lemma.hasSuffix("y"), let before = lemma.dropLast().last, !"aeiou".contains(before) {
            return lemma.dropLast() + "i" + suffix
        }
        return lemma + suffix
    }

    /// A suffix rule: drop `suffix`, add `ending`, and the word has `form`.
    private struct Rule: Sendable {
        var suffix: [UInt8]
        var ending: [UInt8]
        var form: WordForm
        init(_ suffix: String, _ ending: String, _ form: WordForm) {
            self.suffix = Array(suffix.utf8)
            self.ending = Array(ending.utf8)
            self.form = form
        }
    }

    private static let nounRules: [Rule] = [
        Rule("s", "", .plural), Rule("ses", "s", .plural), Rule("xes", "x", .plural), Rule("zes", "z", .plural),
        Rule("ches", "ch", .plural), Rule("shes", "sh", .plural), Rule("men", "man", .plural), Rule("ies", "y", .plural),
    ]
    private static let verbRules: [Rule] = [
        Rule("s", "", .thirdPerson), Rule("ies", "y", .thirdPerson), Rule("es", "e", .thirdPerson), Rule("es", "", .thirdPerson),
        Rule("ed", "e", .pastOrParticiple), Rule("ed", "", .pastOrParticiple), Rule("ied", "y", .pastOrParticiple),
        Rule("ing", "e", .gerund), Rule("ing", "", .gerund), Rule("ying", "ie", .gerund),
    ]
    private static let adjectiveRules: [Rule] = [
        Rule("er", "", .comparative), Rule("est", "", .superlative), Rule("er", "e", .comparative), Rule("est", "e", .superlative),
        Rule("ier", "y", .comparative), Rule("iest", "y", .superlative),
    ]
}

extension Array where Element == UInt8 {
    func ends(with suffix: [UInt8]) -> Bool {
        guard count >= suffix.count else { return false }
        var index = count - suffix.count
        for byte in suffix {
            if self[index] != byte { return false }
            index += 1
        }
        return true
    }
}
