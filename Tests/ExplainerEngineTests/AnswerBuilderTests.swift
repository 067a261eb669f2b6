import Testing

@testable import ExplainerEngine

@Suite("AnswerBuilder and AnswerFinder")
struct AnswerBuilderTests {
    func part(_ text: String, quotation: Bool = false) -> AnswerPart {
        AnswerPart(text: text, sentence: 0, range: nil, isQuotation: quotation)
    }

    @Test("a part becomes a sentence: capital, full stop, trailing comma made a stop")
    func sentence() {
        #expect(AnswerBuilder.render([part("a new slipway")]) == "A new slipway.")
        #expect(AnswerBuilder.render([part("a loan of $2 million,")]) == "A loan of $2 million.")
        #expect(AnswerBuilder.render([part("\"related to the image,\"", quotation: true)]) == "\"Related to the image.\"")
    }

    @Test("parts are joined; a repeated or contained part is left out")
    func merging() {
        #expect(AnswerBuilder.render([part("a dagger"), part("a tea set"), part("a dagger")]) == "A dagger. A tea set.")
    }

    @Test("a relative clause continues the part before it in lowercase, or follows the name alone")
    func relativeClause() {
        var clause = part("who does not vote on the council except to break a tie")
        clause.relativeTo = "Benedikt Orr"
        #expect(AnswerBuilder.render([part("the mayor"), clause])
            == "The mayor, who does not vote on the council except to break a tie.")
        #expect(AnswerBuilder.render([clause]) == "Benedikt Orr, who does not vote on the council except to break a tie.")
    }

    @Test("Markdown characters in article text are escaped")
    func escaping() {
        #expect(AnswerBuilder.render([part("a *rare* map [1]")]) == "A \\*rare\\* map \\[1\\].")
    }

    @Test("the answer finder picks the sentence sharing the question's words, by lemma")
    func finder() throws {
        let analysis = EngineTestSupport.analysis(
            "The club opened in 1990.\n\nMembers voted to buy two new boats because the old ones leaked.\n\nThe season starts in May.")
        let results = AnswerFinder(analysis: analysis).answer(["Why did the members vote to buy boats?", "Who painted the clubhouse?"])
        let first = try #require(results.first?.candidate)
        #expect(AnswerBuilder.render(first.parts) == "Members voted to buy two new boats because the old ones leaked.")
        #expect(results.last?.candidate == nil)
    }
}
