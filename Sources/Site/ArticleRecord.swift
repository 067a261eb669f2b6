import Content
import Foundation

/// What the build knows about one content file: its stamp and fingerprint, and either the
/// problem that kept it from loading or what the site needs from it.
///
/// Kept in the build cache, so that a file whose stamp (or, failing that, whose bytes) did not
/// change is neither read nor parsed nor turned into an explainer again. A class with constant
/// properties (so `Sendable`): ten thousand of them are paired, filtered and selected per build.
final class ArticleRecord: Sendable, Hashable {
    /// The article's metadata that decides whether it is published.
    struct Info: Sendable, Hashable {
        /// As the loader names the file (the content folder as given, plus the relative path).
        var sourcePath: String
        var slug: String
        var draft: Bool
        var date: Date?
    }

    enum Outcome: Sendable, Hashable {
        /// The loader's error.
        case failed(Diagnostic)
        case loaded(Info, ExplainerSummary)
    }

    /// Relative to the content folder.
    let relativePath: String
    let stamp: FileStamp
    /// Fingerprint of the file's bytes.
    let contentDigest: StableHasher.Digest
    let outcome: Outcome
    /// This record as the cache file holds it, when it was read from one unchanged, so writing
    /// the cache again copies the bytes instead of encoding ten thousand records.
    let encoded: Data?

    init(relativePath: String, stamp: FileStamp, contentDigest: StableHasher.Digest, outcome: Outcome, encoded: Data? = nil) {
        self.relativePath = relativePath
        self.stamp = stamp
        self.contentDigest = contentDigest
        self.outcome = outcome
        self.encoded = encoded
    }

    /// The same record for a file whose stamp changed but whose bytes did not.
    func restamped(_ stamp: FileStamp) -> ArticleRecord {
        ArticleRecord(relativePath: relativePath, stamp: stamp, contentDigest: contentDigest, outcome: outcome)
    }

    static func == (a: ArticleRecord, b: ArticleRecord) -> Bool {
        (a.relativePath, a.stamp, a.contentDigest, a.outcome) == (b.relativePath, b.stamp, b.contentDigest, b.outcome)
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(relativePath)
        hasher.combine(contentDigest)
    }

    var info: Info? {
        if case .loaded(let info, _) = outcome { return info }
        return nil
    }

    var summary: ExplainerSummary? {
        if case .loaded(_, let summary) = outcome { return summary }
        return nil
    }
}
