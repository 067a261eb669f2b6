import Content
import Foundation
import Testing

@testable import Site

@Suite("SiteWriter: staging, atomic swap and safety")
struct SiteWriterTests {
    func temporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("writer-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("the first write creates the folder; the next replaces it whole")
    func replaces() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let output = root + "/public"
        let writer = SiteWriter(outputDirectory: output)
        _ = try writer.write([OutputFile(path: "index.html", text: "one"), OutputFile(path: "old/index.html", text: "old")])
        _ = try writer.write([OutputFile(path: "index.html", text: "two")])
        #expect(SiteFixture.snapshot(output) == ["index.html": Data("two".utf8), SiteWriter.markerName: Data(SiteWriter.markerText.utf8)])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["public"])
    }

    @Test("paths that could leave the output folder are refused")
    func refusesEscapes() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        for bad in ["../evil.html", "/etc/passwd", "a/../../evil", "", "a//b", "./x"] {
            #expect(throws: Diagnostic.self, "\(bad)") { try SiteWriter(outputDirectory: root + "/public").write([OutputFile(path: bad, text: "x")]) }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == [])
    }

    @Test("a folder not written by a build, or one holding the sources, is never replaced")
    func refusesForeignFolders() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Data("precious".utf8).write(to: URL(fileURLWithPath: root + "/notes.txt"))
        #expect(throws: Diagnostic.self) { try SiteWriter(outputDirectory: root).write([OutputFile(path: "index.html", text: "x")]) }
        #expect(throws: Diagnostic.self) {
            try SiteWriter(outputDirectory: (root as NSString).deletingLastPathComponent, protectedDirectories: [root])
                .write([OutputFile(path: "index.html", text: "x")])
        }
        #expect(FileManager.default.contents(atPath: root + "/notes.txt") == Data("precious".utf8))
    }

    @Test("an output path that is a symbolic link is refused, and the link and its folder are left alone")
    func refusesLinkedOutput() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/www", withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: root + "/public", withDestinationPath: "www")
        #expect(throws: Diagnostic.self) { try SiteWriter(outputDirectory: root + "/public").write([OutputFile(path: "index.html", text: "x")]) }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: root + "/public") == "www")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/www") == [])
        // The folder it points to is a fine output.
        _ = try SiteWriter(outputDirectory: root + "/www").write([OutputFile(path: "index.html", text: "x")])
        #expect(FileManager.default.contents(atPath: root + "/www/index.html") == Data("x".utf8))
    }

    @Test("staging folders left by killed builds are removed")
    func removesAbandonedStaging() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // A pid above the kernel's maximum (4194304) never runs.
        let abandoned = root + "/.public.staging-99999999"
        try FileManager.default.createDirectory(atPath: abandoned + "/tags", withIntermediateDirectories: true)
        _ = try SiteWriter(outputDirectory: root + "/public").write([OutputFile(path: "index.html", text: "x")])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["public"])
    }
}
