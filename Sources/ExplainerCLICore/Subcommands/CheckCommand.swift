import ArgumentParser
import Content
import ExplainerEngine
import Foundation
import Site

/// `explainer check`: validate everything a build reads, writing nothing.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check site.yml, the theme and every article without building anything.",
        discussion: """
            Reports front matter types, duplicate slugs, empty articles, template errors and editor
            questions the engine cannot answer, each as `file:line:column: message`. Exits 1 if any.
            """
    )

    @OptionGroup var site: SiteFolderOptions

    @Option(help: "Theme to check instead of the one in site.yml.")
    var theme: String?

    func run() throws {
        let builder = SiteBuilder(options: BuildOptions(
            sourceDirectory: site.source, themeName: theme, includeDrafts: true, includeFuture: true))
        let generator = ExplainerGenerator()
        let diagnostics = builder.check { article in generator.check(article) }
        if diagnostics.contains(where: { $0.severity == .error }) {
            throw CommandFailure(diagnostics: diagnostics)
        }
        for diagnostic in diagnostics {
            FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
        }
        print("No problems found.")
    }
}
