import Foundation

/// The closed-class words and small word lists the engine reads from `Resources/Words`.
///
/// Every list is a data file (one entry a line, `#` comments, `_` joining the words of a
/// multiword entry); nothing here is a Swift literal of English words. Loading all of them
/// takes well under a millisecond.
///
/// A class, so the many stages that read the lists share one instance instead of copying dozens
/// of collections at every access; the lists are one immutable `let`, filled in by `load(read:)`.
final class WordLists: Sendable {
    /// Grammatical features of one pronoun.
    struct Pronoun: Sendable, Hashable {
        enum Case: String, Sendable { case subject, object, possessive, reflexive, independent }
        enum Gender: String, Sendable { case male, female, neuter, any }
        var grammaticalCase: Case
        var plural: Bool?
        var person: Int
        var gender: Gender
    }

    /// One form of be, have, do or a modal.
    struct Auxiliary: Sendable, Hashable {
        enum Tense: String, Sendable { case present, past, participle, gerund, base, modal }
        var lemma: String
        var tense: Tense
        /// "singular", "plural", "1" or "any".
        var number: String
    }

    /// The forms of one irregular verb.
    struct IrregularVerb: Sendable, Hashable {
        var base: String
        var past: [String]
        var participle: [String]
    }

    /// `clock`: "a.m." and "p.m." after a time of day.
    enum TimeNounKind: String, Sendable { case point, season, unit, clock }
    enum Measure: String, Sendable { case duration, distance, percent, temperature, weight, speed, count, volume, area }
    enum NameKind: String, Sendable { case organisation, place, team, event }

    /// What an irregular verb form is, found with one lookup.
    struct IrregularForm: Sendable, Hashable {
        var pastOf: String?
        var participleOf: String?
        var isBase = false
    }

    /// What the closed-class lists say about one word, so the tagger asks them with one lookup.
    struct ClosedClassWord: Sendable {
        var number: Double?
        var isNegation = false
        var auxiliary: Auxiliary?
        var pronoun: Pronoun?
        var isDeterminer = false
        var isConjunction = false
        var isSubordinator = false
        var isPreposition = false
    }

    /// The lists themselves, filled in by `load(read:)`.
    struct Lists: Sendable {
        var determiners: WordSet = []
        var pronouns: WordTable<Pronoun> = WordTable()
        var prepositions: WordSet = []
        var conjunctions: WordSet = []
        var subordinators: WordTable<String> = WordTable()
        var auxiliaries: WordTable<Auxiliary> = WordTable()
        var negations: WordSet = []
        var irregularVerbs: WordTable<IrregularVerb> = WordTable()
        /// Past forms of irregular verbs → their base form.
        var irregularPast: WordTable<String> = WordTable()
        /// Past participles of irregular verbs → their base form.
        var irregularParticiple: WordTable<String> = WordTable()

        /// Every irregular verb form (base, past, participle) → what it is.
        var irregularForms: WordTable<IrregularForm> = WordTable()
        var reportingVerbs: WordSet = []
        var speechVerbs: WordSet = []
        var givingVerbs: WordSet = []
        var changeVerbs: WordSet = []
        var decisionVerbs: WordSet = []
        var namingVerbs: WordSet = []
        var controlVerbs: WordSet = []
        var infinitiveVerbs: WordSet = []
        /// Role words and phrases ("aide", "chief executive") → whether the role is unique ("the mayor").
        var titles: WordTable<Bool> = WordTable()
        var honorifics: WordSet = []
        var abbreviations: WordSet = []
        var months: WordSet = []
        var weekdays: WordSet = []
        var timeNouns: WordTable<TimeNounKind> = WordTable()
        var units: WordTable<Measure> = WordTable()
        var currencies: WordSet = []
        var noiseLines: WordSet = []
        var noisePrefixes: [String] = []
        var stampPrefixes: [String] = []
        /// First bytes of the noise prefixes, to skip the prefix test for most lines.
        var noisePrefixFirstBytes: Set<UInt8> = []
        var credits: WordSet = []
        var nameSuffixes: WordTable<NameKind> = WordTable()
        var namePrefixes: WordSet = []
        var vagueNouns: WordSet = []
        var costNouns: WordSet = []
        var collectiveNouns: WordSet = []
        var humanNouns: WordSet = []
        var raisingWords: WordSet = []
        /// "concerned" → "about": the preposition a question about the concern uses.
        var concernWords: WordTable<String> = WordTable()
        var htmlEntities: WordTable<Character> = WordTable()
        /// Every closed-class word form the tagger treats specially, with what the lists say of it;
        /// anything else is open-class.
        var closedClassWords: WordTable<ClosedClassWord> = WordTable()

