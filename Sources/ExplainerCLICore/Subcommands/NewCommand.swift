import ArgumentParser
import Content
import Foundation

/// `explainer new "Title"`: start a hand-written explainer.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create content/<slug>.md for a new explainer, as a draft.",
        discussion: "Refuses to overwrite an existing file. Remove `draft: true` to publish it."
    )

    @OptionGroup var site: SiteFolderOptions

    @Argument(help: "The explainer's title.")
    var title: String

    func run() throws {
        let author = ContentAuthor(contentDirectory: site.contentDirectory)
        do {
            let path = try author.newDraft(title: title)
            print("Created \(path)")
        } catch {
            throw CommandFailure(diagnostics: [error])
        }
    }
}
