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
        subcommands: [BuildCommand.self, ExplainCommand.self, ServeCommand.self],
        defaultSubcommand: nil
    )

    public init() {}
}
