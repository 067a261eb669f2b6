import Content
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Puts a finished site in place so that the output folder always holds a complete site.
///
/// Every build writes into the folder beside the output named `.<output>.previous`, then swaps
/// that folder with the output in one step: on Linux with `renameat2(…, RENAME_EXCHANGE)`, which
/// no signal can split, elsewhere with three renames. The output folder is therefore always the
/// complete old site or the complete new one, whenever the build is interrupted or killed.
///
/// After the swap the previous folder holds the site the output held before. The next build
/// brings it up to date (`SiteOutput.write`) — only the files that differ, which for a
/// one-article edit of a large site are a few dozen — and swaps again; so the site is double
/// buffered, and a small rebuild costs as little as writing in place would. The build cache
/// records what the previous folder holds (`PreviousSite`) and trusts it only while its marker
/// file is the one recorded: a build starts by replacing that marker, so a build killed while
/// updating the folder leaves it untrusted, and the next build starts it afresh.
///
/// A previous folder that cannot be trusted is renamed to `.<output>.staging-<pid>-old` and
/// removed after the swap; such folders left by killed builds (their process no longer runs)
/// are removed by the next build. Nothing is written outside these folders, and a folder that
/// does not look like a site built here is never replaced.
struct SiteWriter: Sendable {
    /// The output folder, absolute and standardised.
    var outputDirectory: String
    /// Folders the output must never be or contain (the site folder, content/, Themes/).
    var protectedDirectories: [String]

    /// Written into every output folder; an existing folder without it is not replaced.
    static let markerName = ".explainer-site"
    static let markerText = "This folder was written by `explainer build` and is replaced by each build.\n"

    init(outputDirectory: String, protectedDirectories: [String] = []) {
        self.outputDirectory = Self.absolute(outputDirectory)
        self.protectedDirectories = protectedDirectories.map(Self.absolute)
    }

    var parentDirectory: String { (outputDirectory as NSString).deletingLastPathComponent }
    var outputName: String { (outputDirectory as NSString).lastPathComponent }
    var stagingPrefix: String { ".\(outputName).staging-" }
    /// Where the previous site is kept between builds and the next one is written.
    var previousDirectory: String { (parentDirectory as NSString).appendingPathComponent(".\(outputName).previous") }

    /// Checks that the output folder, and the previous site's folder beside it, may be
    /// replaced; throws a diagnostic saying why not.
    func checkOutputIsReplaceable() throws(Diagnostic) {
        let location = SourceLocation(file: outputDirectory, line: 0, column: 0)
        guard outputDirectory != "/", !outputName.isEmpty else {
            throw Diagnostic(at: location, "refusing to use the file system root as the output folder", hint: "pass --output public")
        }
        for protected in protectedDirectories
        where [outputDirectory, previousDirectory].contains(where: { protected == $0 || protected.hasPrefix($0 + "/") }) {
            throw Diagnostic(
                at: location, "the output folder would replace \(protected), which holds the site's sources",
                hint: "write the site to a folder of its own, such as public/")
        }
        try Self.checkReplaceable(outputDirectory, hint: "each build replaces the whole output folder: choose an empty or new folder, or remove this one")
        try Self.checkReplaceable(previousDirectory, hint: "builds keep the previous site in this folder: remove it, or choose another --output")
    }

