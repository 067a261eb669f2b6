import Foundation

/// JSON that can sit inside an HTML `<script>` element whatever the strings in it hold.
///
/// `<`, `>` and `&` become `\u003c`, `\u003e` and `\u0026`, so neither `</script>` nor `<!--`
/// can appear; U+2028 and U+2029 are escaped too. JSON parsers read the same values.
enum ScriptSafeJSON {
    /// Encodes `value` with sorted keys (the same bytes on every build), then makes it script-safe.
    static func encode(_ value: some Encodable, pretty: Bool = false) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        return escape(String(decoding: try encoder.encode(value), as: UTF8.self))
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
}
