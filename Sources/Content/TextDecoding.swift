import Foundation

/// Turns a content file's bytes into text, or says exactly where they stop being text.
enum TextDecoding {
    static func decode(_ data: Data, path: String) throws(Diagnostic) -> String {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            guard let text = String(data: data, encoding: .utf16) else {
                throw Diagnostic(
                    at: SourceLocation(file: path, line: 1, column: 1), "the file starts like UTF-16 but is not valid UTF-16",
                    hint: "save the file as UTF-8")
            }
            return text
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let nul = body.firstIndex(of: 0) {
            let location = Self.location(of: nul, in: bytes, path: path)
            throw Diagnostic(
                at: location, "this looks like a binary file, not text (a NUL byte at byte offset \(nul))",
                hint: "content/ takes .txt and .md articles saved as UTF-8 text")
        }
        if let bad = Self.firstInvalidUTF8(body) {
            let location = Self.location(of: bad, in: bytes, path: path)
            throw Diagnostic(
                at: location, "the file is not valid UTF-8 (bad byte 0x\(String(bytes[bad], radix: 16, uppercase: true)) at byte offset \(bad))",
                hint: "convert it to UTF-8, for example `iconv -f latin1 -t utf-8`")
        }
        return String(decoding: body, as: UTF8.self)
    }

    static func normalizeLineEndings(_ text: String) -> String {
        guard text.utf8.contains(13) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// The byte offset of the first byte that breaks UTF-8, or nil when all is valid.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            let length: Int
            switch lead {
            case 0x00...0x7F: index += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            guard index + length <= bytes.endIndex else { return index }
            for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 {
                return index  // the sequence that starts here is cut short: point at its first byte
            }
            let second = bytes[index + 1]
            if (lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F)
                || (lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second > 0x8F) {
                return index
            }
            index += length
        }
        return nil
    }

    /// Line and column (in characters) of a byte offset, for messages.
    static func location(of offset: Int, in bytes: [UInt8], path: String) -> SourceLocation {
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == 10 {
            line += 1
            lineStart = index + 1
        }
        let column = bytes[lineStart..<min(offset, bytes.count)].filter { $0 & 0xC0 != 0x80 }.count + 1
        return SourceLocation(file: path, line: line, column: column)
    }
}
