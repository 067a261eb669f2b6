import Content
import Foundation

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
    /// The folder holding the themes; `<source>/Themes` when nil.
    public var themesDirectory: String?
    /// The moment that decides which articles are "in the future"; the time of the build when nil.
    public var now: Date?
    /// How many cores to use; all of them when nil. The output is the same whatever the number.
    public var maxConcurrency: Int?
    /// Where the build cache goes; `<source>/.explainer-cache` when nil.
    public var cacheDirectory: String?
    /// Whether to use the build cache: when false, every article is read and every file written
    /// (the cache is still written for the next build).
    public var incremental: Bool
    /// Whether explainer pages may be made from skeletons (`PageSkeleton`); tests compare both ways.
    var usesSkeletons = true

    public init(
        sourceDirectory: String = ".", outputDirectory: String? = nil, themeName: String? = nil,
        includeDrafts: Bool = false, includeFuture: Bool = false, keepGoing: Bool = false,
        themesDirectory: String? = nil, now: Date? = nil, maxConcurrency: Int? = nil,
        cacheDirectory: String? = nil, incremental: Bool = true
    ) {
        self.sourceDirectory = sourceDirectory
        self.outputDirectory = outputDirectory
        self.themeName = themeName
        self.includeDrafts = includeDrafts
        self.includeFuture = includeFuture
        self.keepGoing = keepGoing
        self.themesDirectory = themesDirectory
        self.now = now
        self.maxConcurrency = maxConcurrency
        self.cacheDirectory = cacheDirectory
        self.incremental = incremental
    }
}

/// What a build did.
public struct BuildReport: Sendable {
    public var outputDirectory: String
    public var articleCount: Int
    /// The pages (HTML files) the site has.
    public var pagesWritten: Int
    /// Problems that did not stop the build (warnings, or errors with `keepGoing`).
    public var diagnostics: [Diagnostic]
    /// How many files this build wrote, removed and left as they were.
    public var filesWritten: Int = 0
    public var filesRemoved: Int = 0
    public var filesUnchanged: Int = 0
}