        /// The small named groups of `word-groups.txt`.
        var groups: [String: Set<String>] = [:]
        var clausePrepositions: WordSet = []
        /// Number modifiers by their first word, each as its words: "more" → [["more", "than"]].
        var numberModifiers: WordTable<[[String]]> = WordTable()
        var clauseOpeners: WordSet = []
        var answerLightVerbs: WordSet = []
        var moneyVerbs: WordSet = []
        var originVerbs: WordSet = []
        var timeAdverbs: WordSet = []
        var clitics: [String] = []
        var numberSuffixes: WordSet = []
        var adjunctPrepositions: WordSet = []
        var timePrepositions: WordSet = []
        var timeModifiers: WordSet = []
        var particles: WordSet = []
        var lightVerbs: WordSet = []
        var sayingVerbs: WordSet = []
        var fearVerbs: WordSet = []
        var futureVerbs: WordSet = []
        var futureParticiples: WordSet = []
        var containerNouns: WordSet = []
        var audienceNouns: WordSet = []
        var stopWords: WordSet = []
        var emptyAdverbs: WordSet = []
        var reasonWords: WordSet = []
        var indefinitePronouns: WordSet = []
        var demonstratives: WordSet = []
        var pluralSubjectPronouns: WordSet = []
        var isContractors: WordSet = []
        var predeterminers: WordSet = []
        var adjectiveSuffixes: [String] = []
        var questionOpeners: WordSet = []
        var whWords: WordSet = []
        var locativePrepositions: WordSet = []
        var degreeWords: WordSet = []
        var neverFinal: WordSet = []
        var sentenceStarters: WordSet = []

        /// Numbers written as words ("twelve", "million") → their value.
        var numberWords: WordTable<Double> = WordTable()

        /// The longest title phrase, in words, so title matching knows how far to look.
        var longestTitle = 1
    }

    /// Set once, in `init`: stages read the lists through it without copying them.
    let lists: Lists

    init(_ lists: Lists = Lists()) {
        self.lists = lists
    }

