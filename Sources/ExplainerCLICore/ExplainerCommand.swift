import Foundation
import ArgumentParser

/// The `explainer` command: its subcommands are the whole user interface.
public struct ExplainerCommand: AsyncParsableCommand {
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "explainer",
        abstract: "Turn news articles into question-and-answer explainer sites.",
        discussion: """
            Put .txt or .md articles in content/, then run `explainer build` to write the site to public/.
            `explainer explain FILE` shows one article's explainer without building anything.
            """,
        version: version,
        subcommands: [BuildCommand.self, ServeCommand.self, CheckCommand.self, ExplainCommand.self, NewCommand.self, AddCommand.self],
        defaultSubcommand: nil
    )

    public init() {}

    /// Parses the command line and runs the command; diagnostics go to standard error as
    /// `file:line:column: error: message` lines and the process exits 1.
    public static func runMain(arguments: [String]? = nil) async {
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let failure as CommandFailure {
            FileHandle.standardError.write(Data((failure.description + "\n").utf8))
            Foundation.exit(ExitCode.failure.rawValue)
        } catch {
            exit(withError: error)
        }
    }
}
