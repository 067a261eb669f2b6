import ArgumentParser
import Content
import ExplainerEngine
import Foundation

/// `explainer explain FILE`: one article's explainer on standard output.
struct ExplainCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown, json
    }

    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Print one article's explainer as Markdown or JSON.",
        discussion: """
            The Markdown form is a draft an editor can save into content/ and edit:
              explainer explain raw-article.txt > content/my-explainer.md
            """
    )

    @Option(name: .shortAndLong, help: "Output format: markdown or json.")
    var format: Format = .markdown

    @Argument(help: "The article file (.txt or .md).")
    var file: String

    @Flag(help: "Also print to standard error how long the lexicon took to load and the engine took on this article (after one warm-up run, median of five, one core).")
    var timings = false

    func run() throws {
        let article: Article
        do {
            article = try ArticleLoader().load(fileAt: file)
        } catch {
            throw CommandFailure(diagnostics: [error])
        }
        let clock = ContinuousClock()
        let loadStart = clock.now
        let lexicon = Lexicon.shared
        let loading = clock.now - loadStart
        let generator = ExplainerGenerator(lexicon: lexicon)
        let explainer = generator.explain(article)
        if timings {
            let runs = (0..<5).map { _ in clock.measure { _ = generator.explain(article) } }.sorted()
            let words = article.body.split(whereSeparator: \.isWhitespace).count
            let engine = Self.milliseconds(runs[2])
            let perThousand = words > 0 ? engine * 1000 / Double(words) : 0
            let line = String(format: "timings: lexicon %.1f ms; engine %.3f ms for %d words (%.3f ms per 1,000 words)\n",
                              Self.milliseconds(loading), engine, words, perThousand)
            FileHandle.standardError.write(Data(line.utf8))
        }
        switch format {
        case .markdown: print(ExplainerWriter.markdown(explainer), terminator: "")
        case .json: print(try ExplainerWriter.json(explainer))
        }
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }
}
