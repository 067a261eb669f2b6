import Content
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the last successful build of one output folder read and wrote: kept in
/// `.explainer-cache/` in the site folder so the next build redoes only what changed.
///
/// The cache holds each content file's record (stamp, fingerprint, summary), each output file's
/// fingerprint, where each explainer's entries sit in `search.json`, and the report. Builds use
/// it in three ways:
/// - nothing changed (same tool, options, settings, theme, content stamps, output folder): the
///   build returns the recorded report and touches nothing;
/// - some content changed: unchanged files are not read again, and output files whose
///   fingerprint is unchanged are neither rendered nor written;
/// - the cache is missing, unreadable, from another version, or describes another output
///   folder: the build starts from scratch.
///
/// It is put in place just before the output is swapped in and names the output folder it
/// describes (`output`), so a cache that does not describe the output in place is never trusted.
struct BuildCache: Sendable {
    /// Changed whenever the cache's contents or their meaning change.
    static let formatVersion = 4

    /// Where an explainer's entries sit in `search.json`.
    struct SearchFragment: Sendable, Hashable {
        var slug: String
        var key: StableHasher.Digest
        var offset: Int
        var length: Int
    }

    /// A file of the site and its fingerprint.
    struct OutputRecord: Sendable, Hashable {
        var path: String
        var key: StableHasher.Digest
    }

    /// Fingerprint of the tool, the options, `site.yml` and the themes folder.
    var environment: StableHasher.Digest
    /// Fingerprint of what explainers are made with (the tool, the Markdown options, the
    /// content folder's name): records made with another are not reused.
    var articleKey: StableHasher.Digest
    /// When the content folder was scanned (nanoseconds since 1970), for racy stamps.
    var scanTime: Int64
    /// Every content file, sorted by relative path.
    var articles: [ArticleRecord]
    /// Every file of the site but the marker, sorted by path.
    var outputs: [OutputRecord]
    /// Each explainer's entries in `search.json`, in site order.
    var searchFragments: [SearchFragment]
    /// The stamp of `search.json` as written, so it is read back only if it is untouched.
    var searchIndexStamp: FileStamp
    /// The earliest date of an article left out for being in the future: from then on the same
    /// inputs make another site.
    var futureBoundary: Date?
    /// The latest date of an article published as not in the future: a clock set back before it
    /// makes another site from the same inputs.
    var latestPublished: Date? = nil
    /// Fingerprint of the site's order and tags, which alone decide related explainers.
    var relatedKey: StableHasher.Digest = .zero
    /// For each explainer in site order, the indices of its related explainers.
    var related: [[Int]] = []
    var output: OutputIdentity
    /// What the previous site's folder beside the output holds.
    var previousSite: PreviousSite = .unknown
    var articleCount: Int
    var pagesWritten: Int
    var diagnostics: [Diagnostic]

    /// Output path → fingerprint.
    func outputKeys() -> [String: StableHasher.Digest] {
        Dictionary(outputs.map { ($0.path, $0.key) }, uniquingKeysWith: { first, _ in first })
    }

    /// Explainer slug → where its entries are in `search.json`.
    func searchFragmentsBySlug() -> [String: SearchFragment] {
        Dictionary(searchFragments.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The cache file for the output folder `output` under `directory`.
    static func path(in directory: String, forOutput output: String) -> String {
        let key = StableHasher.digest { $0.combine(output) }
        return (directory as NSString).appendingPathComponent("\(key.description.prefix(16))/build-cache")
    }

    /// The cache at `path`, or nil when it is missing, unreadable or of another format.
    static func load(from path: String) -> BuildCache? {
        // Mapped, not read: records kept as they were are written back from these pages.
        guard let data = try? FileContents.data(atPath: path, mapped: true) else { return nil }
        var reader = BinaryReader(data)
        return try? BuildCache(from: &reader)
    }

    /// Writes the cache beside `path` and renames it over `path`, so a reader sees the old cache
    /// or the new one, never part of one. A failed write leaves no temporary file.
    func install(at path: String) throws {
        let temporary = path + ".new-\(getpid())"
        do {
            try write(to: temporary)
            guard rename(temporary, path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Writes the cache to `path`.
    func write(to path: String) throws {
        StagingFolder.makeDirectories((path as NSString).deletingLastPathComponent)
        let file = try BufferedFile(path: path)
        var writer = BinaryWriter(capacity: 1 << 20)
        try encode(to: &writer, file: file)
        try file.write(writer.bytes)
        try file.close()
    }
}