    var determiners: WordSet { lists.determiners }
    var pronouns: WordTable<Pronoun> { lists.pronouns }
    var prepositions: WordSet { lists.prepositions }
    var conjunctions: WordSet { lists.conjunctions }
    var subordinators: WordTable<String> { lists.subordinators }
    var auxiliaries: WordTable<Auxiliary> { lists.auxiliaries }
    var negations: WordSet { lists.negations }
    var irregularVerbs: WordTable<IrregularVerb> { lists.irregularVerbs }
    var irregularPast: WordTable<String> { lists.irregularPast }
    var irregularParticiple: WordTable<String> { lists.irregularParticiple }
    var irregularForms: WordTable<IrregularForm> { lists.irregularForms }
    var reportingVerbs: WordSet { lists.reportingVerbs }
    var speechVerbs: WordSet { lists.speechVerbs }
    var givingVerbs: WordSet { lists.givingVerbs }
    var changeVerbs: WordSet { lists.changeVerbs }
    var decisionVerbs: WordSet { lists.decisionVerbs }
    var namingVerbs: WordSet { lists.namingVerbs }
    var controlVerbs: WordSet { lists.controlVerbs }
    var infinitiveVerbs: WordSet { lists.infinitiveVerbs }
    var titles: WordTable<Bool> { lists.titles }
    var honorifics: WordSet { lists.honorifics }
    var abbreviations: WordSet { lists.abbreviations }
    var months: WordSet { lists.months }
    var weekdays: WordSet { lists.weekdays }
    var timeNouns: WordTable<TimeNounKind> { lists.timeNouns }
    var units: WordTable<Measure> { lists.units }
    var currencies: WordSet { lists.currencies }
    var noiseLines: WordSet { lists.noiseLines }
    var noisePrefixes: [String] { lists.noisePrefixes }
    /// Openings of timestamp lines ("Updated 14:32, 3 March"): noise when short, with a digit and no full stop.
    var stampPrefixes: [String] { lists.stampPrefixes }
    var noisePrefixFirstBytes: Set<UInt8> { lists.noisePrefixFirstBytes }
    var credits: WordSet { lists.credits }
    var nameSuffixes: WordTable<NameKind> { lists.nameSuffixes }
    var namePrefixes: WordSet { lists.namePrefixes }
    var vagueNouns: WordSet { lists.vagueNouns }
    var costNouns: WordSet { lists.costNouns }
    var collectiveNouns: WordSet { lists.collectiveNouns }
    var humanNouns: WordSet { lists.humanNouns }
    var raisingWords: WordSet { lists.raisingWords }
    var concernWords: WordTable<String> { lists.concernWords }
    var htmlEntities: WordTable<Character> { lists.htmlEntities }
    var closedClassWords: WordTable<ClosedClassWord> { lists.closedClassWords }
    var groups: [String: Set<String>] { lists.groups }
    var clausePrepositions: WordSet { lists.clausePrepositions }
    var numberModifiers: WordTable<[[String]]> { lists.numberModifiers }
    var clauseOpeners: WordSet { lists.clauseOpeners }
    var answerLightVerbs: WordSet { lists.answerLightVerbs }
    var moneyVerbs: WordSet { lists.moneyVerbs }
    /// Verbs of something starting or taking place, whose "in"/"at" phrase says where: "the fire started in a cabinet".
    var originVerbs: WordSet { lists.originVerbs }
    var timeAdverbs: WordSet { lists.timeAdverbs }
    var clitics: [String] { lists.clitics }
    var numberSuffixes: WordSet { lists.numberSuffixes }
    var adjunctPrepositions: WordSet { lists.adjunctPrepositions }
    var timePrepositions: WordSet { lists.timePrepositions }
    var timeModifiers: WordSet { lists.timeModifiers }
    var particles: WordSet { lists.particles }
    var lightVerbs: WordSet { lists.lightVerbs }
    var sayingVerbs: WordSet { lists.sayingVerbs }
    var fearVerbs: WordSet { lists.fearVerbs }
    var futureVerbs: WordSet { lists.futureVerbs }
    var futureParticiples: WordSet { lists.futureParticiples }
    var containerNouns: WordSet { lists.containerNouns }
    var audienceNouns: WordSet { lists.audienceNouns }
    var stopWords: WordSet { lists.stopWords }
    var emptyAdverbs: WordSet { lists.emptyAdverbs }
    var reasonWords: WordSet { lists.reasonWords }
    var indefinitePronouns: WordSet { lists.indefinitePronouns }
    var demonstratives: WordSet { lists.demonstratives }
    var pluralSubjectPronouns: WordSet { lists.pluralSubjectPronouns }
    var isContractors: WordSet { lists.isContractors }
    var predeterminers: WordSet { lists.predeterminers }
    var adjectiveSuffixes: [String] { lists.adjectiveSuffixes }
    var questionOpeners: WordSet { lists.questionOpeners }
    var whWords: WordSet { lists.whWords }
    var locativePrepositions: WordSet { lists.locativePrepositions }
    var degreeWords: WordSet { lists.degreeWords }
    var neverFinal: WordSet { lists.neverFinal }
    var sentenceStarters: WordSet { lists.sentenceStarters }
    var numberWords: WordTable<Double> { lists.numberWords }
    var longestTitle: Int { lists.longestTitle }

    /// Whether `token` names a time: a weekday, month, season, "overnight", a year.
    func isTimeWord(_ token: Token) -> Bool {
        let lower = token.lower
        if weekdays.contains(lower) || months.contains(lower) { return true }
        if timeNouns[lower] != nil || timeNouns[token.lemma] != nil { return true }
        if timeAdverbs.contains(lower) { return true }
        if token.kind == .number, let value = token.value, value >= 1900, value <= 2100, !token.text.contains(",") { return true }
        return false
    }

    /// Reads every list from the module's `Words` resource folder.
    static func load(bundle: Bundle = .module) throws -> WordLists {
        try load { name in
            guard let url = bundle.url(forResource: name, withExtension: "txt", subdirectory: "Words")
                ?? bundle.url(forResource: name, withExtension: "txt")
            else { throw LexiconError.missingWordList(name) }
            return try String(contentsOf: url, encoding: .utf8)
        }
    }

