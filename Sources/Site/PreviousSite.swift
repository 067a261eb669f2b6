/// What the previous site's folder beside the output holds (`SiteWriter.previousDirectory`),
/// as the build cache records it: the folder's identity, and where its files differ from the
/// output's.
///
/// After a swap the folder holds the site the output held before, which differs from the new
/// one only in the files the build changed; so recording the differences keeps the cache
/// small. The folder is trusted only while its identity matches (each build replaces its
/// marker before changing anything in it).
struct PreviousSite: Sendable, Hashable {
    /// One path where the previous site differs from the output: its fingerprint there, or
    /// nil where the previous site lacks the file.
    struct Difference: Sendable, Hashable {
        var path: String
        var key: StableHasher.Digest?
    }

    var identity: OutputIdentity
    /// Sorted by path.
    var differences: [Difference]

    /// No previous site, or one whose contents are not known.
    static let unknown = PreviousSite(identity: .none, differences: [])

    /// Path → fingerprint of every file of the previous site, given the output's.
    func outputKeys(from output: [String: StableHasher.Digest]) -> [String: StableHasher.Digest] {
        var keys = output
        for difference in differences { keys[difference.path] = difference.key }
        return keys
    }

    /// The record of a previous site holding `old` once the output holds `new`.
    init(identity: OutputIdentity, old: [String: StableHasher.Digest], new: [String: StableHasher.Digest]) {
        var differences: [Difference] = []
        for (path, key) in old where new[path] != key { differences.append(Difference(path: path, key: key)) }
        for path in new.keys where old[path] == nil { differences.append(Difference(path: path, key: nil)) }
        self.init(identity: identity, differences: differences.sorted { $0.path < $1.path })
    }

    init(identity: OutputIdentity, differences: [Difference]) {
        self.identity = identity
        self.differences = differences
    }
}
