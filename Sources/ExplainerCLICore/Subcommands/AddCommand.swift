import ArgumentParser
import Content
import ExplainerEngine
import Foundation

/// `explainer add PATH`: import a raw article and show the questions its page will ask.
struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Copy an article file into content/ under a slug made from its headline.",
        discussion: "Refuses to overwrite. Prints the questions the explainer will ask."
    )

    @OptionGroup var site: SiteFolderOptions

    @Argument(help: "The article to import (.txt: headline on the first line; or .md).")
    var file: String

    func run() throws {
        let author = ContentAuthor(contentDirectory: site.contentDirectory)
        do {
            let (path, article) = try author.importArticle(at: file)
            let explainer = ExplainerGenerator().explain(article)
            print("Added \(path)")
            print("Its explainer asks \(explainer.questions.count) question\(explainer.questions.count == 1 ? "" : "s"):")
            for item in explainer.questions { print("  - \(item.question)") }
        } catch {
            throw CommandFailure(diagnostics: [error])
        }
    }
}