    /// Reads every list through `read`, which returns the text of the list with the given name.
    static func load(read: (String) throws -> String) throws -> WordLists {
        func rows(_ name: String) throws -> [[String]] {
            try read(name).split(separator: "\n").compactMap { line in
                let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                let fields = content.split(whereSeparator: { $0 == " " || $0 == "\t" }).map {
                    String($0).replacingOccurrences(of: "_", with: " ")
                }
                return fields.isEmpty ? nil : fields
            }
        }
        func words(_ name: String) throws -> WordSet {
            WordSet(try rows(name).map { $0.joined(separator: " ").lowercased() })
        }
        var lists = Lists()
        lists.determiners = try words("determiners")
        for row in try rows("pronouns") where row.count >= 5 {
            lists.pronouns[row[0]] = Pronoun(
                grammaticalCase: Pronoun.Case(rawValue: row[1]) ?? .subject,
                plural: row[2] == "plural" ? true : row[2] == "singular" ? false : nil,
                person: Int(row[3]) ?? 3, gender: Pronoun.Gender(rawValue: row[4]) ?? .any)
        }
        lists.prepositions = try words("prepositions")
        lists.conjunctions = try words("conjunctions")
        for row in try rows("subordinators") where row.count >= 2 { lists.subordinators[row[0]] = row[1] }
        for row in try rows("auxiliaries") where row.count >= 4 {
            lists.auxiliaries[row[0]] = Auxiliary(
                lemma: row[1], tense: Auxiliary.Tense(rawValue: row[2]) ?? .present, number: row[3])
        }
        lists.negations = try words("negations")
        for row in try rows("irregular-verbs") where row.count >= 3 {
            let verb = IrregularVerb(
                base: row[0], past: row[1].split(separator: "/").map(String.init),
                participle: row[2].split(separator: "/").map(String.init))
            lists.irregularVerbs[verb.base] = verb
            for form in verb.past where lists.irregularPast[form] == nil { lists.irregularPast[form] = verb.base }
            for form in verb.participle where lists.irregularParticiple[form] == nil {
                lists.irregularParticiple[form] = verb.base
            }
        }
        for (form, base) in lists.irregularPast { lists.irregularForms[form, default: IrregularForm()].pastOf = base }
        for (form, base) in lists.irregularParticiple { lists.irregularForms[form, default: IrregularForm()].participleOf = base }
        for base in lists.irregularVerbs.keys { lists.irregularForms[base, default: IrregularForm()].isBase = true }
        lists.reportingVerbs = try words("reporting-verbs")
        lists.speechVerbs = try words("speech-verbs")
        lists.givingVerbs = try words("giving-verbs")
        lists.changeVerbs = try words("change-verbs")
        lists.decisionVerbs = try words("decision-verbs")
        lists.namingVerbs = try words("naming-verbs")
        lists.controlVerbs = try words("control-verbs")
        lists.infinitiveVerbs = try words("infinitive-verbs")
        for row in try rows("titles") {
            let unique = row.count > 1 && row[1] == "unique"
            lists.titles[row[0].lowercased()] = unique
            lists.longestTitle = max(lists.longestTitle, row[0].split(separator: " ").count)
        }
        lists.honorifics = try words("honorifics")
        lists.abbreviations = try words("abbreviations")
        lists.months = try words("months")
        lists.weekdays = try words("weekdays")
        for row in try rows("time-nouns") where row.count >= 2 {
            lists.timeNouns[row[0]] = TimeNounKind(rawValue: row[1]) ?? .point
        }
        for row in try rows("units") where row.count >= 2 { lists.units[row[0]] = Measure(rawValue: row[1]) ?? .count }
        lists.currencies = try words("currencies")
        for row in try rows("noise-lines") where row.count >= 2 {
            let text = row.dropFirst().joined(separator: " ").lowercased()
            if row[0] == "line" {
                lists.noiseLines.insert(text)
            } else if row[0] == "stamp" {
                lists.stampPrefixes.append(text)
            } else {
                lists.noisePrefixes.append(text)
                if let first = text.utf8.first { lists.noisePrefixFirstBytes.insert(first) }
            }
        }
        lists.credits = try words("credits")
        for row in try rows("name-suffixes") where row.count >= 2 {
            lists.nameSuffixes[row[0]] = NameKind(rawValue: row[1]) ?? .organisation
        }
        lists.namePrefixes = try words("name-prefixes")
        lists.vagueNouns = try words("vague-nouns")
        lists.costNouns = try words("cost-nouns")
        lists.collectiveNouns = try words("collective-nouns")
        lists.humanNouns = try words("human-nouns")
        lists.raisingWords = try words("raising-verbs")
        for row in try rows("concern-words") where row.count >= 2 { lists.concernWords[row[0]] = row[1] }
        for row in try rows("html-entities") where row.count >= 2 {
            if let value = UInt32(row[1], radix: 16), let scalar = Unicode.Scalar(value) {
                lists.htmlEntities[row[0]] = Character(scalar)
            }
        }
        for row in try rows("number-words") where row.count >= 2 { lists.numberWords[row[0]] = Double(row[1]) }
        for row in try rows("word-groups") where row.count >= 2 { lists.groups[row[0]] = Set(row.dropFirst()) }
        var closed = Set(lists.numberWords.keys).union(lists.negations).union(lists.auxiliaries.keys).union(lists.pronouns.keys)
        closed.formUnion(lists.determiners)
        closed.formUnion(lists.conjunctions)
        closed.formUnion(lists.subordinators.keys)
        closed.formUnion(lists.prepositions)
        // Words with rules of their own in the tagger, and clitics.
        func group(_ name: String) -> WordSet { WordSet((lists.groups[name] ?? []).sorted()) }
        closed.formUnion(group("rule-words"))
        for word in closed.sorted() {
            lists.closedClassWords[word] = ClosedClassWord(
                number: lists.numberWords[word], isNegation: lists.negations.contains(word), auxiliary: lists.auxiliaries[word],
                pronoun: lists.pronouns[word], isDeterminer: lists.determiners.contains(word),
                isConjunction: lists.conjunctions.contains(word), isSubordinator: lists.subordinators[word] != nil,
                isPreposition: lists.prepositions.contains(word))
        }
        for phrase in group("number-modifiers") {
            let parts = phrase.split(separator: " ").map(String.init)
            if let first = parts.first { lists.numberModifiers[first, default: []].append(parts) }
        }
        lists.clauseOpeners = group("clause-openers")
        lists.answerLightVerbs = group("answer-light-verbs")
        lists.moneyVerbs = group("money-verbs")
        lists.originVerbs = group("origin-verbs")
        lists.timeAdverbs = group("time-adverbs")
        lists.numberSuffixes = group("number-suffixes")
        // Longest first, so the order of the tests never matters.
        lists.clitics = group("clitics").sorted { ($0.count, $0) > ($1.count, $1) }
        lists.clausePrepositions = group("clause-prepositions")
        lists.adjunctPrepositions = group("adjunct-prepositions")
        lists.timePrepositions = group("time-prepositions")
        lists.timeModifiers = group("time-modifiers")
        lists.particles = group("particles")
        lists.lightVerbs = group("light-verbs")
        lists.sayingVerbs = group("saying-verbs")
        lists.fearVerbs = group("fear-verbs")
        lists.futureVerbs = group("future-verbs")
        lists.futureParticiples = group("future-participles")
        lists.containerNouns = group("container-nouns")
        lists.audienceNouns = group("audience-nouns")
        lists.stopWords = group("stop-words")
        lists.emptyAdverbs = group("empty-adverbs")
        lists.reasonWords = group("reason-words")
        lists.indefinitePronouns = group("indefinite-pronouns")
        lists.demonstratives = group("demonstratives")
        lists.pluralSubjectPronouns = group("plural-subject-pronouns")
        lists.isContractors = group("is-contractors")
        lists.predeterminers = group("predeterminers")
        lists.questionOpeners = group("question-openers")
        lists.whWords = group("wh-words")
        lists.locativePrepositions = group("locative-prepositions")
        lists.degreeWords = group("degree-words")
        lists.neverFinal = group("never-final")
        lists.sentenceStarters = group("sentence-starters")
        lists.adjectiveSuffixes = (try rows("word-groups")).first { $0.first == "adjective-suffixes" }.map { Array($0.dropFirst()) } ?? []
        return WordLists(lists)
    }
}
