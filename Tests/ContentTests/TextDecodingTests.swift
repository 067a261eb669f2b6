import Foundation
import Testing

@testable import Content

@Suite("TextDecoding")
struct TextDecodingTests {
    @Test("a UTF-8 byte-order mark is dropped")
    func byteOrderMarkIsDropped() throws {
        let text = try TextDecoding.decode(Data([0xEF, 0xBB, 0xBF] + Array("Head\n\nBody".utf8)), path: "a.txt")
        #expect(text == "Head\n\nBody")
    }

    @Test("UTF-16 with a byte-order mark is decoded")
    func utf16IsDecoded() throws {
        let data = "Zoë wins\n\nText.".data(using: .utf16)!
        #expect(try TextDecoding.decode(data, path: "a.txt") == "Zoë wins\n\nText.")
    }

    @Test("invalid UTF-8 is reported with line, column and byte offset")
    func invalidUTF8IsLocated() {
        let bytes = Array("Head\n\nab".utf8) + [0xFF] + Array("c".utf8)
        do {
            _ = try TextDecoding.decode(Data(bytes), path: "bad.txt")
            Issue.record("accepted")
        } catch {
            #expect(error.location == SourceLocation(file: "bad.txt", line: 3, column: 3))
            #expect(error.message.contains("byte offset 8"))
        }
    }

    @Test("a truncated multi-byte sequence at the end is invalid")
    func truncatedSequence() {
        #expect(TextDecoding.firstInvalidUTF8(Array("é".utf8).dropLast()[...]) == 0)
        #expect(TextDecoding.firstInvalidUTF8(Array("aé€😀".utf8)[...]) == nil)
        #expect(TextDecoding.firstInvalidUTF8([0xED, 0xA0, 0x80][...]) == 0)  // a UTF-16 surrogate
    }

    @Test("a binary file (NUL bytes) is refused")
    func binaryIsRefused() {
        do {
            _ = try TextDecoding.decode(Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]), path: "img.txt")
            Issue.record("accepted")
        } catch {
            #expect(error.message.contains("binary"))
        }
    }
}
