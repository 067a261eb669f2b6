/// Inflection: the readings of a word form, from WordNet's lemmas, its exception lists and the
/// regular suffix rules (in the manner of WordNet's own `morphy`).
extension Lexicon {
    /// Every way to read `word` (lowercase) as an open-class word, most specific first.
    ///
    /// "gave" → verb give (past); "sets" → noun set (plural), verb set (third person);
    /// "corroded" → verb corrode (past or participle). Empty when WordNet does not know it.
    func readings(of word: String) -> [Reading] {
        var result: [Reading] = []
        func add(_ wordClass: WordClass, _ lemma: String, _ form: WordForm) {
            let reading = Reading(wordClass: wordClass, lemma: lemma, form: form)
            if !result.contains(reading) { result.append(reading) }
        }
        // Irregular verbs first: their forms are exact.
        if let base = words.irregularPast[word] {
            add(.verb, base, words.irregularParticiple[word] == base ? .pastOrParticiple : .past)
        }
        if let base = words.irregularParticiple[word], words.irregularPast[word] != base {
            add(.verb, base, .pastParticiple)
        }
        if let verb = words.irregularVerbs[word] {
            add(.verb, word, .base)
            if verb.past.contains(word) { add(.verb, word, .pastOrParticiple) }
        }
        for reading in exceptionReadings(of: word) where reading.wordClass != .verb || result.isEmpty {
            add(reading.wordClass, reading.lemma, reading.form)
        }
        for wordClass in WordClass.allCases where contains(word, as: wordClass) {
            add(wordClass, word, .base)
        }
        // Regular suffixes.
        if word.count > 2 {
            for (suffix, ending, form) in Self.nounRules where word.hasSuffix(suffix) {
                let lemma = String(word.dropLast(suffix.count)) + ending
                if lemma.count > 1, contains(lemma, as: .noun) { add(.noun, lemma, form) }
            }
            for (suffix, ending, form) in Self.verbRules where word.hasSuffix(suffix) {
                let stem = String(word.dropLast(suffix.count))
                let lemma = stem + ending
                if lemma.count > 1, contains(lemma, as: .verb), words.irregularVerbs[lemma] == nil || form != .pastOrParticiple {
                    add(.verb, lemma, form)
                }
                // Doubled final consonant: "patted" → "pat", "running" → "run".
                if ending.isEmpty, stem.count > 2, let last = stem.last, stem.dropLast().last == last,
                   !"aeiouslz".contains(last) {
                    let undoubled = String(stem.dropLast())
                    if contains(undoubled, as: .verb) { add(.verb, undoubled, form) }
                }
            }
            for (suffix, ending, form) in Self.adjectiveRules where word.hasSuffix(suffix) {
                let lemma = String(word.dropLast(suffix.count)) + ending
                if lemma.count > 1, contains(lemma, as: .adjective) { add(.adjective, lemma, form) }
            }
        }
        // Within a class, the more frequent lemma first: "marks" is the plural of "mark" before it is "Marks".
        if result.count > 1 {
            var classes: [WordClass] = []
            for reading in result where !classes.contains(reading.wordClass) { classes.append(reading.wordClass) }
            result = classes.flatMap { wordClass in
                let group = result.filter { $0.wordClass == wordClass }
                let weighted = group.enumerated().map { (offset: $0.offset, reading: $0.element, weight: taggedSenses($0.element.lemma, as: wordClass)) }
                return weighted.sorted { ($0.weight, -$0.offset) > ($1.weight, -$1.offset) }.map(\.reading)
            }
        }
        return result
    }

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

    private static let nounRules: [(String, String, WordForm)] = [
        ("s", "", .plural), ("ses", "s", .plural), ("xes", "x", .plural), ("zes", "z", .plural),
        ("ches", "ch", .plural), ("shes", "sh", .plural), ("men", "man", .plural), ("ies", "y", .plural),
    ]
    private static let verbRules: [(String, String, WordForm)] = [
        ("s", "", .thirdPerson), ("ies", "y", .thirdPerson), ("es", "e", .thirdPerson), ("es", "", .thirdPerson),
        ("ed", "e", .pastOrParticiple), ("ed", "", .pastOrParticiple), ("ied", "y", .pastOrParticiple),
        ("ing", "e", .gerund), ("ing", "", .gerund), ("ying", "ie", .gerund),
    ]
    private static let adjectiveRules: [(String, String, WordForm)] = [
        ("er", "", .comparative), ("est", "", .superlative), ("er", "e", .comparative), ("est", "e", .superlative),
        ("ier", "y", .comparative), ("iest", "y", .superlative),
    ]
}
