import Foundation

/// Finds the shared cmark-gfm conformance files, which live beside the project, not in it.
///
/// `$EXPLAINER_SHARED/spec` when that variable is set, otherwise `../shared/spec` next to the
/// package root (the nearest folder above this source file that holds `Package.swift`).
enum SharedSpecDirectory {
    /// The folder holding `spec.txt` and friends, or `nil` when it is not there.
    static func locate(environment: [String: String] = ProcessInfo.processInfo.environment,
                       sourceFile: String = #filePath) -> URL? {
        let candidate: URL
        if let shared = environment["EXPLAINER_SHARED"], !shared.isEmpty {
            candidate = URL(fileURLWithPath: shared, isDirectory: true).appendingPathComponent("spec", isDirectory: true)
        } else if let root = packageRoot(above: URL(fileURLWithPath: sourceFile)) {
            candidate = root.deletingLastPathComponent().appendingPathComponent("shared/spec", isDirectory: true)
        } else {
            return nil
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return nil
        }
        return candidate.standardizedFileURL
    }

    /// Where the search looked, for the message printed when nothing was found.
    static func describeSearch(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let shared = environment["EXPLAINER_SHARED"], !shared.isEmpty {
            return "\(shared)/spec (from EXPLAINER_SHARED)"
        }
        return "../shared/spec beside the package root (set EXPLAINER_SHARED to point elsewhere)"
    }

    private static func packageRoot(above file: URL) -> URL? {
        var directory = file.deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                return directory
            }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }
}
