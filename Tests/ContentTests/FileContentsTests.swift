import Foundation
import Testing

@testable import Content

@Suite("FileContents")
struct FileContentsTests {
    func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("file-contents-\(UUID().uuidString)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("an empty file reads as empty data, mapped or not, without Foundation's read")
    func emptyFile() throws {
        let path = try temporaryFile([])
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(FileContents.isEmptyRegularFile(path))
        #expect(FileContents.data(atPath: path) == Data())
        #expect(try FileContents.data(atPath: path, mapped: true) == Data())
        #expect(try FileContents.data(atPath: path, mapped: false) == Data())
    }

    @Test("a file with bytes reads as those bytes, mapped or not")
    func bytes() throws {
        let path = try temporaryFile([0x61, 0x00, 0xFF, 0x0A])
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(!FileContents.isEmptyRegularFile(path))
        #expect(FileContents.data(atPath: path) == Data([0x61, 0x00, 0xFF, 0x0A]))
        #expect(try FileContents.data(atPath: path, mapped: true) == Data([0x61, 0x00, 0xFF, 0x0A]))
    }

    @Test("a missing file is nil, or Foundation's error naming it")
    func missing() {
        let path = "/nonexistent/explainer-\(UUID().uuidString)"
        #expect(FileContents.data(atPath: path) == nil)
        #expect(throws: CocoaError.self) { try FileContents.data(atPath: path, mapped: false) }
    }

    @Test("a folder is not an empty file")
    func folder() {
        #expect(!FileContents.isEmptyRegularFile(FileManager.default.temporaryDirectory.path))
        #expect(FileContents.data(atPath: FileManager.default.temporaryDirectory.path) == nil)
    }

    @Test("status: size, change time and folder from one stat; nil for a missing path")
    func status() throws {
        let path = try temporaryFile([1, 2, 3, 4, 5])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let status = try #require(FileContents.status(atPath: path))
        #expect(status.size == 5 && !status.isDirectory)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect(abs(status.modified.timeIntervalSince(attributes[.modificationDate] as! Date)) < 0.001)
        #expect(FileContents.status(atPath: FileManager.default.temporaryDirectory.path)?.isDirectory == true)
        #expect(FileContents.status(atPath: "/nonexistent/\(UUID().uuidString)") == nil)
    }
}
