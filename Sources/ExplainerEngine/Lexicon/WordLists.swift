import Foundation

/// The closed-class words and small word lists the engine reads from `Resources/Words`.
///
/// Every list is a data file (one entry a line, `#` comments, `_` joining the words of a
/// multiword entry); nothing here is a Swift literal of English words. Loading all of them
/// takes well under a millisecond.
struct WordLists: Sendable {
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

    var determiners: Set<String> = []
    var pronouns: [String: Pronoun] = [:]
    var prepositions: Set<String> = []
    var conjunctions: Set<String> = []
    var subordinators: [String: String] = [:]
    var auxiliaries: [String: Auxiliary] = [:]
    var negations: Set<String> = []
    var irregularVerbs: [String: IrregularVerb] = [:]
    /// Past forms of irregular verbs → their base form.
    var irregularPast: [String: String] = [:]
    /// Past participles of irregular verbs → their base form.
    var irregularParticiple: [String: String] = [:]
    var reportingVerbs: Set<String> = []
    var speechVerbs: Set<String> = []
    var givingVerbs: Set<String> = []
    var changeVerbs: Set<String> = []
    var decisionVerbs: Set<String> = []
    var namingVerbs: Set<String> = []
    var controlVerbs: Set<String> = []
    /// Role words and phrases ("aide", "chief executive") → whether the role is unique ("the mayor").
    var titles: [String: Bool] = [:]
    var honorifics: Set<String> = []
    var abbreviations: Set<String> = []
    var months: Set<String> = []
    var weekdays: Set<String> = []
    var timeNouns: [String: TimeNounKind] = [:]
    var units: [String: Measure] = [:]
    var currencies: Set<String> = []
    var noiseLines: Set<String> = []
    var noisePrefixes: [String] = []
    var credits: Set<String> = []
    var nameSuffixes: [String: NameKind] = [:]
    var namePrefixes: Set<String> = []
    var vagueNouns: Set<String> = []
    var costNouns: Set<String> = []
    var collectiveNouns: Set<String> = []
    var humanNouns: Set<String> = []
    var raisingWords: Set<String> = []
    /// "concerned" → "about": the preposition a question about the concern uses.
    var concernWords: [String: String] = [:]
    var htmlEntities: [String: Character] = [:]
    /// Numbers written as words ("twelve", "million") → their value.
    var numberWords: [String: Double] = [:]

    /// The longest title phrase, in words, so title matching knows how far to look.
    var longestTitle = 1

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
        var lists = WordLists()
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
        lists.reportingVerbs = try words("reporting-verbs")
        lists.speechVerbs = try words("speech-verbs")
        lists.givingVerbs = try words("giving-verbs")
        lists.changeVerbs = try words("change-verbs")
        lists.decisionVerbs = try words("decision-verbs")
        lists.namingVerbs = try words("naming-verbs")
        lists.controlVerbs = try words("control-verbs")
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
            if row[0] == "line" { lists.noiseLines.insert(text) } else { lists.noisePrefixes.append(text) }
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
        return lists
    }
}
