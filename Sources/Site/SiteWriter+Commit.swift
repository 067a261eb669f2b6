import Content
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension SiteWriter {
    /// Puts the files staged in `staging` in place inside the existing output folder, as
    /// `journal` says, then removes the staging folder.
    ///
    /// The journal is written first; the renames run with interrupt signals held back
    /// (`CommitGuard`), so Ctrl-C lands before the commit (old site) or after it (new site).
    /// Only a kill that cannot be caught can stop it half-way, and the next build then finishes
    /// the journal before it reads anything.
    func commit(_ journal: CommitJournal, from staging: StagingFolder) throws {
        try journal.write(to: staging)
        CommitGuard.run {
            apply(journal, from: staging)
        }
        staging.discard()
    }

    /// Does every step of `journal`; steps already done are skipped.
    func apply(_ journal: CommitJournal, from staging: StagingFolder) {
        let output = outputDirectory
        for folder in journal.createFolders {
            _ = mkdir(output + "/" + folder, 0o777)
        }
        for move in journal.moves {
            _ = rename(staging.path + "/" + move.from, output + "/" + move.to)
        }
        for file in journal.removals {
            _ = unlink(output + "/" + file)
        }
        for folder in journal.removeFolders {
            _ = rmdir(output + "/" + folder)
        }
        if let cache = journal.cache {
            _ = rename(cache.from, cache.to)
        }
    }
}
