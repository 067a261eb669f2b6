import Testing

@testable import ExplainerEngine

@Suite("HandWrittenExplainer")
struct HandWrittenExplainerTests {
    @Test("## Question? sections become questions; each answer is its section, trimmed")
    func sections() throws {
        let body = "\n  \n## What happened?  \n\nThe bridge closed.\n\nTraffic moved east.\n\n##\tWhy?\n## Who paid? \n- the city\n- the state\n\n"
        let items = try #require(HandWrittenExplainer.parse(body))
        #expect(items.map(\.question) == ["What happened?", "Who paid?"])
        #expect(items.first?.answer == "The bridge closed.\n\nTraffic moved east.\n\n##\tWhy?")
        #expect(items.last?.answer == "- the city\n- the state")
    }

    @Test("a heading inside a code fence is part of the answer")
    func fences() throws {
        let body = "## How do I build it?\n\n```sh\n## not a question\nmake\n```\n\n## Is that all?\nYes."
        let items = try #require(HandWrittenExplainer.parse(body))
        #expect(items.count == 2)
        #expect(items[0].answer == "```sh\n## not a question\nmake\n```")
        #expect(items[1].answer == "Yes.")
    }

    @Test("not hand-written: text before the first question, a heading without a question mark, no sections", arguments: [
        "Intro line.\n## What happened?\nIt rained.",
        "## What happened?\nIt rained.\n## Background\nMore.",
        "Just a paragraph.",
        "",
    ])
    func notHandWritten(body: String) {
        #expect(HandWrittenExplainer.parse(body) == nil)
    }

    @Test("Unicode spaces around a question and an answer are trimmed like ASCII ones")
    func unicode() throws {
        let items = try #require(HandWrittenExplainer.parse("\u{00A0}\n## Qu’est-ce que c’est ?\u{2003}\n\u{00A0}Un pont.\u{00A0}\n"))
        #expect(items.map(\.question) == ["Qu’est-ce que c’est ?"])
        #expect(items.map(\.answer) == ["Un pont."])
    }
}
