import Foundation

/// JSON that can sit inside an HTML `<script>` element whatever the strings in it hold.
///
/// `<`, `>` and `&` become `\u003c`, `\u003e` and `\u0026`, so neither `</script>` nor `<!--`
/// can appear; U+2028 and U+2029 are escaped too. JSON parsers read the same values.
///
/// The site's JSON (JSON-LD, the search index) is written by `Writer`, which produces exactly
/// the bytes `JSONEncoder` with `.sortedKeys` and `.withoutEscapingSlashes` followed by
/// `escape(_:)` would, in one pass over UTF-8 bytes; the encoder took a tenth of a build.
enum ScriptSafeJSON {
    /// Encodes `value` with sorted keys (the same bytes on every build), then makes it script-safe.
    static func encode(_ value: some Encodable, pretty: Bool = false) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        return escape(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// `value` as compact, script-safe JSON with sorted keys.
    static func encode(_ value: JSONValue) -> String {
        var writer = Writer()
        writer.value(value)
        return writer.text
    }

    static func escape(_ json: String) -> String {
        var result = ""
        result.reserveCapacity(json.utf8.count)
        for scalar in json.unicodeScalars {
            switch scalar {
            case "<": result += "\\u003c"
            case ">": result += "\\u003e"
            case "&": result += "\\u0026"
            case "\u{2028}": result += "\\u2028"
            case "\u{2029}": result += "\\u2029"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Writes compact, script-safe JSON into a byte buffer.
    struct Writer {
        private(set) var bytes: [UInt8] = []

        init(capacity: Int = 1024) {
            bytes.reserveCapacity(capacity)
        }

        var text: String { String(decoding: bytes, as: UTF8.self) }

        mutating func raw(_ text: StaticString) {
            text.withUTF8Buffer { bytes.append(contentsOf: $0) }
        }

        mutating func raw(_ byte: UInt8) {
            bytes.append(byte)
        }

        mutating func value(_ value: JSONValue) {
            switch value {
            case .string(let text): string(text)
            case .int(let number): bytes.append(contentsOf: String(number).utf8)
            case .array(let elements):
                raw(UInt8(ascii: "["))
                for (index, element) in elements.enumerated() {
                    if index > 0 { raw(UInt8(ascii: ",")) }
                    self.value(element)
                }
                raw(UInt8(ascii: "]"))
            case .object(let members):
                raw(UInt8(ascii: "{"))
                // JSONEncoder's `.sortedKeys` order is the order of the keys' UTF-8 bytes.
                let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
                for (index, key) in keys.enumerated() {
                    if index > 0 { raw(UInt8(ascii: ",")) }
                    string(key)
                    raw(UInt8(ascii: ":"))
                    self.value(members[key]!)
                }
                raw(UInt8(ascii: "}"))
            }
        }

        /// A JSON string: quotes, backslashes and control characters escaped as `JSONEncoder`
        /// does, plus the script-safe escapes.
        mutating func string(_ text: String) {
            raw(UInt8(ascii: "\""))
            var text = text
            text.withUTF8 { input in
                var runStart = 0
                var index = 0
                while index < input.count {
                    let byte = input[index]
                    let replacement: StaticString?
                    var length = 1
                    switch byte {
                    case UInt8(ascii: "\""): replacement = "\\\""
                    case UInt8(ascii: "\\"): replacement = "\\\\"
                    case 0x0A: replacement = "\\n"
                    case 0x0D: replacement = "\\r"
                    case 0x09: replacement = "\\t"
                    case 0x08: replacement = "\\b"
                    case 0x0C: replacement = "\\f"
                    case UInt8(ascii: "<"): replacement = "\\u003c"
                    case UInt8(ascii: ">"): replacement = "\\u003e"
                    case UInt8(ascii: "&"): replacement = "\\u0026"
                    case 0xE2 where index + 2 < input.count && input[index + 1] == 0x80 && input[index + 2] == 0xA8:
                        replacement = "\\u2028"
                        length = 3
                    case 0xE2 where index + 2 < input.count && input[index + 1] == 0x80 && input[index + 2] == 0xA9:
                        replacement = "\\u2029"
                        length = 3
                    case 0x00..<0x20: replacement = nil
                    default:
                        index += 1
                        continue
                    }
                    bytes.append(contentsOf: input[runStart..<index])
                    if let replacement {
                        raw(replacement)
                    } else {
                        let hex: [UInt8] = Array("0123456789abcdef".utf8)
                        raw("\\u00")
                        bytes.append(hex[Int(byte >> 4)])
                        bytes.append(hex[Int(byte & 0xF)])
                    }
                    index += length
                    runStart = index
                }
                bytes.append(contentsOf: input[runStart..<input.count])
            }
            raw(UInt8(ascii: "\""))
        }
    }
}