    /// Throws unless `folder` is missing, empty, or holds the marker of a build.
    private static func checkReplaceable(_ folder: String, hint: String) throws(Diagnostic) {
        let location = SourceLocation(file: folder, line: 0, column: 0)
        var info = stat()
        guard lstat(folder, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFLNK {
            throw Diagnostic(
                at: location, "the path is a symbolic link; each build swaps in a whole new folder, which would replace the link",
                hint: "pass the folder the link points to as --output")
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            throw Diagnostic(at: location, "the path exists and is not a folder", hint: "remove it or choose another --output")
        }
        // The marker settles it without listing a folder of ten thousand entries.
        if FileStamp.of(folder + "/" + markerName) != .missing { return }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        if !entries.isEmpty {
            throw Diagnostic(at: location, "the folder is not empty and was not written by `explainer build`; it is left alone", hint: hint)
        }
    }

    var markerPath: String { (outputDirectory as NSString).appendingPathComponent(Self.markerName) }

    /// Writes `files` as the whole site and swaps it into place, keeping no previous site.
    /// Returns the number of files written. On any failure the old output is untouched.
    func write(_ files: [OutputFile]) throws -> Int {
        var seen = Set<String>()
        for file in files where !seen.insert(file.path).inserted {
            throw Diagnostic(at: SourceLocation(file: file.path, line: 0, column: 0), "two parts of the site write the same file \(file.path)")
        }
        let update = try beginUpdate(keepingPrevious: false)
        do {
            for file in files { try update.folder.write(file.data, to: file.path) }
            try finish(update, keepingPrevious: false)
        } catch {
            StagingFolder.removeTree(update.folder.path)
            throw error
        }
        return files.count
    }

    /// The folder a build writes its site in, and what it replaces.
    struct Update: Sendable {
        /// `previousDirectory`: the previous site being brought up to date, or a new empty folder.
        var folder: StagingFolder
        /// An untrusted previous folder moved aside, removed once the new site is in place.
        var discarded: String?
    }

    /// Checks the output folder, removes what killed builds left, and opens the folder this
    /// build writes in: the previous site when `keepingPrevious` (the caller knows what it
    /// holds), otherwise a new empty folder.
    ///
    /// The folder's marker is replaced first, so the identity the build cache recorded for it
    /// no longer matches: a build killed from here on leaves it untrusted.
    func beginUpdate(keepingPrevious: Bool) throws -> Update {
        try checkOutputIsReplaceable()
        try FileManager.default.createDirectory(atPath: parentDirectory, withIntermediateDirectories: true)
        recoverAbandonedStagingFolders()
        let folder = StagingFolder(path: previousDirectory)
        var discarded: String?
        if !keepingPrevious {
            discarded = try discard(folder.path, as: "old")
            guard mkdir(folder.path, 0o777) == 0 else {
                throw Diagnostic(
                    at: SourceLocation(file: folder.path, line: 0, column: 0), "cannot make the folder: \(String(cString: strerror(errno)))")
            }
        }
        try renewMarker(in: folder)
        return Update(folder: folder, discarded: discarded)
    }

    /// Gives the folder of `update`, which now holds the whole new site, a new marker; runs
    /// `beforeSwap` with its identity (to record it); and swaps it with the output folder.
    /// Afterwards `previousDirectory` holds the old output when `keepingPrevious`, and nothing
    /// otherwise. On failure the output folder is as it was.
    func finish(_ update: Update, keepingPrevious: Bool, beforeSwap: (OutputIdentity) throws -> Void = { _ in }) throws {
        let identity = try renewMarker(in: update.folder)
        // Ctrl-C lands before the cache and the swap or after both.
        try CommitGuard.run {
            try beforeSwap(identity)
            try swapIntoPlace(update.folder.path)
        }
        if !keepingPrevious, let replaced = try? discard(previousDirectory, as: "replaced") { StagingFolder.removeTree(replaced) }
        if let discarded = update.discarded { StagingFolder.removeTree(discarded) }
    }

    /// Renames `folder` (if there is one) to `.<output>.staging-<pid>-<suffix>` and returns
    /// that path; the caller removes it, or the next build does if this one is killed first.
    private func discard(_ folder: String, as suffix: String) throws -> String? {
        var info = stat()
        guard lstat(folder, &info) == 0 else { return nil }
        let aside = (parentDirectory as NSString).appendingPathComponent("\(stagingPrefix)\(getpid())-\(suffix)")
        StagingFolder.removeTree(aside)
        try rename(folder, to: aside)
        return aside
    }

    /// Replaces the marker in `folder` with a new file (renamed over the old one, so there is
    /// always one) and returns the folder's new identity.
    @discardableResult
    private func renewMarker(in folder: StagingFolder) throws -> OutputIdentity {
        let partial = Self.markerName + ".partial"
        try folder.write(Data(Self.markerText.utf8), to: partial)
        try rename(folder.path + "/" + partial, to: folder.path + "/" + Self.markerName)
        return previousIdentity()
    }

    /// The identity of the previous site's folder (see `outputIdentity`).
    func previousIdentity() -> OutputIdentity {
        OutputIdentity(folder: FileStamp.of(previousDirectory), marker: FileStamp.of(previousDirectory + "/" + Self.markerName))
    }

    /// What identifies the output folder written by a build: the folder and its marker file. A
    /// folder deleted and made again, or replaced by another build, has another identity.
    func outputIdentity() -> OutputIdentity {
        OutputIdentity(folder: FileStamp.of(outputDirectory), marker: FileStamp.of(markerPath))
    }

    /// `relative` joined to `root`, refusing anything that could leave `root`.
    ///
    /// A plain path is relative, has no empty, `.` or `..` component, no backslash or NUL, and
    /// does not start with `~` (which path APIs may expand), so joining it to `root` always
    /// stays inside `root`; checked on the bytes, as every file of a large site goes through here.
    static func path(_ relative: String, inside root: String) throws(Diagnostic) -> String {
        var safe = !relative.isEmpty && relative.utf8.first != UInt8(ascii: "~")
        var componentLength = 0
        var dots = 0
        for byte in relative.utf8 where safe {
            switch byte {
            case UInt8(ascii: "/"):
                safe = componentLength > 0 && !(componentLength == dots && dots <= 2)
                componentLength = 0
                dots = 0
            case UInt8(ascii: "\\"), 0:
                safe = false
            default:
                if byte == UInt8(ascii: ".") { dots += 1 }
                componentLength += 1
            }
        }
        safe = safe && componentLength > 0 && !(componentLength == dots && dots <= 2)
        guard safe else {
            throw Diagnostic(
                at: SourceLocation(file: relative, line: 0, column: 0), "refusing to write \(relative): it is not a plain path inside the output folder")
        }
        return root.hasSuffix("/") ? root + relative : root + "/" + relative
    }

    /// Exchanges `folder` with the output folder, or moves it there when there is none.
    private func swapIntoPlace(_ folder: String) throws {
        guard FileStamp.of(outputDirectory) != .missing else {
            try rename(folder, to: outputDirectory)
            return
        }
        if Self.exchange(folder, outputDirectory) { return }
        // Without an atomic exchange: the old output steps aside for a moment.
        let old = (parentDirectory as NSString).appendingPathComponent("\(stagingPrefix)\(getpid())-swap")
        try rename(outputDirectory, to: old)
        do {
            try rename(folder, to: outputDirectory)
        } catch {
            try? rename(old, to: outputDirectory)
            throw error
        }
        try rename(old, to: folder)
    }

    private func rename(_ from: String, to: String) throws {
        guard Foundation.rename(from, to) == 0 else {
            let reason = String(cString: strerror(errno))
            throw Diagnostic(at: SourceLocation(file: to, line: 0, column: 0), "cannot move \(from) here: \(reason)")
        }
    }

    /// Atomically exchanges two paths with Linux `renameat2(RENAME_EXCHANGE)`; false where that
    /// is unavailable (other systems, old kernels, file systems without it).
    static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32
        // glibc has `renameat2` since 2.28, but its header hides it from Swift; look it up instead.
        guard let symbol = renameat2Symbol else { return false }
        let function = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 1 << 1
        return function(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
        #else
        return false
        #endif
    }

    #if os(Linux)
    /// The address of glibc's `renameat2`, looked up once. A raw address is immutable and
    /// safe to share between threads.
    nonisolated(unsafe) private static let renameat2Symbol: UnsafeMutableRawPointer? = dlsym(dlopen(nil, RTLD_NOW), "renameat2")
    #endif

    /// Removes the `.<output>.staging-<pid>…` folders of builds that no longer run: previous
    /// folders they had set aside, or (from older versions) their staging folders.
    func recoverAbandonedStagingFolders() {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parentDirectory) else { return }
        for entry in entries.sorted() where entry.hasPrefix(stagingPrefix) {
            let suffix = entry.dropFirst(stagingPrefix.count)
            let pidText = suffix.split(separator: "-").first.map(String.init) ?? ""
            guard let pid = Int32(pidText) else { continue }
            let alive = pid != getpid() && (kill(pid, 0) == 0 || errno == EPERM)
            if !alive {
                StagingFolder.removeTree((parentDirectory as NSString).appendingPathComponent(entry))
            }
        }
    }

    static func absolute(_ path: String) -> String {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(path)
        var result = url.standardizedFileURL.path
        while result.count > 1, result.hasSuffix("/") { result.removeLast() }
        return result
    }
}
