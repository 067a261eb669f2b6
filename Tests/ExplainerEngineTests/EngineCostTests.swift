import Content
import Testing

@testable import ExplainerEngine

/// The engine's cost is linear in the article: 1×, 10× and 100× the same kind of article
/// (every copy with its own names, places and numbers, so nothing is dropped as a repeat)
/// take 10× and 100× the steps, give or take the fixed cost of the headline and standard questions.
@Suite("Engine cost")
struct EngineCostTests {
    static let people = ["Mira Holt", "Nils Berg", "Ana Ruiz", "Tomas Lind", "Ola Sande", "Petra Novak", "Ivan Petrov", "Lea Moreau",
                         "Sam Okafor", "Rita Costa", "Jon Haug", "Eva Stein", "Karl Dahl"]
    static let places = ["Halden", "Tromsø", "Bergen", "Lyon", "Porto", "Graz", "Turku", "Malmö", "Ghent", "Cork", "Split"]
    static let things = ["bridge", "school", "harbour", "library", "rail line", "hospital", "stadium", "ferry terminal", "museum"]

    /// One copy of the story, told with names, places and numbers of its own.
    static func story(copy: Int) -> String {
        func pick(_ list: [String], _ offset: Int) -> String { list[(copy * 7 + offset) % list.count] }
        let mayor = pick(people, 0), minister = pick(people, 3), engineer = pick(people, 5)
        let town = pick(places, 0), city = pick(places, 2), thing = pick(things, copy)
        let cost = 10 + copy % 90, jobs = 120 + copy, year = 2030 + copy % 20
        return """
        \(town) will spend $\(cost) million on a new \(thing) after \(mayor), the town's mayor, won a vote on Tuesday in copy \(copy).

        The council voted 7-2 to approve the plan, which \(mayor) said would create \(jobs) jobs by \(year).

        "We have waited for this \(thing) for \(copy + 3) years," \(mayor) told reporters outside the town hall in \(town).

        \(minister), the regional minister, said the government would pay \(copy + 2) million dollars because the \(thing) serves \(city) as well.

        Work will begin in March \(year - 1) and is expected to last \(copy % 5 + 2) years, according to \(engineer), the project's chief engineer.

        Critics say the \(cost) million dollars should go to roads instead. Residents of \(city) are concerned that the works will close the main street for \(copy % 9 + 3) months.

        The \(thing) in \(town) was first proposed in \(1900 + copy), but plans stalled amid a dispute over \(copy + 12) acres of land.

        \(engineer) said the design uses timber from local forests in order to cut emissions by \(copy + 20) tonnes a year.
        """
    }

    static func article(copies: Int) -> Article {
        let body = (0..<copies).map { story(copy: $0) }.joined(separator: "\n\n")
        return EngineTestSupport.article(body, headline: "Town votes for a new bridge")
    }

    static func work(copies: Int) -> EngineWork {
        ExplainerGenerator(lexicon: EngineTestSupport.lexicon).explainCountingWork(article(copies: copies)).work
    }

    @Test("1×, 10× and 100× the article: 10× and 100× the steps, stage by stage")
    func linear() {
        let one = Self.work(copies: 1), ten = Self.work(copies: 10), hundred = Self.work(copies: 100)
        // Every copy is analysed: the input really grew.
        #expect(ten.tokens >= 10 * one.tokens && hundred.tokens >= 100 * one.tokens)
        // In all, at most 15% above proportional: a quadratic engine would be 10× and 100× over.
        #expect(ten.total <= one.total * 10 * 115 / 100, "total: \(one.total) → \(ten.total) at 10×")
        #expect(hundred.total <= one.total * 100 * 115 / 100, "total: \(one.total) → \(hundred.total) at 100×")
        // And not much below: the steps are counted where the work is done, not skipped.
        #expect(hundred.total >= one.total * 100 * 80 / 100, "total: \(one.total) → \(hundred.total)")
        // Stage by stage from 10× to 100×.
        let stages: [(String, KeyPath<EngineWork, Int>)] = [
            ("bytes", \.bytes), ("tokens", \.tokens), ("clauses", \.clauses), ("mentions", \.mentions),
            ("pronouns", \.pronouns), ("candidates", \.candidates), ("selection", \.selectionSteps), ("answers", \.answerSteps),
        ]
        for (name, path) in stages {
            let base = max(ten[keyPath: path], 1)
            #expect(hundred[keyPath: path] <= base * 10 * 115 / 100, "\(name): \(ten[keyPath: path]) → \(hundred[keyPath: path]) from 10× to 100×")
        }
        // Merging grows with how often a question repeats, up to a fixed number of parts each:
        // bounded per candidate, whatever the article's size.
        for work in [one, ten, hundred] {
            #expect(work.mergeSteps <= work.candidates * (QuestionSelector.mergedPartsLimit + 1), "merge: \(work)")
        }
    }

    @Test("an editor's questions are counted against every sentence")
    func editorQuestions() throws {
        let text = "---\ntitle: Town votes\nquestions:\n  - How much will the bridge cost?\n---\n" + Self.story(copy: 1)
        let article = try ArticleLoader().parse(text, path: "town.md")
        let work = ExplainerGenerator(lexicon: EngineTestSupport.lexicon).explainCountingWork(article).work
        #expect(work.answerSteps > 0)
        #expect(ExplainerGenerator(lexicon: EngineTestSupport.lexicon).explainCountingWork(Self.article(copies: 1)).work.answerSteps == 0)
    }

    @Test("a hundred repeats of one merged answer cost no more to merge than the cap allows")
    func mergeIsCapped() {
        // The same sentence with a different ending each time: one question, many answers.
        let body = (0..<100).map { "Mira Holt, the mayor, gave the club a boat numbered \($0 + 1)." }.joined(separator: "\n\n")
        let work = ExplainerGenerator(lexicon: EngineTestSupport.lexicon).explainCountingWork(EngineTestSupport.article(body)).work
        #expect(work.mergeSteps <= work.candidates * (QuestionSelector.mergedPartsLimit + 1))
    }
}
