import ArgumentParser
import Foundation

/// `--source`, the site folder every subcommand that reads a site takes.
struct SiteFolderOptions: ParsableArguments {
    @Option(help: "The site folder (holding site.yml, content/ and Themes/).")
    var source: String = "."

    /// The site's content/ folder.
    var contentDirectory: String { (source as NSString).appendingPathComponent("content") }
}
