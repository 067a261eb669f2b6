import Content
import Foundation
import Testing

@testable import ExplainerEngine

@Suite("Pipeline")
struct PipelineTests {
    @Test("answers to the same question from several sentences are merged into one")
    func merging() throws {
        let explainer = EngineTestSupport.explain("The board gave the club a new slipway.\n\nLater, the board also gave a rescue boat to the club.")
        let item = try #require(explainer.questions.first { $0.question == "What did the board give the club?" })
        #expect(item.answer == "A new slipway. A rescue boat.")
        #expect(explainer.questions.filter { $0.question == "What did the board give the club?" }.count == 1)
    }

    @Test("a hyponym named earlier replaces \"one of the\" in a gift: the limousine is a car")
    func hyponymInGift() throws {
        let text = "The two ministers rode in a silver limousine after the embassy said Lund had given one of the official cars to Berg."
        let answer = try #require(EngineTestSupport.answer(to: "What had Lund given Berg?", in: text))
        #expect(answer == "A silver limousine.")
    }

    @Test("a normal article gets at most 15 questions, a short one fewer, in story order")
    func limits() {
        let sentences = (1...40).map { "Skipper Name\($0) Holm sailed the boat number \($0) to the island in May." }
        let long = EngineTestSupport.explain(sentences.joined(separator: "\n\n"))
        #expect(long.questions.count <= 15)
        #expect(long.questions.count >= 5)
        let short = EngineTestSupport.explain("The ferry was cancelled on Friday because the wind was too strong.")
        #expect(short.questions.count <= 4)
        #expect(!short.questions.isEmpty)
    }

    @Test("\"What happened?\" opens the explainer, before the dek's questions")
    func happenedFirst() throws {
        let explainer = EngineTestSupport.explain("""
            The $48 million project will close the bridge for 14 months, and shop owners say they fear losing their customers.

            The Calderport City Council voted 7-2 on Tuesday night to demolish the Harbor Street bridge and build a wider crossing.

            The council approved the replacement after a state inspection in January rated the steel supports as poor.

            Odile Varga, the city's chief engineer, said a new bridge should last at least 75 years.
            """)
        let questions = explainer.questions.map(\.question)
        #expect(questions.first == "What happened?")
        #expect(questions.contains { $0.contains("fear") || $0.contains("How long") || $0.contains("How much") })
    }

    @Test("questions are in story order")
    func storyOrder() {
        let explainer = EngineTestSupport.explain(
            "The harbour board gave the sailing club a new slipway.\n\nThe race was cancelled because the wind was too strong.\n\nMembers are worried that fees will rise.")
        let questions = explainer.questions.map(\.question)
        let slipway = questions.firstIndex(of: "What did the harbour board give the sailing club?")
        let race = questions.firstIndex(of: "Why was the race cancelled?")
        let fees = questions.firstIndex(of: "What are members worried about?")
        #expect(slipway != nil && race != nil && fees != nil)
        if let slipway, let race, let fees { #expect(slipway < race && race < fees) }
    }

    @Test("same input, same output")
    func determinism() throws {
        let path = try samplePath()
        let article = try ArticleLoader().load(fileAt: path)
        let first = try ExplainerWriter.json(ExplainerGenerator().explain(article))
        let second = try ExplainerWriter.json(ExplainerGenerator().explain(article))
        #expect(first == second)
    }

    @Test("plain-text answers are Markdown-escaped")
    func escaping() throws {
        let explainer = EngineTestSupport.explain("The board gave the club a boat called *Swift* [II].")
        let item = try #require(explainer.questions.first { $0.question == "What did the board give the club?" })
        #expect(item.answer == "A boat called \\*Swift\\* \\[II\\].")
    }

    @Test("the sample: Putin's limousine, dagger and tea set are one answer")
    func sample() throws {
        let article = try ArticleLoader().load(fileAt: try samplePath())
        let explainer = ExplainerGenerator().explain(article)
        let item = try #require(explainer.questions.first {
            $0.question == "What did Putin gift Kim Jong-un?" || $0.question == "What did Putin gift Kim?"
        })
        #expect(item.answer.contains("limousine"))
        #expect(item.answer.contains("dagger"))
        #expect(item.answer.contains("tea set"))
        // Caption residue never reaches a question or an answer.
        let text = explainer.questions.map { $0.question + " " + $0.answer }.joined(separator: "\n")
        #expect(!text.contains("gifted to him X"))
        #expect(!text.contains("Putin Kim Jong-un\n"))
        #expect(explainer.questions.count >= 5 && explainer.questions.count <= 15)
    }

    @Test("editor questions are answered from the article; unanswerable ones are reported by check")
    func editorQuestions() throws {
        let text = """
            ---
            title: Harbour Works
            questions:
              - Why was the race cancelled?
              - Who won the cooking prize?
            ---

            The harbour board gave the sailing club a new slipway.

            The race was cancelled because the wind was too strong.
            """
        let article = try ArticleLoader().parse(text, path: "content/harbour.md")
        let generator = ExplainerGenerator(lexicon: EngineTestSupport.lexicon)
        let explainer = generator.explain(article)
        let item = try #require(explainer.questions.first { $0.question == "Why was the race cancelled?" })
        #expect(item.answer == "The race was cancelled because the wind was too strong.")
        let diagnostics = generator.check(article)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.contains("Who won the cooking prize?") == true)
        #expect(diagnostics.first?.severity == .warning)
    }

    @Test("a hand-written explainer is used as written")
    func handWritten() throws {
        let article = try ArticleLoader().parse("---\ntitle: T\n---\n\n## Why?\n\nBecause.\n", path: "c/t.md")
        let explainer = ExplainerGenerator(lexicon: EngineTestSupport.lexicon).explain(article)
        #expect(explainer.questions == [QuestionAnswer(question: "Why?", answer: "Because.")])
    }

    @Test("JSON keeps the shape qa-eval reads, with explicit null sections")
    func jsonShape() throws {
        let explainer = Explainer(title: "T", slug: "t", summary: "S", questions: [QuestionAnswer(question: "Q?", answer: "A.")], sourcePath: "t.txt")
        let json = try ExplainerWriter.json(explainer)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["title"] as? String == "T")
        #expect(object["slug"] as? String == "t")
        #expect(object["summary"] as? String == "S")
        let questions = try #require(object["questions"] as? [[String: Any]])
        #expect(questions.first?["question"] as? String == "Q?")
        #expect(questions.first?["answer"] as? String == "A.")
        #expect(questions.first?["section"] is NSNull)
    }

    /// The sample article in the repository's `content/` folder.
    private func samplePath() throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appendingPathComponent("content/putin-kim-gifts.txt").path
        try #require(FileManager.default.fileExists(atPath: path))
        return path
    }
}
