/// Makes plain article text safe to embed in Markdown, so it renders as the same text.
public enum MarkdownEscaping {
    /// Backslash-escapes the characters that could start Markdown syntax or raw HTML.
    public static func escape(_ text: String) -> String {
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
