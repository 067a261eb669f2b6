import Content
import Foundation
import Testing

@testable import ExplainerEngine

/// Inputs on which `make fuzz` once found a crash, each kept as a file in FuzzCrashes/ and run
/// here the way FuzzArticle runs them: as a `.txt` and as a `.md` article, through the engine.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let crashes: [URL] = {
        let folder = Bundle.module.url(forResource: "FuzzCrashes", withExtension: nil)!
        let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        return files.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }()

    @Test("the crash folder is not empty")
    func folderIsRead() {
        #expect(Self.crashes.count >= 2)
    }

    @Test("every input that once crashed the engine is explained, each question a question", arguments: crashes)
    func explained(file: URL) throws {
        let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
        var explained = 0
        for path in ["fuzz/article.txt", "fuzz/article.md"] {
            guard let article = try? ArticleLoader().parse(text, path: path) else { continue }
            let analysis = ArticleAnalysis(article: article, lexicon: EngineTestSupport.lexicon)
            for (sentence, clauses) in zip(analysis.sentences, analysis.clauses) {
                for clause in clauses {
                    #expect(clause.complements.allSatisfy { !$0.range.isEmpty }, "an empty complement in: \(sentence.text)")
                }
            }
            let explainer = ExplainerGenerator(lexicon: EngineTestSupport.lexicon).explain(article)
            #expect(explainer.questions.allSatisfy { $0.question.hasSuffix("?") })
            #expect(!ExplainerWriter.markdown(explainer).isEmpty)
            explained += 1
        }
        #expect(explained > 0)
    }
}
