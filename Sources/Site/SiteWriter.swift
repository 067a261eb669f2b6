import Content
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Puts a finished site in place so that the output folder always holds a complete site.
///
/// A first build (or one that changes most files) writes every file into a staging folder next
/// to the output folder, which is then swapped with the old output in one step: on Linux with
/// `renameat2(…, RENAME_EXCHANGE)`, elsewhere by renaming the old folder away first. The old
/// tree is removed afterwards.
///
/// A rebuild that changes a few files of a large site cannot afford that (creating and deleting
/// ten thousand folders takes seconds on ext4), so it commits in place instead
/// (`SiteWriter+Commit.swift`): the new files are written into the staging folder, a journal
/// of the moves is written, then the files are renamed over the old ones with interrupt
/// signals held back. Each file is always whole; if the process is killed during those renames,
/// the next build finishes the journal before anything else.
///
/// Staging folders left by killed builds (their process no longer runs) are finished or
/// removed by the next build. Nothing is written outside the staging folder before the swap or
/// commit, and a folder that does not look like a site built here is never replaced.
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
    var stagingDirectory: String { (parentDirectory as NSString).appendingPathComponent("\(stagingPrefix)\(getpid())") }

    /// Checks that the output folder may be replaced; throws a diagnostic saying why not.
    func checkOutputIsReplaceable() throws(Diagnostic) {
        let location = SourceLocation(file: outputDirectory, line: 0, column: 0)
        guard outputDirectory != "/", !outputName.isEmpty else {
            throw Diagnostic(at: location, "refusing to use the file system root as the output folder", hint: "pass --output public")
        }
        for protected in protectedDirectories where protected == outputDirectory || protected.hasPrefix(outputDirectory + "/") {
            throw Diagnostic(
                at: location, "the output folder would replace \(protected), which holds the site's sources",
                hint: "write the site to a folder of its own, such as public/")
        }
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: outputDirectory, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw Diagnostic(at: location, "the output path exists and is not a folder", hint: "remove it or choose another --output")
        }
        // The marker settles it without listing a folder of ten thousand entries.
        if FileStamp.of(markerPath) != .missing { return }
        let entries = (try? manager.contentsOfDirectory(atPath: outputDirectory)) ?? []
        if !entries.isEmpty, !entries.contains(Self.markerName) {
            throw Diagnostic(
                at: location, "the output folder is not empty and was not written by `explainer build`; it is left alone",
                hint: "each build replaces the whole output folder: choose an empty or new folder, or remove this one")
        }
    }

    var markerPath: String { (outputDirectory as NSString).appendingPathComponent(Self.markerName) }

    /// Writes `files` into a fresh staging folder and swaps it into place. Returns the number of
    /// files written. On any failure the staging folder is removed and the old output is untouched.
    func write(_ files: [OutputFile]) throws -> Int {
        var seen = Set<String>()
        for file in files where !seen.insert(file.path).inserted {
            throw Diagnostic(at: SourceLocation(file: file.path, line: 0, column: 0), "two parts of the site write the same file \(file.path)")
        }
        let staging = try beginStaging()
        do {
            for file in files { try staging.write(file.data, to: file.path) }
            try finishStaging(staging)
        } catch {
            staging.discard()
            throw error
        }
        return files.count
    }

    /// Checks the output folder, finishes or removes what killed builds left, and makes an empty
    /// staging folder for this build.
    func beginStaging() throws -> StagingFolder {
        try checkOutputIsReplaceable()
        let manager = FileManager.default
        try manager.createDirectory(atPath: parentDirectory, withIntermediateDirectories: true)
        recoverAbandonedStagingFolders()
        let staging = stagingDirectory
        if manager.fileExists(atPath: staging) { try manager.removeItem(atPath: staging) }
        try manager.createDirectory(atPath: staging, withIntermediateDirectories: false)
        return StagingFolder(path: staging)
    }

    /// Adds the marker to a staging folder that holds a whole site, runs `beforeSwap` (which
    /// may record the new output's identity) and swaps the folder into place. On failure the
    /// caller discards the staging folder.
    func finishStaging(_ staging: StagingFolder, beforeSwap: (OutputIdentity) throws -> Void = { _ in }) throws {
        try staging.write(Data(Self.markerText.utf8), to: Self.markerName)
        try beforeSwap(OutputIdentity(folder: FileStamp.of(staging.path), marker: FileStamp.of(staging.path + "/" + Self.markerName)))
        try swapIntoPlace(staging.path)
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

    private func swapIntoPlace(_ staging: String) throws {
        let manager = FileManager.default
        guard manager.fileExists(atPath: outputDirectory) else {
            try rename(staging, to: outputDirectory)
            return
        }
        if Self.exchange(staging, outputDirectory) {
            // `staging` now holds the previous site.
            StagingFolder(path: staging).discard()
            return
        }
        let old = (parentDirectory as NSString).appendingPathComponent("\(stagingPrefix)\(getpid())-old")
        try rename(outputDirectory, to: old)
        do {
            try rename(staging, to: outputDirectory)
        } catch {
            try? rename(old, to: outputDirectory)
            throw error
        }
        StagingFolder(path: old).discard()
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

    /// Finishes the commit journals of `.<output>.staging-<pid>` folders whose build process is
    /// no longer running, then removes those folders.
    func recoverAbandonedStagingFolders() {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parentDirectory) else { return }
        for entry in entries.sorted() where entry.hasPrefix(stagingPrefix) {
            let suffix = entry.dropFirst(stagingPrefix.count)
            let pidText = suffix.split(separator: "-").first.map(String.init) ?? ""
            guard let pid = Int32(pidText) else { continue }
            let alive = pid != getpid() && (kill(pid, 0) == 0 || errno == EPERM)
            if !alive {
                let folder = StagingFolder(path: (parentDirectory as NSString).appendingPathComponent(entry))
                if let journal = CommitJournal.read(from: folder) {
                    apply(journal, from: folder)
                }
                folder.discard()
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
