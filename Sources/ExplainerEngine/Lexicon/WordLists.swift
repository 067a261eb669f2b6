import Foundation

/// The closed-class words and small word lists the engine reads from `Resources/Words`.
///
/// Every list is a data file (one entry a line, `#` comments, `_` joining the words of a
/// multiword entry); nothing here is a Swift literal of English words. Loading all of them
/// takes well under a millisecond.
///
/// A class, so the many stages that read the lists share one instance instead of copying dozens
/// of collections at every access. `@unchecked Sendable` is safe: every property is
/// `private(set)` and assigned only inside `load(read:)`, before the instance is returned; after
/// that it is never mutated.
final class WordLists: @unchecked Sendable {
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

    enum TimeNounKind: String, Sendable { case point, season, unit }
    enum Measure: String, Sendable { case duration, distance, percent, temperature, weight, speed, count }
    enum NameKind: String, Sendable { case organisation, place, team }

    private(set) var determiners: Set<String> = []
    private(set) var pronouns: [String: Pronoun] = [:]
    private(set) var prepositions: Set<String> = []
    private(set) var conjunctions: Set<String> = []
    private(set) var subordinators: [String: String] = [:]
    private(set) var auxiliaries: [String: Auxiliary] = [:]
    private(set) var negations: Set<String> = []
    private(set) var irregularVerbs: [String: IrregularVerb] = [:]
    /// Past forms of irregular verbs → their base form.
    private(set) var irregularPast: [String: String] = [:]
    /// Past participles of irregular verbs → their base form.
    private(set) var irregularParticiple: [String: String] = [:]

    /// What an irregular verb form is, found with one lookup.
    struct IrregularForm: Sendable, Hashable {
        var pastOf: String?
        var participleOf: String?
        var isBase = false
    }

    /// Every irregular verb form (base, past, participle) → what it is.
    private(set) var irregularForms: [String: IrregularForm] = [:]
    private(set) var reportingVerbs: Set<String> = []
    private(set) var speechVerbs: Set<String> = []
    private(set) var givingVerbs: Set<String> = []
    private(set) var changeVerbs: Set<String> = []
    private(set) var decisionVerbs: Set<String> = []
    private(set) var namingVerbs: Set<String> = []
    private(set) var controlVerbs: Set<String> = []
    private(set) var infinitiveVerbs: Set<String> = []
    /// Role words and phrases ("aide", "chief executive") → whether the role is unique ("the mayor").
    private(set) var titles: [String: Bool] = [:]
    private(set) var honorifics: Set<String> = []
    private(set) var abbreviations: Set<String> = []
    private(set) var months: Set<String> = []
    private(set) var weekdays: Set<String> = []
    private(set) var timeNouns: [String: TimeNounKind] = [:]
    private(set) var units: [String: Measure] = [:]
    private(set) var currencies: Set<String> = []
    private(set) var noiseLines: Set<String> = []
    private(set) var noisePrefixes: [String] = []
    /// First bytes of the noise prefixes, to skip the prefix test for most lines.
    private(set) var noisePrefixFirstBytes: Set<UInt8> = []
    private(set) var credits: Set<String> = []
    private(set) var nameSuffixes: [String: NameKind] = [:]
    private(set) var namePrefixes: Set<String> = []
    private(set) var vagueNouns: Set<String> = []
    private(set) var costNouns: Set<String> = []
    private(set) var collectiveNouns: Set<String> = []
    private(set) var humanNouns: Set<String> = []
    private(set) var raisingWords: Set<String> = []
    /// "concerned" → "about": the preposition a question about the concern uses.
    private(set) var concernWords: [String: String] = [:]
    private(set) var htmlEntities: [String: Character] = [:]
    /// Every closed-class word form the tagger treats specially; anything else is open-class.
    private(set) var closedClassWords: Set<String> = []

    /// The small named groups of `word-groups.txt`.
    private(set) var groups: [String: Set<String>] = [:]
    private(set) var clausePrepositions: Set<String> = []
    private(set) var adjunctPrepositions: Set<String> = []
    private(set) var timePrepositions: Set<String> = []
    private(set) var timeModifiers: Set<String> = []
    private(set) var particles: Set<String> = []
    private(set) var lightVerbs: Set<String> = []
    private(set) var sayingVerbs: Set<String> = []
    private(set) var fearVerbs: Set<String> = []
    private(set) var futureVerbs: Set<String> = []
    private(set) var futureParticiples: Set<String> = []
    private(set) var containerNouns: Set<String> = []
    private(set) var audienceNouns: Set<String> = []
    private(set) var stopWords: Set<String> = []
    private(set) var emptyAdverbs: Set<String> = []
    private(set) var reasonWords: Set<String> = []
    private(set) var indefinitePronouns: Set<String> = []
    private(set) var demonstratives: Set<String> = []
    private(set) var pluralSubjectPronouns: Set<String> = []
    private(set) var isContractors: Set<String> = []
    private(set) var predeterminers: Set<String> = []
    private(set) var adjectiveSuffixes: [String] = []
    private(set) var questionOpeners: Set<String> = []
    private(set) var whWords: Set<String> = []
    private(set) var locativePrepositions: Set<String> = []
    private(set) var degreeWords: Set<String> = []
    private(set) var neverFinal: Set<String> = []
    private(set) var sentenceStarters: Set<String> = []

    /// Numbers written as words ("twelve", "million") → their value.
    private(set) var numberWords: [String: Double] = [:]

    /// The longest title phrase, in words, so title matching knows how far to look.
    var longestTitle = 1

    /// Whether `token` names a time: a weekday, month, season, "overnight", a year.
    func isTimeWord(_ token: Token) -> Bool {
        let lower = token.lower
        if weekdays.contains(lower) || months.contains(lower) { return true }
        if timeNouns[lower] != nil || timeNouns[token.lemma] != nil { return true }
        if lower == "overnight" || lower == "tonight" || lower == "yesterday" || lower == "today" || lower == "tomorrow" { return true }
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
        func words(_ name: String) throws -> Set<String> {
            Set(try rows(name).map { $0.joined(separator: " ").lowercased() })
        }
        let lists = WordLists()
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
        closed.formUnion(["that", "who", "whom", "whose", "which", "what", "when", "where", "why", "how", "there", "to", "so",
                          "'s", "'", "'m", "'re", "'ve", "'ll", "'d", "n't"])
        lists.closedClassWords = closed
        func group(_ name: String) -> Set<String> { lists.groups[name] ?? [] }
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
        return lists
    }
}
