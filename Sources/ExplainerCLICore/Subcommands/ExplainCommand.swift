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

    func run() throws {
        let article: Article
        do {
            article = try ArticleLoader().load(fileAt: file)
        } catch {
            throw CommandFailure(diagnostics: [error])
        }
        let explainer = ExplainerGenerator().explain(article)
        switch format {
        case .markdown: print(ExplainerWriter.markdown(explainer), terminator: "")
        case .json: print(try ExplainerWriter.json(explainer))
        }
    }
}
