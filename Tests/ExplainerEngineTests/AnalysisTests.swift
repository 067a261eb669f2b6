import Testing

@testable import ExplainerEngine

@Suite("Names, pronouns and quotations")
struct AnalysisTests {
    @Test("a short name is linked to the full name it is part of")
    func nameLinking() throws {
        let analysis = EngineTestSupport.analysis("Kim Jong-un met the envoy. Later, Kim gave a speech.")
        let kim = try #require(analysis.entities.entity(sentence: 1, token: 2))
        #expect(analysis.entities[kim].name == "Kim Jong-un")
        #expect(analysis.entities[kim].kind == .person)
    }

    @Test("organisations and places are told apart from people by their last word")
    func kinds() throws {
        let analysis = EngineTestSupport.analysis("Lena Dahl chairs the Westbay Rowing Club on Harbour Street.")
        let names = analysis.entities.entities.map { ($0.name, $0.kind) }
        #expect(names.contains { $0 == ("Lena Dahl", .person) })
        #expect(names.contains { $0 == ("Westbay Rowing Club", .organisation) })
        #expect(names.contains { $0 == ("Harbour Street", .place) })
    }

    @Test("she is the last person known to be she; an unknown they stays unresolved")
    func pronouns() {
        let analysis = EngineTestSupport.analysis("Lena Dahl runs the club. She founded it in 1990. They said it was hard.")
        #expect(analysis.referents[1]?[0]?.text == "Lena Dahl")
        #expect(analysis.referents[2]?[0] == nil)
    }

    @Test("a quotation takes its speaker from the attribution, and its continuation the same speaker")
    func quotations() {
        let analysis = EngineTestSupport.analysis("Lena Dahl runs the club.\n\n\"We row every day of the year, even in the snow,\" she said.\n\n\"Even in winter.\"")
        #expect(analysis.quotations.count == 1)  // the continuation is too short to be a quotation of its own
        #expect(analysis.quotations.first.flatMap { $0.speaker.map { analysis.entities[$0].name } } == "Lena Dahl")
    }
}
