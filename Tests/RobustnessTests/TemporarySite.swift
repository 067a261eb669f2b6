import Content
import Foundation
import Site

/// A throwaway site folder (site.yml, content/, the repository's themes) for catalogue tests.
struct TemporarySite {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let root: URL
    var content: URL { root.appendingPathComponent("content") }
    var output: URL { root.appendingPathComponent("public") }

    init(siteYAML: String = "title: Catalogue\nbase_url: https://example.org/news/\n") throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("catalogue-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
        try siteYAML.write(to: root.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            at: root.appendingPathComponent("Themes"), withDestinationURL: Self.repository.appendingPathComponent("Themes"))
        try write("good.txt", "Ferry Cancelled\n\nThe ferry was cancelled on Friday because gusts reached 90 kilometres per hour.\n")
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    func write(_ name: String, _ text: String) throws {
        try write(name, Data(text.utf8))
    }

    func write(_ name: String, _ data: Data) throws {
        let url = content.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// Builds with these options; returns the diagnostics of a failed build, or nil on success.
    @discardableResult
    func build(keepGoing: Bool = false, output: String? = nil) async -> [Diagnostic]? {
        do {
            _ = try await SiteBuilder(options: BuildOptions(
                sourceDirectory: root.path, outputDirectory: output, keepGoing: keepGoing)).build()
            return nil
        } catch let list as DiagnosticList {
            return list.diagnostics
        } catch {
            return [Diagnostic(at: SourceLocation(file: "?"), "\(error)")]
        }
    }

    /// Every file of the output folder with its bytes, for exact comparisons.
    func snapshot(_ folder: URL? = nil) -> [String: Data] {
        let base = folder ?? output
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: base.path) else { return files }
        while let relative = enumerator.nextObject() as? String {
            let url = base.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[relative] = FileManager.default.contents(atPath: url.path)
            }
        }
        return files
    }

    func page(_ relative: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(relative), encoding: .utf8)
    }
}
