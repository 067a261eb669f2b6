/// Which output folder a build wrote: the folder's and its marker file's stamps.
///
/// The build cache describes one output folder. A folder deleted and made again, or replaced by
/// a build that kept no cache, has another folder inode or another marker file, so the cache is
/// not trusted for it. The folder's own timestamps are left out: commits change them.
struct OutputIdentity: Sendable, Hashable {
    var folder: FileStamp
    var marker: FileStamp

    static let none = OutputIdentity(folder: .missing, marker: .missing)

    /// Whether both are the same files, unchanged.
    func matches(_ other: OutputIdentity) -> Bool {
        folder != .missing && marker != .missing
            && folder.device == other.folder.device && folder.inode == other.folder.inode
            && marker == other.marker
    }
}
