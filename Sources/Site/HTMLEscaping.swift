import Mustache

/// Escapes text for HTML element content and quoted attribute values: `&`, `<`, `>`, `"` and `'`.
///
/// Used for HTML built in Swift (feed entries) and, as `HTMLEscaping.ContentType`, for every
/// `{{ }}` in the theme's templates. It works on UTF-8 bytes: the five characters are ASCII and
/// never part of a multi-byte sequence, so text without them is returned as it is, and the rest
/// is copied in runs between them. (swift-mustache's own escaping looks every `Character` up in
/// a dictionary, which cost a tenth of a build.)
enum HTMLEscaping {
    static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard let first = bytes.firstIndex(where: needsEscape) else { return nil }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + bytes.count / 8 + 16)
            result.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                switch byte {
                case UInt8(ascii: "&"): result.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): result.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): result.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\""): result.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'"): result.append(contentsOf: "&#39;".utf8)
                default: result.append(byte)
                }
            }
            return String(decoding: result, as: UTF8.self)
        } ?? text
    }

    /// Appends `text`, escaped, to `output`.
    static func append(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            for (index, byte) in bytes.enumerated() where needsEscape(byte) {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                switch byte {
                case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
                default: output.append(contentsOf: "&#39;".utf8)
                }
                runStart = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
    }

    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }

    /// The Mustache content type the theme's templates are rendered with: HTML, escaped as above.
    ///
    /// swift-mustache picks a content type with a `{{% CONTENT_TYPE: name }}` pragma, looked up
    /// when the template is parsed; `ThemeLibrary` puts that pragma at the top of every template.
    struct ContentType: MustacheContentType {
        /// The name the pragma uses.
        static let name = "EXPLAINER_HTML"

        func escapeText(_ text: String) -> String {
            HTMLEscaping.escape(text)
        }

        /// Registers the content type with swift-mustache, once per process.
        static func register() {
            _ = registered
        }

        private static let registered: Void = MustacheContentTypes.register(ContentType(), named: name)
    }
}
