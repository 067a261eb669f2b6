import Content
import Foundation

/// What an in-place commit does to the output folder, written down before it starts so that a
/// build killed half-way through can be finished by the next one.
///
/// Every step can be repeated: a move whose file is already gone was done, a removal of a
/// missing file is done. Paths in `moves` are relative to the staging folder (`from`) and the
/// output folder (`to`); the cache move is between absolute paths.
struct CommitJournal: Codable, Sendable, Hashable {
    struct Move: Codable, Sendable, Hashable {
        var from: String
        var to: String
    }

    /// Folders to make in the output folder, parents first.
    var createFolders: [String] = []
    /// New and changed files.
    var moves: [Move] = []
    /// Files no longer part of the site.
    var removals: [String] = []
    /// Folders left empty by the removals, deepest first.
    var removeFolders: [String] = []
    /// The build cache describing the new output, put in place last.
    var cache: Move?

    static let fileName = "journal.json"

    /// Writes the journal into `folder` so that it appears whole or not at all.
    func write(to folder: StagingFolder) throws {
        let data = try JSONEncoder().encode(self)
        try folder.write(data, to: Self.fileName + ".partial")
        guard rename(folder.path + "/" + Self.fileName + ".partial", folder.path + "/" + Self.fileName) == 0 else {
            throw CocoaError(.fileWriteUnknown)
        }
    }

    /// The journal in `folder`, if a complete one is there.
    static func read(from folder: StagingFolder) -> CommitJournal? {
        guard let data = FileContents.data(atPath: folder.path + "/" + fileName) else { return nil }
        return try? JSONDecoder().decode(CommitJournal.self, from: data)
    }
}
