import Foundation
import Testing

@testable import Site

/// A small site in a temporary folder: `site.yml`, `content/` and the repository's `Themes/`.
struct SiteFixture {
    let root: URL

    /// The repository's `Themes/` folder, found from this file's path.
    static let repositoryThemes: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Themes").path

    /// A fixed "now" so that what counts as the future never depends on when tests run.
    static let now = ISO8601DateFormatter().date(from: "2025-01-01T00:00:00Z")!

    init(siteYAML: String = SiteFixture.defaultSiteYAML, articles: [String: String] = SiteFixture.defaultArticles) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("site-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
        try write("site.yml", siteYAML)
        for (name, text) in articles {
            try write("content/\(name)", text)
        }
    }

    var output: String { root.appendingPathComponent("public").path }

    func write(_ relativePath: String, _ text: String) throws {
        let url = root.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    func options(
        output: String? = nil, theme: String? = nil, drafts: Bool = false, future: Bool = false,
        themes: String = SiteFixture.repositoryThemes
    ) -> BuildOptions {
        BuildOptions(
            sourceDirectory: root.path, outputDirectory: output ?? self.output, themeName: theme,
            includeDrafts: drafts, includeFuture: future, themesDirectory: themes, now: Self.now)
    }

    @discardableResult
    func build(output: String? = nil, theme: String? = nil, drafts: Bool = false, future: Bool = false,
               themes: String = SiteFixture.repositoryThemes) async throws -> BuildReport {
        try await SiteBuilder(options: options(output: output, theme: theme, drafts: drafts, future: future, themes: themes)).build()
    }

    /// The text of a file in the output folder (or `folder`).
    func read(_ relativePath: String, in folder: String? = nil) throws -> String {
        let url = URL(fileURLWithPath: folder ?? output).appendingPathComponent(relativePath)
        return String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }

    func exists(_ relativePath: String, in folder: String? = nil) -> Bool {
        FileManager.default.fileExists(atPath: URL(fileURLWithPath: folder ?? output).appendingPathComponent(relativePath).path)
    }

    /// Every file under `folder`: relative path → bytes.
    static func snapshot(_ folder: String) -> [String: Data] {
        var result: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return result }
        while let relative = enumerator.nextObject() as? String {
            let path = (folder as NSString).appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[relative] = FileManager.default.contents(atPath: path)
            }
        }
        return result
    }

    /// The stamp (inode, size, times) of every file under `folder`, by relative path.
    static func stamps(_ folder: String) -> [String: FileStamp] {
        var result: [String: FileStamp] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return result }
        while let relative = enumerator.nextObject() as? String {
            let stamp = FileStamp.of((folder as NSString).appendingPathComponent(relative))
            result[relative] = stamp
        }
        return result
    }

    static let defaultSiteYAML = """
        title: Test Desk
        description: Questions & answers, tested.
        base_url: https://example.org/
        language: en
        theme: default
        """

    /// Hand-written explainers (their questions are used exactly as written), a plain-text
    /// article, a draft and a future one.
    static let defaultArticles: [String: String] = [
        "bridge-vote.md": """
            ---
            title: Harbor Street bridge vote
            summary: The council approved the new bridge, 5 votes to 2.
            date: 2024-06-19
            author: Ana Reyes
            tags: [City Hall, Transport]
            ---

            ## What did the council decide?

            It approved the **Harbor Street bridge** by 5 votes to 2.

            ## How much will it cost?

            About 40 million dollars, paid over ten years.

            ## When does construction start?

            Next spring, if the state signs off.
            """,
        "ferry-wind.md": """
            ---
            title: Ferries cancelled by high winds
            summary: Every crossing was called off on Tuesday.
            date: 2024-05-02
            tags: [transport, weather]
            ---

            ## Why were the ferries cancelled?

            Gusts reached 90 km/h on the strait.

            ## When will they run again?

            Thursday morning, weather permitting.
            """,
        "notes.txt": """
            Library opens late on Sundays

            The city library will open until 9 p.m. on Sundays from next month, the council said on Monday after a vote of all members present.

            Who asked for it? Students did. A petition gathered 2,000 names in a week.
            """,
        "draft-story.md": """
            ---
            title: Unfinished draft story
            date: 2024-01-01
            draft: true
            ---

            ## Is this finished?

            No, it is a draft.
            """,
        "future-story.md": """
            ---
            title: Story from the future
            date: 2999-01-01
            ---

            ## Has this happened yet?

            Not yet.
            """,
    ]
}
