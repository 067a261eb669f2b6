import Content
import ExplainerEngine
import Foundation
import Markdown

/// What to build and where: the inputs of one site build.
public struct BuildOptions: Sendable {
    /// The site folder: holds `site.yml`, `content/` and `Themes/`.
    public var sourceDirectory: String
    /// Where the finished site goes; `<source>/public` when nil.
    public var outputDirectory: String?
    /// Overrides `theme:` in `site.yml`.
    public var themeName: String?
    public var includeDrafts: Bool
    public var includeFuture: Bool
    /// Build the valid articles even when others have errors (the build still reports failure).
    public var keepGoing: Bool
    /// Overrides `base_url` in `site.yml` (the preview server serves at its own address).
    public var baseURL: String?
    /// A script placed before `</body>` in every HTML page (the preview's live reload).
    public var liveReloadScript: String?

    public init(
        sourceDirectory: String = ".", outputDirectory: String? = nil, themeName: String? = nil,
        includeDrafts: Bool = false, includeFuture: Bool = false, keepGoing: Bool = false
    ) {
        self.sourceDirectory = sourceDirectory
        self.outputDirectory = outputDirectory
        self.themeName = themeName
        self.includeDrafts = includeDrafts
        self.includeFuture = includeFuture
        self.keepGoing = keepGoing
    }
}

/// What a build did.
public struct BuildReport: Sendable {
    public var outputDirectory: String
    public var articleCount: Int
    public var pagesWritten: Int
    /// Problems that did not stop the build (warnings, or errors with `keepGoing`).
    public var diagnostics: [Diagnostic]
}

/// Builds a whole site: content → explainers → HTML → themed pages in the output folder.
public struct SiteBuilder: Sendable {
    public let options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Runs the build. Throws `DiagnosticList` when any error was found; the previous output
    /// folder is then left exactly as it was.
    public func build(progress: @escaping @Sendable (String) -> Void = { _ in }) async throws -> BuildReport {
        fatalError("SiteBuilder is written in the Site task")
    }
}
