import ArgumentParser
import Foundation
import Preview

/// `explainer serve`: the live-reloading preview.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site locally; pages reload when content, themes or site.yml change.",
        discussion: """
            The preview is built into .preview/ (never over public/), includes drafts, and listens on
            loopback only unless --host says otherwise. Stop it with Ctrl-C.
            """
    )

    @OptionGroup var site: SiteFolderOptions

    @Option(help: "Address to listen on (127.0.0.1 keeps it private to this machine).")
    var host: String = "127.0.0.1"

    @Option(help: "Port to listen on; 0 picks a free one.")
    var port: Int = 8000

    @Option(help: "Theme to use instead of the one in site.yml.")
    var theme: String?

    @Flag(inversion: .prefixedNo, help: "Include articles marked `draft: true`.")
    var drafts = true

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        let server = PreviewServer(configuration: .init(
            siteDirectory: site.source, host: host, port: port, themeName: theme, includeDrafts: drafts))
        try await server.run()
    }
}
