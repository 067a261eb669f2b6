import Testing

@testable import ExplainerEngine

@Suite("StructureParser")
struct StructureParserTests {
    let parser = StructureParser(words: EngineTestSupport.words)

    @Test("short lines without final punctuation are subheads; paragraphs carry their section")
    func subheads() {
        let structure = parser.parse("The vote was close.\n\nWhat Comes Next\n\nThe council meets again in May.", headline: "H", markdown: false)
        #expect(structure.blocks.map(\.kind) == [.paragraph, .subhead, .paragraph])
        #expect(structure.blocks[2].section == "What Comes Next")
    }

    @Test("an all-capitals subhead is written in sentence case")
    func capitalSubhead() {
        let structure = parser.parse("Text here.\n\nNEW PORT, OLD PORT\n\nMore text.", headline: "H", markdown: false)
        #expect(structure.blocks[1].text == "New port, old port")
    }

    @Test("a dateline is taken off the first paragraph")
    func dateline() {
        let structure = parser.parse("NORTH BAY, Estland — The ferry company said on Monday it would hire 40 crew.", headline: "H", markdown: false)
        #expect(structure.blocks[0].text == "The ferry company said on Monday it would hire 40 crew.")
    }

    @Test("a one-sentence first paragraph without a day is the dek")
    func dek() {
        let body = "A new ferry will link the islands, and fares will fall by a third.\n\nThe company said on Monday it had signed the contract.\n\nSecond.\n\nThird.\n\nFourth."
        let structure = parser.parse(body, headline: "H", markdown: false)
        #expect(structure.dek == "A new ferry will link the islands, and fares will fall by a third.")
    }

    @Test("Q: and A: lines become interview questions and answers")
    func interview() {
        let structure = parser.parse("Intro paragraph.\n\nQ: Why boats?\n\nA: Because my father built them.", headline: "H", markdown: false)
        #expect(structure.blocks.map(\.kind) == [.paragraph, .interviewQuestion, .interviewAnswer])
        #expect(structure.blocks[1].text == "Why boats?")
        #expect(structure.isInterview)
    }

    @Test("Markdown headings, lists, emphasis and links become plain blocks; tables are skipped")
    func markdown() {
        let body = """
            ## How it *worked*

            The team found three things:

            - Boats were **faster**.
            - Crews were [happier](https://example.com).

            | a | b |
            |---|---|
            | 1 | 2 |

            Done.
            """
        let structure = parser.parse(body, headline: "H", markdown: true)
        #expect(structure.blocks.map(\.kind) == [.subhead, .paragraph, .listItem, .listItem, .paragraph])
        #expect(structure.blocks[0].text == "How it worked")
        #expect(structure.blocks[2].text == "Boats were faster.")
        #expect(structure.blocks[3].text == "Crews were happier.")
        #expect(structure.blocks[3].listIntro == 1)
        #expect(structure.blocks[4].text == "Done.")
    }
}
