import Testing

@testable import ExplainerEngine

@Suite("Tagger")
struct TaggerTests {
    @Test("names, verbs and nouns in a double-object sentence")
    func doubleObject() {
        let tags = EngineTestSupport.tags("Later Mayor Sandvik handed Lena a medal and a scarf.")
        #expect(tags["handed"] == .verb)
        #expect(tags["Lena"] == .properNoun)
        #expect(tags["medal"] == .noun)
        #expect(tags["a"] == .determiner)
    }

    @Test("a plural noun before a past tense stays a noun; a verb before a participle adjective stays a verb")
    func pluralNounBeforePastTense() {
        var tags = EngineTestSupport.tags("Parents at the pilot schools asked the city to keep the lunches.")
        #expect(tags["schools"] == .noun && tags["asked"] == .verb)
        tags = EngineTestSupport.tags("Free school lunches raised attendance in twelve schools.")
        #expect(tags["lunches"] == .noun && tags["raised"] == .verb)
        tags = EngineTestSupport.tags("The minister wants improved roads.")
        #expect(tags["wants"] == .verb && tags["improved"] == .adjective)
        tags = EngineTestSupport.tags("The mayor opens renovated baths on Friday.")
        #expect(tags["opens"] == .verb)
        tags = EngineTestSupport.tags("Lumiq shares closed down 8.3 percent at 312.50 crowns.")
        #expect(tags["shares"] == .noun && tags["closed"] == .verb)
    }

    @Test("an adverb between a modal and its verb: the city will now pay")
    func adverbAfterModal() {
        let tags = EngineTestSupport.tags("The city will now pay for a new boiler and bill the owner.")
        #expect(tags["now"] == .adverb && tags["pay"] == .verb && tags["bill"] == .verb)
    }

    @Test("a plural noun, its phrase, then the verb: Rooftop gardens in Bergvik doubled …")
    func pluralNounBeforePhraseAndVerb() {
        let tags = EngineTestSupport.tags("Rooftop gardens in Bergvik doubled the number of wild bees.")
        #expect(tags["gardens"] == .noun && tags["doubled"] == .verb)
    }

    @Test("a speech verb right after a quotation is a verb, not \"the said professor\"")
    func speechVerbAfterQuotation() {
        let tags = EngineTestSupport.tags("\"A roof is not a meadow,\" said Professor Elin Strand, who led the study.")
        #expect(tags["said"] == .verb)
    }

    @Test("a noun before a modal stays a noun: the tea set will be used")
    func nounBeforeModal() {
        let tags = EngineTestSupport.tags("The tea set will be used.")
        #expect(tags["set"] == .noun)
        #expect(tags["used"] == .verb)
    }

    @Test("in a question, the verb after the subject takes the auxiliary's form")
    func inversion() {
        var tokens = Tokenizer(words: EngineTestSupport.words).tokenize("What did Ola gift Nils?")
        Tagger(lexicon: EngineTestSupport.lexicon).tag(&tokens)
        #expect(tokens[3].tag == .verb)
        #expect(tokens[3].lemma == "gift")
        #expect(tokens[3].form == .base)
    }

    @Test("a participle opens an interruption; the verb after it is finite")
    func participleInterruption() {
        var tokens = Tokenizer(words: EngineTestSupport.words).tokenize("Nils, known for his boats, smiled at the crowd.")
        Tagger(lexicon: EngineTestSupport.lexicon).tag(&tokens)
        #expect(tokens[2].tag == .verb && tokens[2].form == .pastParticiple)
        #expect(tokens[7].tag == .verb && tokens[7].form == .past)
    }

    @Test("that after a reporting verb opens a clause; after a noun, a relative clause")
    func that() {
        #expect(EngineTestSupport.tags("She said that the boat sank.")["that"] == .complementizer)
        #expect(EngineTestSupport.tags("The boat that sank was old.")["that"] == .relative)
        #expect(EngineTestSupport.tags("He told the crew that the boat sank.")["that"] == .complementizer)
    }

    @Test("to before a verb is the infinitive marker; before a noun group, a preposition")
    func to() {
        #expect(EngineTestSupport.tags("They plan to build a pier.")["to"] == .infinitive)
        #expect(EngineTestSupport.tags("They sailed to the island.")["to"] == .preposition)
    }
}
