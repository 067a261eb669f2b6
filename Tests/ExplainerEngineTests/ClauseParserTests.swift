import Testing

@testable import ExplainerEngine

@Suite("ClauseParser")
struct ClauseParserTests {
    /// The main clause of a one-sentence text, rendered as "front | subject | verb | complements".
    func describe(_ text: String) -> String? {
        let analysis = EngineTestSupport.analysis(text)
        guard let sentence = analysis.sentences.first, let clause = analysis.clauses[sentence.index].first else { return nil }
        let front = clause.front.map { sentence.text($0.range) }.joined(separator: ", ")
        let subject = clause.subjectPieces.map { sentence.text($0) }.joined(separator: " + ")
        let complements = clause.complements.map { sentence.text($0.range) }.joined(separator: " / ")
        return "\(front) | \(subject) | \(sentence.text(clause.verb.range)) | \(complements)"
    }

    @Test("front adjunct, subject, verb and two objects")
    func doubleObject() {
        #expect(describe("On Friday, the board gave the club a new boat.") == "On Friday | the board | gave | the club / a new boat")
    }

    @Test("interruptions are kept out of the subject: appositive, relative clause, participle")
    func interruptions() {
        #expect(describe("Mira Holt, the club's chief instructor, said the season would start in May.")
            == " | Mira Holt | said | the season would start in May")
        #expect(describe("Ola, who had sailed all night, and Nils reached the island.") == " | Ola + Nils | reached | the island")
        #expect(describe("Nils, known for his boats, smiled at the crowd.") == " | Nils | smiled | at the crowd")
    }

    @Test("a restrictive relative clause stays in the subject")
    func restrictiveRelative() {
        #expect(describe("The two members who voted against the plan left early.") == " | The two members who voted against the plan | left | early")
    }

    @Test("raising and have-to chains belong to the verb group")
    func verbChains() {
        #expect(describe("The pier is expected to open in June.") == " | The pier | is expected to open | in June")
        #expect(describe("The boat has to leave before noon.") == " | The boat | has to leave | before noon")
    }

    @Test("reasons, purposes, participles and coordinated verbs are their own constituents")
    func constituents() throws {
        let analysis = EngineTestSupport.analysis("The club sold its boat in order to pay for the slipway, and bought a smaller one.")
        let clause = try #require(analysis.clauses[0].first)
        #expect(clause.complements.map(\.kind) == [.nounGroup, .purpose, .coordinatedVerb])
        #expect(analysis.clauses[0].count == 2)
        #expect(analysis.clauses[0][1].role == .coordinated(parent: 0))
    }

    @Test("an attribution at the end is not a complement")
    func attribution() throws {
        let analysis = EngineTestSupport.analysis("The ferry was cancelled because the wind was too strong, the coastguard said.")
        let clause = try #require(analysis.clauses[0].first)
        let sentence = analysis.sentences[0]
        #expect(clause.attribution.map { sentence.text($0) } == "the coastguard said")
        #expect(clause.complements.map(\.kind) == [.reason("because")])
    }

    @Test("a sentence with no finite verb gives no clause")
    func fragment() {
        #expect(describe("A new boat and two oars.") == nil)
    }
}
