import ArgumentParser
import Content
import Foundation
import Site

/// `explainer build`: the whole site into the output folder.
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the explainer site from content/ into public/.",
        discussion: """
            Reads site.yml, every article in content/ and the theme from Themes/. The new site is
            written beside the output folder (in .public.previous/, which holds the previous site
            between builds) and swapped into place in one step only when complete, so a failed or
            interrupted build leaves the previous site as it was.
            """
    )

    @OptionGroup var site: SiteFolderOptions

    @Option(help: "Where to write the site (default: public/ in the site folder).")
    var output: String?

    @Option(help: "Theme to use instead of the one in site.yml.")
    var theme: String?

    @Flag(help: "Include articles marked `draft: true`.")
    var drafts = false

    @Flag(help: "Include articles dated in the future.")
    var future = false

    @Flag(help: "Build the valid articles even when others have errors (still exits non-zero).")
    var keepGoing = false

    func run() async throws {
        let options = BuildOptions(
            sourceDirectory: site.source, outputDirectory: output, themeName: theme,
            includeDrafts: drafts, includeFuture: future, keepGoing: keepGoing)
        let started = Date()
        do {
            let report = try await SiteBuilder(options: options).build { message in
                FileHandle.standardError.write(Data((message + "\n").utf8))
            }
            for diagnostic in report.diagnostics {
                FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
            }
            let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
            let explainers = report.articleCount == 1 ? "1 explainer" : "\(report.articleCount) explainers"
            print("Built \(explainers), \(report.pagesWritten) pages into \(report.outputDirectory) in \(seconds) s.")
            if report.diagnostics.contains(where: { $0.severity == .error }) {
                throw ExitCode.failure
            }
        } catch let list as DiagnosticList {
            throw CommandFailure(diagnostics: list.diagnostics)
        } catch let diagnostic as Diagnostic {
            throw CommandFailure(diagnostics: [diagnostic])
        }
    }
}
