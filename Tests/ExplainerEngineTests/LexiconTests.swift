import Testing

@testable import ExplainerEngine

@Suite("Lexicon")
struct LexiconTests {
    let lexicon = EngineTestSupport.lexicon

    @Test("WordNet is found at /usr/share/wordnet")
    func loaded() {
        #expect(lexicon.hasWordNet)
        #expect(lexicon.nouns != nil)
    }

    @Test("irregular forms come back to their base: gave → give, rose → rise, mice → mouse")
    func irregular() {
        #expect(lexicon.readings(of: "gave").contains(Reading(wordClass: .verb, lemma: "give", form: .past)))
        #expect(lexicon.readings(of: "given").contains(Reading(wordClass: .verb, lemma: "give", form: .pastParticiple)))
        #expect(lexicon.readings(of: "rose").contains { $0.wordClass == .verb && $0.lemma == "rise" })
        #expect(lexicon.readings(of: "rose").contains { $0.wordClass == .noun && $0.lemma == "rose" })
        #expect(lexicon.readings(of: "mice").contains { $0.wordClass == .noun && $0.lemma == "mouse" })
    }

    @Test("regular inflections: plural nouns, third person, -ed and -ing with doubled consonants")
    func regular() {
        #expect(lexicon.readings(of: "ferries").contains(Reading(wordClass: .noun, lemma: "ferry", form: .plural)))
        #expect(lexicon.readings(of: "gifted").contains(Reading(wordClass: .verb, lemma: "gift", form: .pastOrParticiple)))
        #expect(lexicon.readings(of: "patched").contains(Reading(wordClass: .verb, lemma: "patch", form: .pastOrParticiple)))
        #expect(lexicon.readings(of: "stopped").contains(Reading(wordClass: .verb, lemma: "stop", form: .pastOrParticiple)))
        #expect(lexicon.readings(of: "running").contains(Reading(wordClass: .verb, lemma: "run", form: .gerund)))
        #expect(lexicon.readings(of: "includes").contains(Reading(wordClass: .verb, lemma: "include", form: .thirdPerson)))
    }

    @Test("parts of speech of open-class words")
    func classes() {
        #expect(lexicon.contains("dagger", as: .noun))
        #expect(!lexicon.contains("dagger", as: .verb))
        #expect(lexicon.contains("award", as: .verb) && lexicon.contains("award", as: .noun))
        #expect(lexicon.contains("beautiful", as: .adjective))
        #expect(lexicon.contains("quickly", as: .adverb))
        #expect(lexicon.contains("chief executive", as: .noun))
    }

    @Test("the most frequent lemma comes first: marks is the plural of mark")
    func frequentFirst() {
        #expect(lexicon.readings(of: "marks").first { $0.wordClass == .noun }?.lemma == "mark")
    }

    @Test("a noun lemma is not read as a comparative: owner is not more own")
    func notComparative() {
        #expect(!lexicon.readings(of: "owner").contains { $0.wordClass == .adjective })
        #expect(lexicon.readings(of: "taller").contains(Reading(wordClass: .adjective, lemma: "tall", form: .comparative)))
    }

    @Test("noun senses: an aide is a person, a limousine is a kind of car")
    func nounSenses() throws {
        let nouns = try #require(lexicon.nouns)
        #expect(nouns.isPerson("aide"))
        #expect(nouns.isPerson("goalkeeper"))
        #expect(!nouns.isPerson("bridge"))
        #expect(nouns.isKind("limousine", of: "car"))
        #expect(!nouns.isKind("dagger", of: "car"))
    }

    @Test("past tense and third person of verb lemmas")
    func inflect() {
        #expect(lexicon.pastTense(of: "give") == "gave")
        #expect(lexicon.pastTense(of: "approve") == "approved")
        #expect(lexicon.pastTense(of: "carry") == "carried")
        #expect(lexicon.thirdPerson(of: "watch") == "watches")
        #expect(lexicon.thirdPerson(of: "carry") == "carries")
    }

    @Test("closed-class words come from the data files")
    func wordLists() {
        let words = EngineTestSupport.words
        #expect(words.determiners.contains("the"))
        #expect(words.pronouns["she"]?.gender == .female)
        #expect(words.prepositions.contains("amid"))
        #expect(words.auxiliaries["was"]?.lemma == "be")
        #expect(words.reportingVerbs.contains("say"))
        #expect(words.titles["chief executive"] == true)
        #expect(words.titles["aide"] == false)
        #expect(words.irregularVerbs["give"]?.past == ["gave"])
    }

    @Test("without WordNet files, loading says which file is missing")
    func missingWordNet() {
        #expect(throws: LexiconError.self) { try Lexicon.load(wordNetDirectory: "/nonexistent/wordnet") }
    }
}
