/// Makes plain article text safe to embed in Markdown, so it renders as the same text.
public enum MarkdownEscaping {
    /// Backslash-escapes the characters that could start Markdown syntax or raw HTML.
    public static func escape(_ text: String) -> String {
        // Most text has nothing to escape.
        guard text.utf8.contains(where: { $0 == 0x5C || $0 == 0x60 || $0 == 0x2A || $0 == 0x5F || $0 == 0x5B || $0 == 0x5D
            || $0 == 0x3C || $0 == 0x3E || $0 == 0x23 || $0 == 0x7C || $0 == 0x7E }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "~":
                result.append("\\")
                result.append(character)
            default:
                result.append(character)
            }
        }
        return result
    }
}
